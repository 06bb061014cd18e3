import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';

/**
 * The site search index, built with Pagefind's Node API after Astro has written the
 * prerendered pages (src/integrations/site.ts calls it). Everything runs at build time;
 * visitors download a static index and search in their own browser, so no query ever
 * reaches a server.
 */

/** Pages that must never show up as a search result. */
// /melden/veilig-surfen is reached from every reporting page; as a search result it outranked
// the knowledge pages for misspelt words (the judged query "polarizering").
export const notIndexed = new Set(['/404', '/sitemap', '/zoeken', '/blanco', '/melden/veilig-surfen']);

/** Pagefind's own UI bundles inject inline styles, which our CSP forbids; we ship our own UI. */
const unusedBundleFiles = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/**
 * The header opener on every page imports the search code from this fixed address, a
 * one-line module that imports the hashed bundle registering the `search:open` listener
 * (src/scripts/search/ui.ts). It is revalidated like a page, so a new build is used at once.
 */
export const uiAliasFile = 'zoeken-ui.js';

export async function writeUiAlias(root: string): Promise<void> {
  const assets = path.join(root, '_astro');
  const bundles: string[] = [];
  for (const name of await readdir(assets)) {
    if (!name.endsWith('.js')) continue;
    const code = await readFile(path.join(assets, name), 'utf8');
    if (/addEventListener\(\s*[`'"]search:open[`'"]/.test(code)) bundles.push(name);
  }
  if (bundles.length !== 1) throw new Error(`Expected one search bundle in ${assets}, found ${bundles.length}: ${bundles.join(', ')}`);
  await writeFile(path.join(root, uiAliasFile), `import './_astro/${bundles[0]}';\n`);
}

/** Written next to the index; the client loads it only when a word finds nothing. */
export const vocabularyFile = 'woorden.json';

export interface IndexReport {
  pages: number;
  records: number;
  words: number;
  /** Built pages without data-pagefind-body that are not deliberately left out. */
  unindexed: string[];
}

/**
 * Writes the index. Pagefind splits the word index into chunks of 20,000 word positions
 * (about 28 KB gzip), and a search downloads the chunk of each word; `npm run build` sets
 * PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE=5000 for the Pagefind binary, which inherits the build's
 * environment, so a first search stays well under its 100 KB budget (about 7 KB per word).
 * Pagefind calls the setting unstable; if it ever goes away, search still works, with bigger
 * downloads (the benchmark would show it).
 */
export async function buildSearchIndex(root: string): Promise<IndexReport> {
  const files = await htmlFiles(root);
  const { index, errors } = await pagefind.createIndex({
    // Every page says lang="nl"; forcing it keeps one index with Dutch stemming even if a
    // page ever forgets the attribute.
    forceLanguage: 'nl',
    // Source lists (src/components/content/SourceList.astro) repeat the same document titles
    // on every page: they would make every page match "polarisering" and weigh down the index.
    excludeSelectors: ['section[aria-labelledby="bronnen"]'],
  });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    let pages = 0;
    let records = 0;
    const unindexed: string[] = [];
    for (const file of files) {
      const url = pageUrl(path.relative(root, file));
      const html = await readFile(file, 'utf8');
      if (!html.includes('data-pagefind-body')) {
        if (!notIndexed.has(url)) unindexed.push(url);
        continue;
      }
      if (notIndexed.has(url)) throw new Error(`${url} must not be searchable, but it carries data-pagefind-body.`);
      pages += 1;
      const { page, entries } = splitEntries(html);
      for (const record of [{ url, content: page }, ...entries.map((e) => ({ url: `${url}#${e.id}`, content: entryDocument(e.html) }))]) {
        const added = await index.addHTMLFile(record);
        if (added.errors.length) throw new Error(`Pagefind could not index ${record.url}: ${added.errors.join('; ')}`);
        records += 1;
      }
    }
    const outputPath = path.join(root, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
    await Promise.all(unusedBundleFiles.map((name) => rm(path.join(outputPath, name), { force: true })));
    const words = await writeVocabulary(outputPath);
    return { pages, records, words, unindexed };
  } finally {
    await pagefind.close();
  }
}

async function htmlFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'pagefind' && entry.name !== '_astro') found.push(...(await htmlFiles(full)));
    } else if (entry.name.endsWith('.html')) {
      found.push(full);
    }
  }
  return found.sort();
}

