/**
 * `npm run screenshots`: serves the existing build (run `npm run build` first; this script builds
 * nothing) and saves full-page PNGs of the key pages and states at 320, 390 and 1280 px into
 * `screenshots/` (git-ignored), so a change to the look can be reviewed by eye.
 * Pages are picked from the sitemap, not named, so another municipality's content works too.
 * `SCREENSHOT_WIDTHS=390` or `SCREENSHOT_ONLY=home,search` narrows a run.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, newIsolatedContext } from '../tests/support/chromium.ts';
import { startSiteProcess } from '../tests/support/site-process.ts';
import { sitemapPaths } from '../tests/support/site-pages.ts';

const outDir = path.resolve(import.meta.dirname, '../screenshots');
const widths = (process.env.SCREENSHOT_WIDTHS ?? '320,390,1280').split(',').map(Number);
const only = process.env.SCREENSHOT_ONLY?.split(',');

interface Shot {
  name: string;
  /** Brings the page into the state to capture. */
  open(page: Page, siteUrl: string): Promise<void>;
}

function firstMatching(paths: string[], pattern: RegExp, label: string): string {
  const found = paths.find((p) => pattern.test(p));
  if (!found) throw new Error(`no ${label} page in the sitemap`);
  return found;
}

/** Fills the concern form with valid answers and goes on to "Controleer je bericht". */
async function toCheckPage(page: Page, siteUrl: string): Promise<void> {
  await goto('/melden/formulier')(page, siteUrl);
  await page.locator('#veld-soort').check();
  await page.locator('#veld-rol').check();
  await page.fill('#veld-bezorgdheid', 'Een voorbeeldbericht voor de schermafdrukken, met genoeg tekst.');
  await page.locator('#veld-leeftijd').check();
  await page.locator('#veld-contact').check();
  await page.getByRole('button', { name: 'Ga verder' }).click();
}

const goto = (url: string) => async (page: Page, siteUrl: string) => {
  await page.goto(`${siteUrl}${url}`, { waitUntil: 'load' });
};

function shots(paths: string[]): Shot[] {
  const article = firstMatching(paths, /^\/info\/(?!thema\/|begrippen$|vragen$)[^/]+$/, 'article');
  const tipSheet = firstMatching(paths, /^\/gesprekstips\/[^/]+$/, 'tip sheet');
  const triage = paths.filter((p) => /^\/melden\/(?!formulier)[^/]+$/.test(p));
  return [
    { name: 'home', open: goto('/') },
    { name: 'info', open: goto('/info') },
    { name: 'gesprekstips', open: goto('/gesprekstips') },
    { name: 'article', open: goto(article) },
    { name: 'tip-sheet', open: goto(tipSheet) },
    { name: 'wegwijzer', open: goto('/wegwijzer') },
    { name: 'melden', open: goto('/melden') },
    ...triage.map((p) => ({ name: `melden-${p.split('/').pop()}`, open: goto(p) })),
    { name: 'melden-formulier', open: goto('/melden/formulier') },
    {
      name: 'melden-formulier-fout',
      open: async (page, siteUrl) => {
        await goto('/melden/formulier')(page, siteUrl);
        await page.locator('#veld-contact-contact').check();
        await page.getByRole('button', { name: 'Ga verder' }).click();
        await page.waitForSelector('.error-summary');
      },
    },
    {
      name: 'melden-controleer',
      open: async (page, siteUrl) => {
        await toCheckPage(page, siteUrl);
        await page.waitForSelector('.summary-list');
      },
    },
    {
      name: 'melden-ontvangen',
      open: async (page, siteUrl) => {
        await toCheckPage(page, siteUrl);
        await page.getByRole('button', { name: 'Verstuur je bericht' }).click();
        await page.waitForURL(/\/melden\/ontvangen\//);
      },
    },
    { name: 'workshops', open: goto('/workshops') },
    { name: 'workshops-boeken', open: goto('/workshops/boeken') },
    {
      name: 'zoeken-resultaten',
      open: async (page, siteUrl) => {
        await goto('/zoeken?q=polarisering')(page, siteUrl);
        await page.waitForSelector('.search-hit');
      },
    },
    { name: '404', open: goto('/bestaat-niet') },
  ];
}

async function main(): Promise<void> {
  // The form's minimum fill time is for bots; the script fills in milliseconds.
  const site = await startSiteProcess({ FORM_MIN_FILL_MS: '0' });
  const browser = await launchChromium();
  try {
    const list = shots(await sitemapPaths(site.url)).filter((shot) => !only || only.some((o) => shot.name.startsWith(o)));
    await rm(outDir, { recursive: true, force: true });
    await mkdir(outDir, { recursive: true });
    for (const width of widths) {
      const { context } = await newIsolatedContext(browser, new URL(site.url).origin, { viewport: { width, height: width < 800 ? 740 : 900 } });
      const page = await context.newPage();
      for (const shot of list) {
        await shot.open(page, site.url);
        const file = path.join(outDir, `${shot.name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(path.relative(process.cwd(), file));
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await site.stop();
  }
}

await main();
