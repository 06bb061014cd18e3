/** Shared shapes for the benchmark sections; each section lives in its own module. */
import type { PageType } from '../../src/lib/page-types.ts';

export interface BenchPage {
  /** Path without host, as read from /sitemap.xml. */
  path: string;
  type: PageType;
}

/** What every section gets: the running production server and the pages it serves. */
export interface BenchContext {
  siteUrl: string;
  /** The private copy of dist/ the server runs from; sections that start their own server use it. */
  distDir: string;
  pages: BenchPage[];
}

export interface BudgetLine {
  budget: string;
  pass: boolean;
  /** The measured figure, so a FAIL says by how much. */
  figure: string;
}

/** A section prints its own tables while it runs and hands back its budgets and raw data for the JSON file. */
export interface SectionReport {
  name: string;
  budgets: BudgetLine[];
  data: unknown;
}