/** `info/begrippen.html` → `/info/begrippen`: the clean URLs the server answers and the sitemap lists. */
export function pageUrl(relativeFile: string): string {
  const clean = relativeFile.split(path.sep).join('/').replace(/\.html$/, '').replace(/(^|\/)index$/, '');
  return `/${clean}`.replace(/\/$/, '') || '/';
}

export interface Entry {
  id: string;
  html: string;
}

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * Pages that collect many short answers (glossary, questions, signposting) mark each answer
 * with `data-search-entry` and an `id`. Each becomes its own search record with its own
 * address (`/info/vragen#kan-ik-anoniem-melden`), so a search for "anoniem" lands on the
 * answer instead of the top of a long page. The page keeps its remaining text as one record.
 */
export function splitEntries(html: string): { page: string; entries: Entry[] } {
  const entries: Entry[] = [];
  let page = '';
  let cursor = 0;
  const start = /<([a-zA-Z][\w-]*)\b[^>]*\bdata-search-entry\b[^>]*>/g;
  let match: RegExpExecArray | null;
  while ((match = start.exec(html))) {
    const open = match[0];
    const id = /\bid="([^"]+)"/.exec(open)?.[1];
    if (!id) throw new Error(`A data-search-entry element has no id: ${open}`);
    const end = elementEnd(html, match.index, match[1]!.toLowerCase());
    entries.push({ id, html: html.slice(match.index, end) });
    page += html.slice(cursor, match.index);
    cursor = end;
    start.lastIndex = end;
  }
  page += html.slice(cursor);
  return { page, entries };
}

/** Index just past the element that opens at `from`, by counting nested tags of any name. */
function elementEnd(html: string, from: number, tagName: string): number {
  const tag = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w-]*)\b[^>]*?(\/?)>/g;
  tag.lastIndex = from;
  let depth = 0;
  let match: RegExpExecArray | null;
  while ((match = tag.exec(html))) {
    const [, closing, rawName, selfClosing] = match;
    if (!rawName) continue; // a comment
    const name = rawName.toLowerCase();
    if (closing) depth -= 1;
    else if (!selfClosing && !voidElements.has(name)) depth += 1;
    if (depth === 0) {
      if (name !== tagName) throw new Error(`Unbalanced HTML in a data-search-entry <${tagName}>: it ends with </${name}>.`);
      return tag.lastIndex;
    }
  }
  throw new Error(`A data-search-entry <${tagName}> is never closed.`);
}

function entryDocument(html: string): string {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"></head><body><div data-pagefind-body>${html}</div></body></html>`;
}

/**
 * The words of the indexed text, most frequent first. When a search word finds nothing
 * ("polarizering"), the client looks here for the closest real word ("polarisering").
 */
async function writeVocabulary(outputPath: string): Promise<number> {
  const counts = new Map<string, number>();
  const fragmentDir = path.join(outputPath, 'fragment');
  for (const name of await readdir(fragmentDir)) {
    const raw = gunzipSync(await readFile(path.join(fragmentDir, name)));
    const fragment = JSON.parse(raw.subarray('pagefind_dcd'.length).toString('utf8')) as {
      content: string;
      meta: Record<string, string>;
    };
    for (const word of vocabularyWords(`${fragment.content} ${Object.values(fragment.meta).join(' ')}`)) {
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const words = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'nl')).map(([word]) => word);
  await writeFile(path.join(outputPath, vocabularyFile), JSON.stringify(words));
  return words.length;
}

/** Lower-case words of four letters or more; shorter words are too ambiguous to correct. */
export function vocabularyWords(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => w.length >= 4);
}
