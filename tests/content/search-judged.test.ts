import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, newIsolatedContext } from '../support/chromium.ts';
import { sitemapPaths } from '../support/site-pages.ts';

/**
 * Search quality on Sint-Niklaas's own content. The search machinery is tested generically in
 * tests/browser/search.test.ts; which words must find which page depends on the content, so a
 * municipality replaces this list with judged queries for its own pages.
 */
const siteUrl = inject('siteUrl');
const origin = new URL(siteUrl).origin;
const paths = await sitemapPaths(siteUrl);

/**
 * Judged queries: what people actually type, with the page that must be among the first
 * three results. Misspellings, compounds and everyday words on purpose.
 */
const judged: [query: string, expected: string][] = [
  ['mijn zoon complot', '/gesprekstips/ouder-kind-deelt-complotten'],
  ['haat op facebook', '/gesprekstips/beheerder-sociale-media-haatreacties'],
  ['klas discussie', '/gesprekstips/leerkracht-spanningen-in-de-klas'],
  ['klasdiscussie', '/gesprekstips/leerkracht-spanningen-in-de-klas'],
  ['kliklijn', '/info/vragen'],
  ['anoniem melden', '/info/vragen'],
  ['motorbende', '/info/vormen-van-extremisme'],
  ['jihad', '/info/vormen-van-extremisme'],
  ['extreemrechts', '/info/vormen-van-extremisme'],
  ['nepnieuws', '/info/nepnieuws-herkennen'],
  ['nepnieuwss', '/info/nepnieuws-herkennen'],
  ['fake news', '/info/nepnieuws-herkennen'],
  ['tiktok', '/info/nepnieuws-herkennen'],
  ['wij zij', '/info/begrippen'],
  ['stille midden', '/info/stille-midden-versterken'],
  ['polarizering', '/info/wat-is-polarisering'],
  ['complottheorie', '/info/desinformatie-en-complotdenken'],
  ['complotdenker', '/info/desinformatie-en-complotdenken'],
  ['radikalisering', '/info/wat-is-radicalisering'],
  ['radicaliseringsproces', '/info/wat-is-radicalisering'],
  ['dochter radicaliseert', '/gesprekstips/ouder-zorgen-over-radicalisering'],
  ['signalen radicalisering', '/info/signalen-van-radicalisering'],
  ['spijbelen', '/info/signalen-van-radicalisering'],
  ['opvoedingslijn', '/wegwijzer'],
  ['workshop school', '/workshops'],
  ['gratis workshop', '/workshops'],
  ['haat online', '/info/online-haatspraak'],
  ['haatberichten', '/info/online-haatspraak'],
  ['privacy', '/privacy'],
  ['politie', '/over-ons/samenwerking-met-politie-en-justitie'],
  ['wat gebeurt er met mijn melding', '/over-ons/wat-gebeurt-er-met-je-melding'],
  ['livc', '/over-ons/aanpak-in-sint-niklaas'],
  ['112', '/melden/nu-gevaar'],
  ['deradicaliseren', '/info/disengagement-en-deradicalisering'],
  ['cijfers', '/info/tendensen-in-vlaanderen'],
];

let browser: Browser;
const ranks: string[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  if (ranks.length) console.log(`Judged queries (rank of the expected page):\n${ranks.join('\n')}`);
});

async function newPage() {
  const { context } = await newIsolatedContext(browser, origin);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}

const pathOf = (url: string) => new URL(url, 'http://x').pathname;

describe('search finds the right page', () => {
  it('expects only pages that exist in the sitemap', () => {
    for (const [, expected] of judged) expect(paths, expected).toContain(expected);
    expect(judged.length).toBeGreaterThanOrEqual(25);
  });

  it('puts the expected page in the top 3 for every judged query', { timeout: 120_000 }, async () => {
    const { context, page, problems } = await newPage();
    const misses: string[] = [];
    try {
      await page.goto(`${siteUrl}/zoeken`);
      for (const [query, expected] of judged) {
        // Typed into the page's field, as a visitor would; the list says which query it shows.
        await page.fill('#zoekterm', query);
        await page.waitForSelector(`[data-search-results][data-query="${query}"]`, { state: 'attached' });
        const results = await page.$$eval('[data-search-results] > li h3 a', (links) => links.map((a) => a.getAttribute('href')!));
        const rank = results.map(pathOf).indexOf(expected) + 1;
        ranks.push(`  ${rank || '-'}  ${query} → ${expected}`);
        if (rank < 1 || rank > 3) misses.push(`"${query}": ${expected} is ${rank ? `number ${rank}` : 'missing'}; top 3: ${results.slice(0, 3).join(', ')}`);
      }
      expect(misses).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

