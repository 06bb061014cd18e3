import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const clientDir = path.resolve(import.meta.dirname, '../../dist/client');

export interface BuiltPage {
  /** URL path without extension, e.g. /info/wat-is-polarisering. */
  path: string;
  html: string;
}

/** Every prerendered HTML page of the last build. */
export function builtPages(root = clientDir): BuiltPage[] {
  const pages: BuiltPage[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) {
        const relative = '/' + path.relative(root, full).replace(/\\/g, '/').replace(/\.html$/, '');
        pages.push({ path: relative === '/index' ? '/' : relative, html: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(root);
  return pages.sort((a, b) => a.path.localeCompare(b.path));
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };
const decode = (text: string) => text.replace(/&(#?\w+);/g, (m, name: string) => entities[name] ?? (name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1).replace(/^x/, '0x'))) : m));

/** The visible text of the page's <main>, as blocks (paragraphs, list items, headings, cells). */
export function mainTextBlocks(html: string): string[] {
  const main = /<main\b[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';
  return decode(
    main
      .replace(/<script\b[\s\S]*?<\/script>/g, ' ')
      .replace(/<(div|p|span)\b[^>]*\shidden\b[^>]*>[\s\S]*?<\/\1>/g, ' ')
      .replace(/<\/?(p|li|h[1-6]|td|th|dd|dt|summary|blockquote|figcaption|div|section|article|aside|ol|ul|tr|label|legend|button)\b[^>]*>/g, '\n\n')
      .replace(/<br\s*\/?>/g, '\n\n')
      .replace(/<[^>]+>/g, ''),
  )
    .split(/\n\s*\n/)
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter((block) => /[\p{L}\p{N}]/u.test(block));
}

/**
 * The prose of the page's <main>: the blocks a visitor reads as running text. Headings,
 * navigation (breadcrumbs, link lists in <nav>), buttons, form labels and legends, list
 * labels (<dt>, <th>, <summary>) and hidden parts are left out; `measureReadability` then
 * keeps only the blocks that are sentences.
 */
export function proseBlocks(html: string): string[] {
  const main = /<main\b[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';
  const withoutLabels = main
    .replace(/<(nav|h[1-6]|button|label|legend|dt|th|summary|script|style)\b[^>]*>[\s\S]*?<\/\1>/g, '\n\n')
    // A span styled as a block (a step's title above its text) is a block of its own.
    .replace(/<span\b[^>]*\bclass="[^"]*\bblock\b[^"]*"[^>]*>/g, '\n\n');
  return mainTextBlocks(`<main>${withoutLabels}</main>`);
}

/** All visible text of the page, including header and footer. */
export function visibleText(html: string): string {
  const body = /<body\b[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? html;
  return decode(body.replace(/<script\b[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
}
