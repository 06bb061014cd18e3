/** Page types by path, so budgets can differ per kind of page rather than per URL. */
export const pageTypes = [
  'home',
  'article',
  'overview',
  'tip',
  'glossary',
  'faq',
  'signposting',
  'search',
  'form',
  'other',
] as const;
export type PageType = (typeof pageTypes)[number];

/** Pages that only show text: they must stay light and readable without JavaScript. */
export const contentTypes: readonly PageType[] = ['home', 'article', 'overview', 'tip', 'glossary', 'faq', 'signposting'];

// First match wins: the specific /info pages and the form routes must come before the generic
// `/info/<slug>` and `/workshops` rules. `/info/thema` itself is treated as an overview too.
const rules: [PageType, RegExp][] = [
  ['home', /^\/$/],
  ['glossary', /^\/info\/begrippen$/],
  ['faq', /^\/info\/vragen$/],
  ['form', /^\/melden|^\/workshops\/boeken/],
  ['overview', /^\/(info|over-ons|gesprekstips|workshops)$|^\/info\/thema(\/.*)?$|^\/voor\/.+/],
  ['article', /^\/(info|over-ons)\/[^/]+$/],
  ['tip', /^\/gesprekstips\/[^/]+$/],
  ['signposting', /^\/wegwijzer$/],
  ['search', /^\/zoeken$/],
];

export function pageType(pathname: string): PageType {
  const normalized = pathname.length > 1 ? pathname.replace(/\/+$/, '').replace(/\.html$/, '') : pathname;
  return rules.find(([, pattern]) => pattern.test(normalized))?.[0] ?? 'other';
}
