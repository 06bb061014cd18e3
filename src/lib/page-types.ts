import type { SearchType } from '../components/search/search-types.ts';

/**
 * The kinds of page the site has. Each page declares its kind once, in the page list
 * (src/lib/site-pages.ts); the layout writes it as `data-page-type`, where the benchmark and
 * the tests read it. Budgets and checks differ per kind of page rather than per URL.
 */
export const pageTypes = ['home', 'article', 'overview', 'tip', 'glossary', 'faq', 'signposting', 'search', 'form', 'workshop', 'other'] as const;
export type PageType = (typeof pageTypes)[number];

/** Pages that only show text: they must stay light and readable without JavaScript. */
export const contentTypes: readonly PageType[] = ['home', 'article', 'overview', 'tip', 'glossary', 'faq', 'signposting'];

/** What a page is, for visitors (search) and for us (budgets, tests). */
export interface PageKind {
  type: PageType;
  /** The `type` filter of the page's own search record, and its group in the A–Z list on /zoeken. */
  search: SearchType;
}
