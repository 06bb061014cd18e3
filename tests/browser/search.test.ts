import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newIsolatedContext } from '../support/chromium.ts';
import { axeViolations, describeViolations } from '../support/axe.ts';
import { sitemapPaths } from '../support/site-pages.ts';
import { startSiteProcess } from '../support/site-process.ts';
import { notIndexed } from '../../src/integrations/pagefind.ts';

const siteUrl = inject('siteUrl');
const origin = new URL(siteUrl).origin;
const paths = await sitemapPaths(siteUrl);
/** An ordinary content page to open search from: the first article in the sitemap. */
const articlePath = paths.find((p) => /^\/info\/[^/]+$/.test(p))!;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(options: Parameters<typeof newIsolatedContext>[2] = {}) {
  const { context, foreignRequests } = await newIsolatedContext(browser, origin, options);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, foreignRequests, problems };
}

/** Loads /zoeken with the query in the address and returns the result links, in order. */
async function resultsFor(page: Page, query: string, filters = ''): Promise<string[]> {
  await page.goto(`${siteUrl}/zoeken?q=${encodeURIComponent(query)}${filters}`);
  await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.trim());
  return page.$$eval('[data-search-results] > li h3 a', (links) => links.map((a) => a.getAttribute('href')!));
}

describe('the search page', () => {
  it('narrows results with the filters, and keeps them in the address', async () => {
    const { context, page } = await newPage();
    try {
      const all = await resultsFor(page, 'complot');
      const allCount = await page.locator('[data-search-status]').textContent();
      await page.locator('#filter-type-gesprekstip').check();
      await page.waitForFunction((before) => document.querySelector('[data-search-status]')?.textContent !== before, allCount);
      expect(new URL(page.url()).searchParams.getAll('type')).toEqual(['gesprekstip']);
      const kinds = await page.$$eval('[data-search-results] > li .search-kind', (els) => els.map((e) => e.textContent));
      expect(kinds.length).toBeGreaterThan(0);
      expect(kinds.length).toBeLessThan(all.length);
      expect(new Set(kinds)).toEqual(new Set(['Gesprekstips']));

      const forSchools = await resultsFor(page, 'complot', '&doelgroep=scholen&type=artikel');
      expect(await page.locator('#filter-doelgroep-scholen').isChecked()).toBe(true);
      expect(forSchools.length).toBeGreaterThan(0);
      expect(forSchools.length).toBeLessThan(all.length);
      const narrowedKinds = await page.$$eval('[data-search-results] > li .search-kind', (els) => els.map((e) => e.textContent));
      expect(narrowedKinds).not.toContain('Gesprekstips');
    } finally {
      await context.close();
    }
  });

  it('shows highlighted excerpts and sections, and the back button restores the previous search', async () => {
    const { context, page } = await newPage();
    try {
      await resultsFor(page, 'complot');
      expect(await page.locator('[data-search-results] mark').count()).toBeGreaterThan(0);
      expect(await page.locator('[data-search-results] .search-sections a').count()).toBeGreaterThan(0);
      await page.fill('#zoekterm', 'kliklijn');
      await page.press('#zoekterm', 'Enter');
      await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.includes('kliklijn'));
      expect(new URL(page.url()).searchParams.get('q')).toBe('kliklijn');
      await page.goBack();
      await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.includes('complot'));
      expect(await page.inputValue('#zoekterm')).toBe('complot');
    } finally {
      await context.close();
    }
  });

  it('helps further when nothing matches', async () => {
    const { context, page } = await newPage();
    try {
      expect(await resultsFor(page, 'qwzxv')).toEqual([]);
      const empty = page.locator('[data-search-empty]');
      await expect.poll(() => empty.isVisible()).toBe(true);
      for (const href of ['/info/begrippen', '/info/vragen', '/melden']) expect(await empty.locator(`a[href="${href}"]`).count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('has no accessibility violations with results on screen', async () => {
    const { context, page, foreignRequests, problems } = await newPage();
    try {
      await resultsFor(page, 'polarisering');
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      expect(foreignRequests).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lists every page from A to Z without JavaScript', async () => {
    const { context, page } = await newPage({ javaScriptEnabled: false });
    try {
      await page.goto(`${siteUrl}/zoeken`);
      expect(await page.locator('form[data-search-form]').isVisible()).toBe(false);
      const listed = new Set(await page.$$eval('#alle-paginas ~ div a', (links) => links.map((a) => a.getAttribute('href'))));
      const missing = paths.filter((path) => path !== '/zoeken' && !listed.has(path));
      expect(missing).toEqual([]);
      // The header's search entry is an ordinary link to this page.
      expect(await page.locator('header a[data-search-open]').getAttribute('href')).toBe('/zoeken');
    } finally {
      await context.close();
    }
  });
});

describe('the search dialog', () => {
  it('opens with "/", finds with the keyboard alone, and Enter lands on the result', async () => {
    const { context, page, problems } = await newPage();
    try {
      await page.goto(`${siteUrl}${articlePath}`);
      await page.keyboard.press('/');
      const input = page.locator('dialog[open] input[role="combobox"]');
      await input.waitFor();
      expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type('kliklijn');
      await page.waitForFunction(() => document.querySelector('dialog [role="status"]')?.textContent?.includes('kliklijn'));
      await page.keyboard.press('ArrowDown');
      const first = page.locator('dialog[open] [role="option"]').first();
      expect(await first.getAttribute('aria-selected')).toBe('true');
      expect(await input.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
      const target = await first.getAttribute('data-url');
      // An entry result: a page of the site, at the entry's own anchor.
      expect(target).toMatch(/#.+/);
      expect(paths).toContain(target!.split('#')[0]);
      await Promise.all([page.waitForURL(`${siteUrl}${target}`), page.keyboard.press('Enter')]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('announces the count, closes with Escape and gives focus back to the search link', async () => {
    const { context, page, problems } = await newPage();
    try {
      await page.goto(`${siteUrl}/`);
      const link = page.locator('header a[data-search-open]');
      expect(await link.getAttribute('aria-haspopup')).toBe('dialog');
      await link.focus();
      await page.keyboard.press('Enter');
      await page.locator('dialog[open] input').waitFor();
      await page.keyboard.type('stille midden');
      await page.waitForFunction(() => /\d+ resultaten? voor/.test(document.querySelector('dialog [role="status"]')?.textContent ?? ''));
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
      expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);

      // Ctrl+K opens it again, with the previous search still there.
      await page.keyboard.press('Control+k');
      await page.locator('dialog[open] input').waitFor();
      expect(await page.inputValue('dialog[open] input')).toBe('stille midden');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('has no accessibility violations while open with results', async () => {
    const { context, page, foreignRequests } = await newPage();
    try {
      await page.goto(`${siteUrl}/gesprekstips`);
      await page.keyboard.press('/');
      await page.locator('dialog[open] input').waitFor();
      await page.keyboard.type('complot');
      await page.waitForFunction(() => document.querySelector('dialog [role="status"]')?.textContent?.includes('complot'));
      await page.keyboard.press('ArrowDown');
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      expect(foreignRequests).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('downloads no search code or index until search is opened', async () => {
    const { context, page } = await newPage();
    try {
      const requests: string[] = [];
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      await page.goto(`${siteUrl}${articlePath}`, { waitUntil: 'networkidle' });
      const scripts = requests.filter((path) => path.endsWith('.js'));
      expect(scripts).toHaveLength(1);
      expect(scripts[0]).toMatch(/^\/_astro\/SearchButton\..+\.js$/);
      expect(requests.filter((path) => path.startsWith('/pagefind/') || path === '/zoeken-ui.js')).toEqual([]);

      await page.keyboard.press('/');
      await page.locator('dialog[open]').waitFor();
      await expect.poll(() => requests.some((path) => path.startsWith('/pagefind/'))).toBe(true);
      expect(requests).toContain('/zoeken-ui.js');
    } finally {
      await context.close();
    }
  });
});

describe('search privacy', () => {
  it('never sends the words to another site, and the server does not log them', async () => {
    const site = await startSiteProcess();
    const { context, foreignRequests } = await newIsolatedContext(browser, new URL(site.url).origin);
    const page = await context.newPage();
    try {
      const word = 'privézoekwoordxyz';
      await page.goto(`${site.url}/`);
      await page.keyboard.press('/');
      await page.locator('dialog[open] input').waitFor();
      await page.keyboard.type(word);
      await page.waitForFunction(() => document.querySelector('dialog [role="status"]')?.textContent?.trim());
      await page.goto(`${site.url}/zoeken?q=${word}`);
      await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.trim());
      expect(foreignRequests).toEqual([]);
      expect(site.output()).not.toContain(word);
    } finally {
      await context.close();
      await site.stop();
    }
  });
});

describe('the search index', () => {
  it('covers every page in the sitemap except the deliberate exceptions', async () => {
    // Not indexed: the pages the index leaves out on purpose (one list, in the integration), and
    // forms, which are found through their pages.
    const exceptions = new Set([...notIndexed, '/melden/formulier', '/workshops/boeken']);
    const missing: string[] = [];
    for (const path of paths.filter((p) => !exceptions.has(p))) {
      const html = await (await fetch(`${siteUrl}${path}`)).text();
      if (!html.includes('data-pagefind-body')) missing.push(path);
    }
    expect(missing).toEqual([]);
  });
});
