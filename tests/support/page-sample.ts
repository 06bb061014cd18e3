import { DomUtils, parseDocument } from 'htmlparser2';

type Element = ReturnType<typeof DomUtils.findAll>[number];

/** A page as the server sent it, parsed once. */
export interface FetchedPage {
  path: string;
  html: string;
  /** Every element, in document order. */
  elements: Element[];
  /** The elements inside <body>. */
  bodyElements: Element[];
}

export function parsePage(path: string, html: string): FetchedPage {
  const elements = DomUtils.findAll(() => true, parseDocument(html).children);
  const body = elements.find((e) => e.name === 'body');
  return { path, html, elements, bodyElements: body ? DomUtils.findAll(() => true, body.children) : [] };
}

/**
 * The page's type: what it declares in `data-page-type`, or else its parent in the sitemap
 * (/info/x and /info/y are one type; top-level pages share the type "/"). Pages of one type
 * come from one template.
 */
export function pageType(page: FetchedPage): string {
  const declared = page.elements.find((e) => e.attribs['data-page-type'])?.attribs['data-page-type'];
  return declared ?? (page.path.split('/').slice(0, -1).join('/') || '/');
}

/**
 * What axe sees of an element's kind: tag, classes (colours, sizes), role and input type.
 * Two elements with the same signature are styled and exposed alike.
 */
function signatures(page: FetchedPage): Set<string> {
  return new Set(
    page.bodyElements.map((e) => {
      const classes = (e.attribs.class ?? '').split(/\s+/).filter(Boolean).sort().join('.');
      return `${e.name}.${classes}[role=${e.attribs.role ?? ''}][type=${e.attribs.type ?? ''}]`;
    }),
  );
}

/**
 * The pages to check in a browser with axe: per page type, the fewest pages that together show
 * every element signature of that type (greedy set cover). Content that adds a new kind of
 * element, such as a table or an image, brings its page into the sample by itself.
 */
export function axeSample(pages: FetchedPage[]): { path: string; type: string }[] {
  const byType = new Map<string, FetchedPage[]>();
  for (const page of pages) byType.set(pageType(page), [...(byType.get(pageType(page)) ?? []), page]);
  const sample: { path: string; type: string }[] = [];
  for (const [type, members] of byType) {
    const candidates = members.map((page) => ({ page, signatures: signatures(page) }));
    const uncovered = new Set(candidates.flatMap((c) => [...c.signatures]));
    while (uncovered.size > 0) {
      const gain = (c: (typeof candidates)[number]) => [...c.signatures].filter((s) => uncovered.has(s)).length;
      const best = candidates.reduce((a, b) => (gain(b) > gain(a) ? b : a));
      sample.push({ path: best.page.path, type });
      for (const s of best.signatures) uncovered.delete(s);
    }
  }
  return sample;
}

/** Addresses the page makes the browser fetch by itself (not links a visitor follows). */
export function resourceUrls(page: FetchedPage): string[] {
  const urls: string[] = [];
  for (const e of page.elements) {
    const a = e.attribs;
    if (e.name === 'a' || e.name === 'area') continue;
    if (e.name === 'link' && !/\b(stylesheet|preload|modulepreload|icon|manifest|prefetch|preconnect|dns-prefetch)\b/.test(a.rel ?? '')) continue;
    for (const name of ['src', 'href', 'poster', 'data', 'action', 'formaction']) if (a[name]) urls.push(a[name]);
    for (const name of ['srcset', 'imagesrcset']) if (a[name]) urls.push(...a[name].split(',').map((part) => part.trim().split(/\s+/)[0]!));
    if (e.name === 'meta' && /refresh/i.test(a['http-equiv'] ?? '')) urls.push((a.content ?? '').replace(/^.*url=/i, ''));
    const inlineUrl = /url\(\s*['"]?([^'")]+)/.exec(a.style ?? '');
    if (inlineUrl) urls.push(inlineUrl[1]!);
  }
  return urls.filter((url) => url !== '');
}

/** The page's own scripts: pages with the same set behave alike in the browser. */
export function scriptSet(page: FetchedPage): string {
  return page.elements
    .filter((e) => e.name === 'script')
    .map((e) => e.attribs.src ?? `inline:${DomUtils.textContent(e).length}`)
    .sort()
    .join(' ');
}

export const textOf = (e: Element) => DomUtils.textContent(e);
