import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, newIsolatedContext } from '../support/chromium.ts';
import { axeViolations, describeViolations } from '../support/axe.ts';
import { sitemapPaths } from '../support/site-pages.ts';
import { axeSample, pageType, parsePage, resourceUrls, scriptSet, textOf, type FetchedPage } from '../support/page-sample.ts';

const siteUrl = inject('siteUrl');
const origin = new URL(siteUrl).origin;
const paths = await sitemapPaths(siteUrl);

const requiredHeaders = [
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'permissions-policy',
  'cross-origin-opener-policy',
];

/**
 * Every page once, over plain HTTP: what the server sends is what the checks below need, so
 * only the pages whose behaviour or look a browser adds something to are opened in one.
 */
const responses = new Map<string, { status: number; headers: Headers; page: FetchedPage }>();
await Promise.all(
  paths.map(async (path) => {
    const response = await fetch(`${siteUrl}${path}`);
    responses.set(path, { status: response.status, headers: response.headers, page: parsePage(path, await response.text()) });
  }),
);
const pages = paths.map((path) => responses.get(path)!.page);

/**
 * In the browser: per page type, the pages that together show every kind of element (axe),
 * plus one page per distinct set of scripts (requests, console errors, cookies a script
 * could cause). Pages without a script of their own cannot request or set anything else.
 */
const sample = axeSample(pages);
const byScripts = new Map<string, string>();
for (const page of pages) if (!byScripts.has(scriptSet(page))) byScripts.set(scriptSet(page), page.path);
const inBrowser = new Map(sample.map((s) => [s.path, s.type]));
for (const path of byScripts.values()) if (!inBrowser.has(path)) inBrowser.set(path, pageType(responses.get(path)!.page));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const isOwn = (url: string, base: string) => {
  const resolved = new URL(url, base);
  return resolved.protocol === 'data:' || resolved.origin === origin;
};

describe('every page in the sitemap', () => {
  it('lists a reasonable number of pages', () => {
    expect(paths.length).toBeGreaterThanOrEqual(4);
    expect(paths).toContain('/');
  });

  it(`samples every page type and every set of scripts for the browser (${inBrowser.size} of ${paths.length} pages)`, () => {
    console.log(`[every-page] in the browser:\n${[...inBrowser].map(([path, type]) => `  ${type.padEnd(14)} ${path}`).join('\n')}`);
    expect(new Set(inBrowser.values())).toEqual(new Set(pages.map(pageType)));
    expect(new Set([...inBrowser.keys()].map((path) => scriptSet(responses.get(path)!.page)))).toEqual(new Set(pages.map(scriptSet)));
  });

  for (const path of paths) {
    it(`${path} is complete, private and safe`, () => {
      const { status, headers, page } = responses.get(path)!;
      expect(status).toBe(200);
      for (const name of requiredHeaders) expect(headers.get(name), name).toBeTruthy();
      expect(headers.get('content-security-policy')).not.toContain("'unsafe-inline'");
      expect(headers.get('set-cookie')).toBeNull();

      const html = page.elements.find((e) => e.name === 'html');
      expect(html?.attribs.lang).toBe('nl');
      expect(page.elements.filter((e) => e.name === 'h1')).toHaveLength(1);
      const title = page.elements.find((e) => e.name === 'title');
      expect(textOf(title!).trim().length).toBeGreaterThan(3);
      const description = page.elements.find((e) => e.name === 'meta' && e.attribs.name === 'description')?.attribs.content;
      expect(description?.trim().length ?? 0).toBeGreaterThan(20);

      // Nothing the page loads by itself comes from another origin.
      expect(resourceUrls(page).filter((url) => !isOwn(url, `${siteUrl}${path}`))).toEqual([]);
    });
  }

  it('uses stylesheets that load nothing from another origin', async () => {
    const sheets = new Set(pages.flatMap((page) => page.elements.filter((e) => e.name === 'link' && e.attribs.rel === 'stylesheet').map((e) => e.attribs.href!)));
    expect(sheets.size).toBeGreaterThan(0);
    for (const href of sheets) {
      const css = await (await fetch(new URL(href, siteUrl))).text();
      const foreign = [...css.matchAll(/url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)/g)].map((m) => (m[1] ?? m[2])!).filter((url) => !isOwn(url, new URL(href, siteUrl).href));
      expect(foreign, href).toEqual([]);
    }
  });

  describe('in a browser', () => {
    // One context for the sample: its cookies are checked and cleared after each page.
    let context: Awaited<ReturnType<typeof newIsolatedContext>>['context'];
    let foreignRequests: string[];
    let page: Awaited<ReturnType<(typeof context)['newPage']>>;
    const consoleErrors: string[] = [];
    beforeAll(async () => {
      ({ context, foreignRequests } = await newIsolatedContext(browser, origin));
      page = await context.newPage();
      page.on('console', (msg) => {
        if (msg.type() === 'error') consoleErrors.push(msg.text());
      });
    });
    afterAll(async () => {
      await context?.close();
    });

    for (const [path, type] of inBrowser) {
      it(`${path} (${type}) is accessible, and contacts no other site`, async () => {
        foreignRequests.length = 0;
        consoleErrors.length = 0;
        try {
          await page.goto(`${siteUrl}${path}`, { waitUntil: 'load' });
          const violations = await axeViolations(page);
          expect(violations, describeViolations(violations)).toEqual([]);
          expect(foreignRequests).toEqual([]);
          expect(consoleErrors).toEqual([]);
          expect(await context.cookies()).toEqual([]);
        } finally {
          await context.clearCookies();
        }
      });
    }
  });
});

describe('errors and assets', () => {
  it('answers an unknown address with the helpful 404 page and the security headers', async () => {
    const { context, foreignRequests } = await newIsolatedContext(browser, origin);
    try {
      const page = await context.newPage();
      const response = await page.goto(`${siteUrl}/bestaat-niet`, { waitUntil: 'load' });
      expect(response!.status()).toBe(404);
      expect(response!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(await page.locator('h1').textContent()).toContain('Pagina niet gevonden');
      expect(await page.locator('main a[href="/zoeken"]').count()).toBe(1);
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      expect(foreignRequests).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('serves the stylesheet compressed, cacheable and with the security headers', async () => {
    const html = await (await fetch(`${siteUrl}/`)).text();
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
    expect(href).toMatch(/^\/_astro\/.+\.css$/);
    const response = await fetch(`${siteUrl}${href}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/css');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("object-src 'none'");
  });

  it('never serves files outside the built site', async () => {
    for (const probe of ['/../package.json', '/%2e%2e/package.json', '/.env', '/_astro/../../src/settings.ts']) {
      const response = await fetch(`${siteUrl}${probe}`);
      expect(response.status, probe).toBe(404);
    }
  });
});
