/**
 * Page weight: loads every page cold in Chromium and adds up what came over the wire, per kind
 * of resource. Figures are encoded (compressed) body sizes; response headers are kept apart
 * in the JSON because they are the same on every page and not part of the budget.
 */
import type { Browser, Page, Request } from 'playwright-core';
import { launchChromium, newIsolatedContext } from '../../tests/support/chromium.ts';
import { contentTypes, pageTypes, type PageType } from '../../src/lib/page-types.ts';
import type { BenchContext, BenchPage, BudgetLine, SectionReport } from './types.ts';
import { formatTable, kb, KB, mapLimit, median } from './util.ts';

/** The budget is stated in gzip, so ask for gzip: Chromium would otherwise get the smaller brotli. */
const ENCODING = 'gzip';
const CONTENT_BUDGET_BYTES = 20 * KB;
// Two pages at a time keeps a two-core machine busy without starving the server.
const CONCURRENCY = 2;
const LOAD_TIMEOUT_MS = 30_000;
// Waiting for network idle catches late requests (fonts, lazy scripts) but must not stall on a page that polls.
const IDLE_TIMEOUT_MS = 5_000;

const kinds = ['html', 'css', 'js', 'other'] as const;
type Kind = (typeof kinds)[number];

export interface PageWeight extends BenchPage {
  status: number | null;
  requests: number;
  bytes: Record<Kind | 'total', number>;
  headerBytes: number;
  scriptFiles: number;
  /** Executable inline <script> elements; JSON-LD and other data blocks do not count. */
  inlineScripts: number;
  loadsJavaScript: boolean;
  failedRequests: string[];
  foreignRequests: string[];
  error?: string;
}

interface Stat {
  max: number;
  median: number;
}

export interface TypeWeight {
  type: PageType;
  pages: number;
  total: Stat;
  html: Stat;
  css: Stat;
  js: Stat;
  requests: Stat;
  pagesWithJavaScript: number;
  heaviest: string;
}

/** The kind by the Content-Type the server sent, which also covers scripts fetched by other scripts. */
function kindOf(contentType: string, resourceType: string): Kind {
  if (/text\/html/.test(contentType) || resourceType === 'document') return 'html';
  if (/text\/css/.test(contentType) || resourceType === 'stylesheet') return 'css';
  if (/javascript|ecmascript/.test(contentType) || resourceType === 'script') return 'js';
  return 'other';
}

interface Transfer {
  kind: Kind;
  body: number;
  headers: number;
}

async function transferOf(request: Request): Promise<Transfer> {
  const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
  const contentType = (await response?.headerValue('content-type')) ?? '';
  return { kind: kindOf(contentType, request.resourceType()), body: sizes.responseBodySize, headers: sizes.responseHeadersSize };
}

async function countInlineScripts(page: Page): Promise<number> {
  const types = await page.$$eval('script:not([src])', (scripts) => scripts.map((s) => s.getAttribute('type') ?? ''));
  return types.filter((type) => !type || /javascript|ecmascript|module/i.test(type)).length;
}

