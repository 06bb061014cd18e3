/**
 * `npm run bench`: builds the site, serves the production build and prints a budget report
 * per page type. Each section lives in scripts/bench/ and hands back its budget lines; the
 * exit code is 1 when any budget fails, so CI can gate on it, but everything is always printed.
 * Set BENCH_SKIP_BUILD=1 to measure the existing dist/ without building again, and
 * BENCH_ONLY=<section function names> to run only some sections.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startSiteProcess, type SiteProcess } from '../tests/support/site-process.ts';
import { runLighthouse } from './bench/lighthouse.ts';
import { measurePageWeight } from './bench/page-weight.ts';
import { benchFormLoad } from './bench/form-load.ts';
import { benchSearchSection } from './bench/search.ts';
import { pageTypes } from '../src/lib/page-types.ts';
import { buildSite, readPages, rootDir, snapshotDist } from './bench/site.ts';
import type { BenchContext, SectionReport } from './bench/types.ts';
import { formatTable, printBudgets, withTimeout } from './bench/util.ts';

/** The sections in the order they run; new benchmarks are added here. */
const sections: ((context: BenchContext) => Promise<SectionReport>)[] = [measurePageWeight, runLighthouse, benchSearchSection, benchFormLoad];
// Well above a normal run (about two minutes on two cores), but bounded so CI never hangs.
const SECTIONS_TIMEOUT_MS = 10 * 60_000;
const resultsFile = path.join(rootDir, '.bench', 'results.json');

function printPages(context: BenchContext): void {
  const rows = pageTypes.flatMap((type) => {
    const paths = context.pages.filter((p) => p.type === type).map((p) => p.path);
    return paths.length ? [[type, String(paths.length), paths[0]!]] : [];
  });
  console.log(`\n${context.pages.length} pages from /sitemap.xml\n`);
  console.log(formatTable(['type', 'pages', 'first page'], rows));
}

async function runSections(context: BenchContext): Promise<SectionReport[]> {
  // BENCH_ONLY=benchFormLoad,runLighthouse runs just those sections, for a quicker look.
  const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
  const reports: SectionReport[] = [];
  for (const section of sections) if (!only || only.includes(section.name)) reports.push(await section(context));
  return reports;
}

async function writeResults(context: BenchContext, reports: SectionReport[], passed: boolean): Promise<void> {
  const sectionData = Object.fromEntries(reports.map((r) => [r.name, { budgets: r.budgets, data: r.data }]));
  const json = { generatedAt: new Date().toISOString(), passed, pages: context.pages, ...sectionData };
  await mkdir(path.dirname(resultsFile), { recursive: true });
  await writeFile(resultsFile, JSON.stringify(json, null, 2) + '\n');
}

async function main(): Promise<boolean> {
  if (process.env.BENCH_SKIP_BUILD === '1') {
    console.log('Skipping the build (BENCH_SKIP_BUILD=1); measuring the existing dist/.');
  } else {
    console.log('Building the site (npm run build)…');
    await buildSite();
  }
  const snapshot = await snapshotDist();
  let site: SiteProcess | undefined;
  try {
    site = await startSiteProcess({ DIST_DIR: snapshot.distDir, DATA_DIR: snapshot.dataDir });
    const context: BenchContext = { siteUrl: site.url, distDir: snapshot.distDir, pages: await readPages(site.url) };
    printPages(context);
    const reports = await withTimeout(runSections(context), SECTIONS_TIMEOUT_MS, 'the benchmark');
    const budgets = reports.flatMap((r) => r.budgets);
    const passed = budgets.every((b) => b.pass);
    console.log('\nBudgets\n');
    printBudgets(budgets);
    console.log(
      `\n${passed ? 'All budgets pass' : `${budgets.filter((b) => !b.pass).length} of ${budgets.length} budgets fail`}.`,
    );
    await writeResults(context, reports, passed);
    console.log(`Full results: ${path.relative(process.cwd(), resultsFile)}`);
    return passed;
  } finally {
    await site?.stop();
    await snapshot.remove();
  }
}

// Exit explicitly: a browser or timer left over by a timed-out section must not keep the process alive.
main().then(
  (passed) => process.exit(passed ? 0 : 1),
  (error: unknown) => {
    console.error(`\nThe benchmark could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
