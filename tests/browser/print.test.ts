import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium.ts';
import { sitemapPaths } from '../support/site-pages.ts';

const siteUrl = inject('siteUrl');
const tipPaths = (await sitemapPaths(siteUrl)).filter((p) => /^\/gesprekstips\/.+/.test(p));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Pages in a PDF, counted from its page objects. */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

describe('printable conversation tips', () => {
  it('has tip sheets to print', () => {
    expect(tipPaths.length).toBeGreaterThanOrEqual(5);
  });

  for (const path of tipPaths) {
    it(`${path} prints on one A4 page, with the steps, the sentences and the way to the expert`, async () => {
      const page = await browser.newPage();
      try {
        await page.goto(`${siteUrl}${path}`);
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('header[role="banner"]').isVisible()).toBe(false);
        for (const id of ['#stappen', '#zeggen', '#vermijden', '#deskundige']) expect(await page.locator(id).isVisible()).toBe(true);
        const pdf = await page.pdf({ format: 'A4' });
        expect(pageCount(pdf)).toBe(1);
      } finally {
        await page.close();
      }
    });
  }
});