/** One page in a fresh context, so nothing is cached from the page before. */
async function measurePage(browser: Browser, siteUrl: string, benchPage: BenchPage): Promise<PageWeight> {
  const { context, foreignRequests } = await newIsolatedContext(browser, siteUrl, {
    extraHTTPHeaders: { 'Accept-Encoding': ENCODING },
  });
  const transfers: Promise<Transfer>[] = [];
  const failedRequests: string[] = [];
  const result: PageWeight = {
    ...benchPage,
    status: null,
    requests: 0,
    bytes: { html: 0, css: 0, js: 0, other: 0, total: 0 },
    headerBytes: 0,
    scriptFiles: 0,
    inlineScripts: 0,
    loadsJavaScript: false,
    failedRequests,
    foreignRequests,
  };
  try {
    const page = await context.newPage();
    page.on('requestfinished', (request) => transfers.push(transferOf(request)));
    page.on('requestfailed', (request) => failedRequests.push(new URL(request.url()).pathname));
    const response = await page.goto(siteUrl + benchPage.path, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    result.status = response?.status() ?? null;
    await page.waitForLoadState('networkidle', { timeout: IDLE_TIMEOUT_MS }).catch(() => {});
    result.inlineScripts = await countInlineScripts(page);
    for (const { kind, body, headers } of await Promise.all(transfers)) {
      result.bytes[kind] += body;
      result.bytes.total += body;
      result.headerBytes += headers;
      if (kind === 'js') result.scriptFiles++;
    }
    result.requests = transfers.length + failedRequests.length;
    result.loadsJavaScript = result.scriptFiles > 0 || result.inlineScripts > 0;
  } catch (error) {
    result.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
  } finally {
    await context.close();
  }
  return result;
}

function stat(values: number[]): Stat {
  return { max: Math.max(...values), median: median(values) };
}

export function summarize(weights: PageWeight[]): TypeWeight[] {
  return pageTypes.flatMap((type) => {
    const ofType = weights.filter((w) => w.type === type && !w.error);
    if (ofType.length === 0) return [];
    const heaviest = ofType.reduce((a, b) => (b.bytes.total > a.bytes.total ? b : a));
    return [
      {
        type,
        pages: ofType.length,
        total: stat(ofType.map((w) => w.bytes.total)),
        html: stat(ofType.map((w) => w.bytes.html)),
        css: stat(ofType.map((w) => w.bytes.css)),
        js: stat(ofType.map((w) => w.bytes.js)),
        requests: stat(ofType.map((w) => w.requests)),
        pagesWithJavaScript: ofType.filter((w) => w.loadsJavaScript).length,
        heaviest: heaviest.path,
      },
    ];
  });
}

function printTable(summary: TypeWeight[]): void {
  const pair = (s: Stat, format: (n: number) => string) => `${format(s.max)} / ${format(s.median)}`;
  const count = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
  const rows = summary.map((t) => [
    t.type,
    String(t.pages),
    pair(t.total, kb),
    pair(t.html, kb),
    pair(t.css, kb),
    pair(t.js, kb),
    pair(t.requests, count),
    `${t.pagesWithJavaScript}/${t.pages}`,
  ]);
  console.log(`\nPage weight (${ENCODING}-encoded bodies, KB = 1024 bytes; max / median per page type)\n`);
  console.log(formatTable(['type', 'pages', 'total KB', 'HTML KB', 'CSS KB', 'JS KB', 'requests', 'loads JS'], rows));
}

/** Lists a few offending paths, so a FAIL line points at the pages to look at. */
function some(paths: string[]): string {
  return paths.length > 5 ? `${paths.slice(0, 5).join(', ')} and ${paths.length - 5} more` : paths.join(', ');
}

const OPENER_BUDGET_BYTES = 2 * 1024;

function budgets(weights: PageWeight[], summary: TypeWeight[]): BudgetLine[] {
  const lines: BudgetLine[] = [];
  for (const t of summary.filter((s) => contentTypes.includes(s.type))) {
    const ofType = weights.filter((w) => w.type === t.type && !w.error);
    const heavy = ofType.filter((w) => w.bytes.total >= CONTENT_BUDGET_BYTES).map((w) => w.path);
    // Reading needs no JavaScript: the only script a content page may load is the small search
    // opener, which fetches the search code when the visitor opens search.
    const withJs = ofType.filter((w) => w.inlineScripts > 0 || w.scriptFiles > 1 || w.bytes.js > OPENER_BUDGET_BYTES).map((w) => w.path);
    lines.push({
      budget: `${t.type} pages weigh under ${kb(CONTENT_BUDGET_BYTES)} KB ${ENCODING}ped`,
      pass: heavy.length === 0,
      figure: `heaviest ${kb(t.total.max)} KB (${t.heaviest})` + (heavy.length ? `; over budget: ${some(heavy)}` : ''),
    });
    lines.push({
      budget: `${t.type} pages need no JavaScript to read (at most the ${kb(OPENER_BUDGET_BYTES)} KB search opener)`,
      pass: withJs.length === 0,
      figure: withJs.length ? `${withJs.length}/${t.pages} load more JavaScript: ${some(withJs)}` : `JS at most ${kb(t.js.max)} KB, ${t.pagesWithJavaScript}/${t.pages} load only the search opener`,
    });
  }
  // A page that did not load, or loaded with an error status, cannot be said to pass anything.
  for (const w of weights.filter((w) => w.error || (w.status ?? 0) >= 400)) {
    lines.push({ budget: `${w.path} loads`, pass: false, figure: w.error ?? `HTTP ${w.status}` });
  }
  const foreign = weights.flatMap((w) => w.foreignRequests);
  if (foreign.length) lines.push({ budget: 'no requests to other origins', pass: false, figure: some(foreign) });
  return lines;
}

export async function measurePageWeight({ siteUrl, pages }: BenchContext): Promise<SectionReport> {
  const browser = await launchChromium();
  let weights: PageWeight[];
  try {
    process.stderr.write(`page weight: loading ${pages.length} pages\n`);
    weights = await mapLimit(pages, CONCURRENCY, (page) => measurePage(browser, siteUrl, page));
  } finally {
    await browser.close();
  }
  const summary = summarize(weights);
  printTable(summary);
  const lines = budgets(weights, summary);
  return { name: 'pageWeight', budgets: lines, data: { encoding: ENCODING, summary, pages: weights } };
}
