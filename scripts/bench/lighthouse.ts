/**
 * Lighthouse (mobile, default config) on the first page of each type. Each run gets its own
 * Debian Chromium with a throwaway profile, so runs cannot warm each other's cache and a
 * stuck run can be ended by killing its browser.
 */
import os from 'node:os';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { chromiumArgs, chromiumPath } from '../../tests/support/chromium.ts';
import { pageTypes } from '../../src/lib/page-types.ts';
import type { BenchContext, BenchPage, BudgetLine, SectionReport } from './types.ts';
import { formatTable, withTimeout } from './util.ts';

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof categories)[number];
const RUN_TIMEOUT_MS = 120_000;
const LAUNCH_TIMEOUT_MS = 20_000;

export interface LighthouseRun extends BenchPage {
  /** Category scores ×100; null when Lighthouse could not score the category. */
  scores: Partial<Record<Category, number | null>>;
  /** The weighted audits that cost points, so a score under 100 says why. */
  lostPoints: { category: Category; audit: string; score: number; value?: string }[];
  /** Lighthouse's own CPU benchmark: lower means a busier or slower machine, and lower performance scores. */
  benchmarkIndex?: number;
  error?: string;
  /** Why the first run was discarded, when this result comes from the single retry. */
  retriedAfter?: string;
}

function lostPoints(lhr: Result): LighthouseRun['lostPoints'] {
  return categories.flatMap((category) =>
    (lhr.categories[category]?.auditRefs ?? []).flatMap((ref) => {
      const audit = lhr.audits[ref.id];
      if (ref.weight === 0 || !audit || audit.score === null || audit.score >= 1) return [];
      return [{ category, audit: ref.id, score: Math.round(audit.score * 100), value: audit.displayValue }];
    }),
  );
}

async function runOne(siteUrl: string, page: BenchPage): Promise<LighthouseRun> {
  const run: LighthouseRun = { ...page, scores: {}, lostPoints: [] };
  let chromium: LaunchedChrome | undefined;
  try {
    // chrome-launcher (Lighthouse's own launcher) with Debian's Chromium and a throwaway profile.
    chromium = await withTimeout(launch({ chromePath: chromiumPath(), chromeFlags: [...chromiumArgs] }), LAUNCH_TIMEOUT_MS, 'starting Chromium');
    const result = await withTimeout(
      lighthouse(siteUrl + page.path, {
        port: chromium.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...categories],
      }),
      RUN_TIMEOUT_MS,
      `Lighthouse on ${page.path}`,
    );
    if (!result) throw new Error('Lighthouse returned no result');
    const { lhr } = result;
    for (const category of categories) {
      const score = lhr.categories[category]?.score;
      run.scores[category] = typeof score === 'number' ? Math.round(score * 100) : null;
    }
    run.lostPoints = lostPoints(lhr);
    run.benchmarkIndex = lhr.environment.benchmarkIndex;
    if (lhr.runtimeError) run.error = `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`;
  } catch (error) {
    run.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
  } finally {
    chromium?.kill();
  }
  return run;
}

/** The first page of each type in sitemap order: one run per type keeps the whole bench within minutes. */
function representatives(pages: BenchPage[]): BenchPage[] {
  return pageTypes.flatMap((type) => pages.find((p) => p.type === type) ?? []);
}

function printResults(runs: LighthouseRun[]): void {
  const rows = runs.map((run) => [run.type, run.path, ...categories.map((c) => String(run.scores[c] ?? '-'))]);
  const [load] = os.loadavg();
  const cores = os.availableParallelism();
  console.log(
    `\nLighthouse (mobile, default config; first page of each type; load average ${load!.toFixed(1)} on ${cores} cores)\n`,
  );
  console.log(formatTable(['type', 'page', 'performance', 'accessibility', 'best practices', 'SEO'], rows));
  for (const run of runs) {
    if (run.retriedAfter) console.log(`  ${run.path}: first run discarded (${run.retriedAfter}); figures from a second run`);
    if (run.error) console.log(`  ${run.path}: Lighthouse error: ${run.error}`);
    for (const lost of run.lostPoints) {
      console.log(
        `  ${run.path}: ${lost.category} loses points on ${lost.audit} (score ${lost.score}${lost.value ? `, ${lost.value}` : ''})`,
      );
    }
  }
  // Lighthouse scales the main-thread time it observes, so other work on the machine shows up as blocking time.
  if (load! > cores)
    console.log('  Note: the machine was busier than its cores; performance scores (blocking time) read low on a busy machine.');
}

function budgets(runs: LighthouseRun[]): BudgetLine[] {
  return runs.map((run) => {
    const below = categories.filter((c) => run.scores[c] !== 100);
    const figures = categories.map((c) => `${c} ${run.scores[c] ?? '-'}`).join(', ');
    return {
      budget: `${run.type} (${run.path}) scores Lighthouse 100 in all four categories`,
      pass: !run.error && below.length === 0,
      figure: run.error ? `error: ${run.error}` : figures,
    };
  });
}

export async function runLighthouse({ siteUrl, pages }: BenchContext): Promise<SectionReport> {
  const chosen = representatives(pages);
  const runs: LighthouseRun[] = [];
  // One at a time: parallel runs would share two cores and skew the performance scores.
  for (const [i, page] of chosen.entries()) {
    process.stderr.write(`lighthouse: ${i + 1}/${chosen.length} ${page.path}\n`);
    const run = await runOne(siteUrl, page);
    // A run that could not score at all (e.g. NO_NAVSTART when a busy machine loses the trace) asks
    // to be run again; one retry keeps that noise out of the report, while a real fault fails twice.
    const unscored = run.error !== undefined || categories.some((c) => run.scores[c] == null);
    runs.push(unscored ? { ...(await runOne(siteUrl, page)), retriedAfter: run.error ?? 'a category had no score' } : run);
  }
  printResults(runs);
  return { name: 'lighthouse', budgets: budgets(runs), data: runs };
}
