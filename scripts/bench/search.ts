/**
 * Search benchmark: what a visitor's first search costs. Bytes over the wire for everything
 * search loads (code, WebAssembly, index, result fragments), and the time from the last
 * keystroke to results on screen. Measured on the real site (the dialog on a content page)
 * and on a synthetic site of 1,000 Dutch pages (the /zoeken page), to see how it scales.
 *
 * On its own, after `npm run build`:  ./node_modules/.bin/node scripts/bench/search.ts
 */
import http from 'node:http';
import { cp, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { launchChromium, newIsolatedContext } from '../../tests/support/chromium.ts';
import { startSiteProcess } from '../../tests/support/site-process.ts';
import { buildSearchIndex } from '../../src/integrations/pagefind.ts';
import { applySecurityHeaders } from '../../src/server/http/security-headers.ts';
import { createStaticFiles } from '../../src/server/http/static-files.ts';
import type { BenchContext, BudgetLine, SectionReport } from './types.ts';
import { formatTable, kb, KB, median, printBudgets } from './util.ts';

export const FIRST_QUERY_BUDGET_BYTES = 100 * KB;
export const RESULTS_BUDGET_MS = 100;
/** Cold runs per measurement; the median is reported. */
const RUNS = 5;
/** A steady typist: about 12 keys a second. */
const KEY_DELAY_MS = 80;
const CORPUS_PAGES = 1000;
const rootDir = path.resolve(import.meta.dirname, '../..');

const kinds = ['code', 'wasm', 'index', 'fragments', 'other'] as const;
type Kind = (typeof kinds)[number];

export interface SearchFigures {
  /** Where it was measured: a page path. */
  page: string;
  query: string;
  /** Encoded bytes of everything search fetched for the first query (median run). */
  firstQueryBytes: number;
  byKind: Record<Kind, number>;
  requests: number;
  /** From the last keystroke of the first query to its results on screen (median of runs). */
  firstResultsMs: number;
  runsMs: number[];
  /** The same for a second query, with everything loaded. */
  nextQuery: string;
  nextResultsMs: number;
  /** The script every page loads to open search, gzip-encoded. */
  openerBytes: number;
}

export interface CorpusFigures extends SearchFigures {
  pages: number;
  /** Size on disk of the whole Pagefind bundle for the corpus. */
  indexBytesOnDisk: number;
  indexSeconds: number;
}

/** What each search request was, by its address. Page, stylesheet and opener are the page's own. */
function kindOf(url: URL): Kind | 'page' {
  const p = url.pathname;
  if (p.startsWith('/pagefind/index/')) return 'index';
  if (p.startsWith('/pagefind/fragment/')) return 'fragments';
  if (p.endsWith('.pagefind')) return 'wasm';
  if (p.endsWith('.js') && !/\/SearchButton\.[^/]+\.js$/.test(p)) return 'code';
  if (p.startsWith('/pagefind/')) return 'other';
  return 'page';
}

interface Recorder {
  done(): Promise<{ bytes: number; byKind: Record<Kind, number>; requests: number; opener: number }>;
}

function record(page: Page): Recorder {
  const pending: Promise<{ kind: Kind | 'page'; bytes: number; opener: boolean }>[] = [];
  page.on('requestfinished', (request: Request) => {
    pending.push(
      request.sizes().then((sizes) => {
        const url = new URL(request.url());
        return { kind: kindOf(url), bytes: sizes.responseBodySize, opener: /\/SearchButton\.[^/]+\.js$/.test(url.pathname) };
      }),
    );
  });
  return {
    async done() {
      const all = await Promise.all(pending);
      const byKind = Object.fromEntries(kinds.map((k) => [k, 0])) as Record<Kind, number>;
      let requests = 0;
      for (const { kind, bytes } of all) {
        if (kind === 'page') continue;
        byKind[kind] += bytes;
        requests += 1;
      }
      const opener = all.find((r) => r.opener)?.bytes ?? 0;
      return { bytes: kinds.reduce((sum, k) => sum + byKind[k], 0), byKind, requests, opener };
    },
  };
}

/** Watches for the results of `query` to be on screen, timed against the last keystroke. */
async function armTimer(page: Page, listSelector: string, query: string): Promise<void> {
  await page.evaluate(
    ({ listSelector, query }) => {
      const bench = { lastInput: 0, shownAt: 0 };
      (window as unknown as { __searchBench: typeof bench }).__searchBench = bench;
      document.addEventListener('input', () => (bench.lastInput = performance.now()), true);
      const check = () => {
        const list = document.querySelector<HTMLElement>(listSelector);
        if (!bench.shownAt && list?.dataset.query === query) bench.shownAt = performance.now();
      };
      new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-query'] });
    },
    { listSelector, query },
  );
}

async function typeAndTime(page: Page, listSelector: string, query: string): Promise<number> {
  await armTimer(page, listSelector, query);
  await page.keyboard.type(query, { delay: KEY_DELAY_MS });
  await page.waitForFunction(() => (window as unknown as { __searchBench: { shownAt: number } }).__searchBench.shownAt > 0, null, { timeout: 15_000 });
  return page.evaluate(() => {
    const { lastInput, shownAt } = (window as unknown as { __searchBench: { lastInput: number; shownAt: number } }).__searchBench;
    return Math.max(0, shownAt - lastInput);
  });
}

interface Scenario {
  url: string;
  page: string;
  /** Brings up the search field, as a visitor would. */
  open(page: Page): Promise<void>;
  listSelector: string;
  clear(page: Page): Promise<void>;
}

async function measure(browser: Browser, scenario: Scenario, query: string, nextQuery: string): Promise<SearchFigures> {
  const origin = new URL(scenario.url).origin;
  const runs: { ms: number; next: number; bytes: Awaited<ReturnType<Recorder['done']>> }[] = [];
  for (let run = 0; run < RUNS; run++) {
    // A fresh context each run: nothing cached. The budget is stated in gzip, so ask for gzip.
    const { context, foreignRequests } = await newIsolatedContext(browser, origin, { extraHTTPHeaders: { 'Accept-Encoding': 'gzip' } });
    try {
      const page = await context.newPage();
      const recorder = record(page);
      await page.goto(scenario.url, { waitUntil: 'networkidle' });
      await scenario.open(page);
      const ms = await typeAndTime(page, scenario.listSelector, query);
      await page.waitForLoadState('networkidle');
      const bytes = await recorder.done();
      await scenario.clear(page);
      const next = await typeAndTime(page, scenario.listSelector, nextQuery);
      if (foreignRequests.length) throw new Error(`Search contacted another site: ${foreignRequests.join(', ')}`);
      runs.push({ ms, next, bytes });
    } finally {
      await context.close();
    }
  }
  const typical = [...runs].sort((a, b) => a.bytes.bytes - b.bytes.bytes)[Math.floor(runs.length / 2)]!;
  return {
    page: scenario.page,
    query,
    firstQueryBytes: typical.bytes.bytes,
    byKind: typical.bytes.byKind,
    requests: typical.bytes.requests,
    firstResultsMs: Math.round(median(runs.map((r) => r.ms))),
    runsMs: runs.map((r) => Math.round(r.ms)),
    nextQuery,
    nextResultsMs: Math.round(median(runs.map((r) => r.next))),
    openerBytes: typical.bytes.opener,
  };
}

const dialogScenario = (siteUrl: string, pagePath: string): Scenario => ({
  url: `${siteUrl}${pagePath}`,
  page: pagePath,
  open: async (page) => {
    await page.keyboard.press('/');
    await page.locator('dialog[open] input').waitFor();
  },
  listSelector: 'dialog [role="listbox"]',
  clear: (page) => page.fill('dialog[open] input', ''),
});

/**
 * The real site: the search dialog on an article. The budgeted first query is one word,
 * "complot"; pass another to see what a longer first query costs (each word may need its
 * own slice of the index).
 */
export async function benchSearch(siteUrl: string, browser: Browser, query = 'complot'): Promise<SearchFigures> {
  return measure(browser, dialogScenario(siteUrl, '/info/wat-is-polarisering'), query, 'haat online');
}

/**
 * 1,000 synthetic Dutch pages, indexed with the same integration as the site, served next to
 * a copy of the built /zoeken page on loopback. Needs a built site (dist/client).
 */
export async function benchSearchCorpus(browser: Browser, pages = CORPUS_PAGES): Promise<CorpusFigures> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'search-corpus-'));
  const server = http.createServer();
  try {
    await writeCorpus(dir, pages);
    const started = performance.now();
    await buildSearchIndex(dir);
    const indexSeconds = (performance.now() - started) / 1000;
    const client = path.join(rootDir, 'dist', 'client');
    for (const item of ['zoeken.html', 'zoeken-ui.js', '_astro', 'favicon.svg']) await cp(path.join(client, item), path.join(dir, item), { recursive: true });
    const indexBytesOnDisk = await sizeOf(path.join(dir, 'pagefind'));

    // The production server's own static-file handler and headers, on the corpus folder.
    const serveStatic = createStaticFiles(dir);
    server.on('request', (req, res) => {
      applySecurityHeaders(res, false);
      void serveStatic(req, res).then((served) => {
        if (!served) res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const figures = await measure(
      browser,
      {
        url: `http://127.0.0.1:${port}/zoeken`,
        page: '/zoeken (copy, 1,000 pages)',
        open: (page) => page.click('#zoekterm'),
        listSelector: '[data-search-results]',
        clear: (page) => page.fill('#zoekterm', ''),
      },
      'complot',
      'haat online',
    );
    return { ...figures, pages, indexBytesOnDisk, indexSeconds: Math.round(indexSeconds * 10) / 10 };
  } finally {
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function sizeOf(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** Deterministic pseudo-random numbers, so every run indexes the same corpus. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const common = (
  'de het een en van in op met voor dat die niet is zijn was er maar ook als bij naar om dan wat kan moet wil ze we je ' +
  'hij zij wij ons hun meer veel vaak soms altijd nooit samen goed slecht nieuw groot klein eerst later daarna hier daar ' +
  'mensen groep groepen jongeren ouders kinderen school klas buurt stad gemeente vereniging familie vrienden collega leerkracht ' +
  'jeugdwerker hulpverlener politie deskundige aanspreekpunt gesprek vraag antwoord hulp advies steun zorg zorgen twijfel ' +
  'praten luisteren vertellen vragen helpen delen melden begrijpen denken voelen geloven zoeken vinden kiezen blijven'
).split(' ');
const topical = (
  'polarisering extremisme radicalisering complot complotdenken complottheorie nepnieuws desinformatie haat haatspraak ' +
  'online sociale media discriminatie racisme geweld dreiging propaganda ronselen weerbaarheid bruggenbouwer stille midden ' +
  'zondebok wij-zij vooroordelen identiteit democratie mensenrechten vrije meningsuiting workshop signalen netwerk ' +
  'preventie begeleiding vertrouwen onzekerheid boosheid onrecht erkenning uitsluiting verbinding dialoog respect'
).split(' ');
const themes = ['Polarisering', 'Extremisme', 'Radicalisering', 'Desinformatie en complotdenken', 'Online haatspraak'];
const audiences = ['Inwoners', 'Ouders en familie', 'Eerstelijnswerkers', 'Scholen', 'Jongeren'];
const types = ['artikel', 'gesprekstip', 'begrip', 'organisatie', 'pagina'];

async function writeCorpus(dir: string, count: number): Promise<void> {
  const next = random(20260101);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const word = () => (next() < 0.18 ? pick(topical) : pick(common));
  const sentence = () => {
    const words = Array.from({ length: 6 + Math.floor(next() * 9) }, word).join(' ');
    return `${words.charAt(0).toUpperCase()}${words.slice(1)}.`;
  };
  const paragraph = () => `<p>${Array.from({ length: 2 + Math.floor(next() * 4) }, sentence).join(' ')}</p>`;
  await mkdir(path.join(dir, 'pagina'), { recursive: true });
  for (let i = 0; i < count; i++) {
    const title = Array.from({ length: 3 + Math.floor(next() * 4) }, () => pick(topical)).join(' ');
    const sections = Array.from({ length: 3 + Math.floor(next() * 4) }, (_, s) => {
      const heading = `${pick(topical)} en ${pick(common)}`;
      return `<h2 id="deel-${s}">${heading}</h2>${Array.from({ length: 2 + Math.floor(next() * 3) }, paragraph).join('')}`;
    });
    const html =
      `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${title}</title></head><body>` +
      `<nav>Menu</nav><main><article data-pagefind-body>` +
      `<div hidden data-pagefind-ignore><span data-pagefind-filter="type">${pick(types)}</span>` +
      `<span data-pagefind-filter="thema">${pick(themes)}</span><span data-pagefind-filter="doelgroep">${pick(audiences)}</span></div>` +
      `<p hidden data-pagefind-ignore data-pagefind-meta="trefwoorden:${pick(topical)}, ${pick(topical)}, ${pick(topical)}"></p>` +
      `<h1>${title.charAt(0).toUpperCase()}${title.slice(1)}</h1>${sections.join('')}</article></main></body></html>`;
    await writeFile(path.join(dir, 'pagina', `${i + 1}.html`), html);
  }
}

export function searchBudgets(site: SearchFigures): BudgetLine[] {
  return [
    {
      budget: `first search on the site ≤ ${kb(FIRST_QUERY_BUDGET_BYTES)} KB`,
      pass: site.firstQueryBytes <= FIRST_QUERY_BUDGET_BYTES,
      figure: `${kb(site.firstQueryBytes)} KB for "${site.query}"`,
    },
    {
      budget: `results ≤ ${RESULTS_BUDGET_MS} ms after the last keystroke`,
      pass: site.firstResultsMs <= RESULTS_BUDGET_MS,
      figure: `${site.firstResultsMs} ms (runs: ${site.runsMs.join(', ')})`,
    },
  ];
}

export function printSearchFigures(rows: SearchFigures[]): void {
  console.log(
    formatTable(
      ['where', 'query', 'KB', 'code', 'wasm', 'index', 'fragments', 'other', 'requests', 'ms', 'next ms'],
      rows.map((f) => [
        f.page,
        f.query,
        kb(f.firstQueryBytes),
        ...kinds.map((k) => kb(f.byKind[k])),
        String(f.requests),
        String(f.firstResultsMs),
        String(f.nextResultsMs),
      ]),
    ),
  );
}

/**
 * Measures and prints the one-word and three-word first queries on the site, and — only with
 * BENCH_SEARCH_CORPUS=1, since indexing it takes minutes — the 1,000-page corpus.
 */
async function measureAndPrint(siteUrl: string): Promise<SectionReport> {
  const browser = await launchChromium();
  try {
    const real = await benchSearch(siteUrl, browser);
    const longer = await benchSearch(siteUrl, browser, 'mijn zoon complot');
    const corpus = process.env.BENCH_SEARCH_CORPUS === '1' ? await benchSearchCorpus(browser) : undefined;
    console.log('\nSearch: bytes for the first query and time from the last keystroke to results\n');
    printSearchFigures(corpus ? [real, longer, corpus] : [real, longer]);
    console.log(`\nHeader opener script on every page: ${kb(real.openerBytes)} KB (gzip)`);
    if (corpus) console.log(`Corpus: ${corpus.pages} pages, index ${kb(corpus.indexBytesOnDisk)} KB on disk, built in ${corpus.indexSeconds} s\n`);
    else console.log('The 1,000-page corpus is skipped; BENCH_SEARCH_CORPUS=1 measures it.\n');
    return { name: 'search', budgets: searchBudgets(real), data: { real, longer, corpus } };
  } finally {
    await browser.close();
  }
}

/** The search section of `npm run bench`, against the bench's own server. */
export function benchSearchSection(context: BenchContext): Promise<SectionReport> {
  return measureAndPrint(context.siteUrl);
}

if (import.meta.main) {
  const site = await startSiteProcess();
  try {
    const { budgets } = await measureAndPrint(site.url);
    printBudgets(budgets);
    process.exitCode = budgets.every((b) => b.pass) ? 0 : 1;
  } finally {
    await site.stop();
  }
}
