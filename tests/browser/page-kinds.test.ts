import { describe, expect, inject, it } from 'vitest';
import { pageTypes } from '../../src/lib/page-types.ts';
import { sitemapPaths } from '../support/site-pages.ts';

/**
 * Every page declares its kind once, in the page list (src/lib/site-pages.ts); the layout
 * writes it on <html>. The benchmark and the tests read it there instead of guessing from the
 * URL, and the search filter a template writes must agree with it.
 */
const siteUrl = inject('siteUrl');

describe('page kinds', () => {
  it('every page in the sitemap says what kind of page it is, and its search filter agrees', async () => {
    const paths = await sitemapPaths(siteUrl);
    for (const path of paths) {
      const html = await (await fetch(`${siteUrl}${path}`)).text();
      const type = /<html[^>]*\sdata-page-type="([a-z]+)"/.exec(html)?.[1];
      const search = /<html[^>]*\sdata-search-type="([a-z]+)"/.exec(html)?.[1];
      expect(pageTypes, path).toContain(type);
      // The page's own filter comes first in its indexed body: an attribute "type:x" or a hidden span.
      const filter = /data-pagefind-filter="type:([a-z]+)"|data-pagefind-filter="type">([a-z]+)</.exec(html);
      if (filter) expect(filter[1] ?? filter[2], path).toBe(search);
    }
    expect(paths.length).toBeGreaterThan(0);
  });
});
