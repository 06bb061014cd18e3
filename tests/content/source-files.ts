import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The files whose text visitors read: content, pages, components and the forms' labels.
 * Shared by the content suite, which a municipality replaces together with src/content.
 */
const root = join(import.meta.dirname, '..', '..');
const folders = ['src/content', 'src/pages', 'src/components', 'src/forms'];
const visible = /\.(md|mdx|astro|ts|yaml)$/;

export interface SourceFile {
  /** Path from the project root, e.g. src/content/faq/wie-leest-mijn-bericht.mdx. */
  path: string;
  text: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : visible.test(entry.name) ? [full] : [];
  });
}

export function visibleSourceFiles(): SourceFile[] {
  return folders
    .flatMap((folder) => walk(join(root, folder)))
    .map((full) => ({ path: relative(root, full), text: readFileSync(full, 'utf8') }));
}

/** Sentences of a file, with line breaks and markup squeezed out, so a statement split over lines still matches. */
export function sentences(text: string): string[] {
  return text
    .replace(/<[^>]+>/g, ' ')
    .replace(/\{[^{}]*\}/g, ' … ')
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+|["“”]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
