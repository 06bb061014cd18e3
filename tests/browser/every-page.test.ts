import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, newIsolatedContext } from '../support/chromium.ts';
import { axeViolations, describeViolations } from '../support/axe.ts';
import { sitemapPaths } from '../support/site-pages.ts';

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

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Loads a page in a fresh context and returns what the checks need. */
async function visit(path: string) {
  const { context, foreignRequests } = await newIsolatedContext(browser, origin);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  const response = await page.goto(`${siteUrl}${path}`, { waitUntil: 'load' });
  return { context, page, response: response!, foreignRequests, consoleErrors };
}

describe('every page in the sitemap', () => {
  it('lists a reasonable number of pages', () => {
    expect(paths.length).toBeGreaterThanOrEqual(4);
    expect(paths).toContain('/');
  });

  for (const path of paths) {
    it(`${path} is complete, accessible, private and safe`, async () => {
      const { context, page, response, foreignRequests, consoleErrors } = await visit(path);
      try {
        expect(response.status()).toBe(200);
        const headers = response.headers();
        for (const name of requiredHeaders) expect(headers[name], name).toBeTruthy();
        expect(headers['content-security-policy']).not.toContain("'unsafe-inline'");
        expect(headers['set-cookie']).toBeUndefined();

        expect(await page.getAttribute('html', 'lang')).toBe('nl');
        expect(await page.locator('h1').count()).toBe(1);
        expect((await page.title()).trim().length).toBeGreaterThan(3);
        const description = await page.getAttribute('meta[name="description"]', 'content');
        expect(description?.trim().length ?? 0).toBeGreaterThan(20);

        const violations = await axeViolations(page);
        expect(violations, describeViolations(violations)).toEqual([]);

        expect(foreignRequests).toEqual([]);
        expect(consoleErrors).toEqual([]);
        expect(await context.cookies()).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

describe('errors and assets', () => {
  it('answers an unknown address with the helpful 404 page and the security headers', async () => {
    const { context, page, response, foreignRequests } = await visit('/bestaat-niet');
    try {
      expect(response.status()).toBe(404);
      expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
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
