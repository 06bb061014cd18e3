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
import { bookingContent } from '../tests/support/content.ts';
import { isWeekday, nextDay, todayInBrussels } from '../src/forms/booking-dates.ts';
import { OTHER_SCHOOL } from '../src/forms/booking-catalogue.ts';

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

/**
 * Fills the booking form for the first workshop whose period still has school days after the
 * server's clock, with three of those days, and sends it. Undefined when no period has any.
 */
function bookingRequest(clock: string): Shot['open'] | undefined {
  const { workshops, periods } = bookingContent();
  let requests = 0;
  for (const workshop of workshops) {
    const period = periods.find((p) => p.id === workshop.period);
    if (!period) continue;
    const days: string[] = [];
    for (let day = nextDay(todayInBrussels(Date.parse(clock))); day <= period.end && days.length < 3; day = nextDay(day)) if (day >= period.start && isWeekday(day)) days.push(day);
    if (days.length < 3) continue;
    return async (page, siteUrl) => {
      await goto(`/workshops/boeken?workshop=${workshop.id}`)(page, siteUrl);
      // One request per width: "another school" with a new name each time, since a school
      // cannot ask twice for the same workshop.
      const select = page.locator('select[name="school"]');
      if (await select.count()) await select.selectOption(OTHER_SCHOOL);
      else await page.locator(`input[name="school"][value="${OTHER_SCHOOL}"]`).check();
      await page.getByLabel('De naam van je school').fill(`Voorbeeldschool ${++requests}`);
      await page.getByLabel('Je naam').fill('Jan Peeters');
      await page.getByLabel('Je e-mailadres').fill('leerkracht@school.test');
      await page.getByLabel('Je telefoonnummer').fill('03 123 45 67');
      await page.getByLabel('Voor welke klas of graad?').fill('3B');
      await page.getByLabel('Hoeveel leerlingen zijn er?').fill('24');
      for (const [index, day] of days.entries()) await page.locator(`#veld-datum${index + 1}`).fill(day.split('-').reverse().join('/'));
      await page.getByRole('button', { name: 'Verstuur je aanvraag' }).click();
      await page.waitForURL(/\/workshops\/boeking\/[A-Z0-9]{8}$/);
    };
  }
  return undefined;
}

const goto = (url: string) => async (page: Page, siteUrl: string) => {
  await page.goto(`${siteUrl}${url}`, { waitUntil: 'load' });
};

function shots(paths: string[], clock: string): Shot[] {
  const booked = bookingRequest(clock);
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
    { name: 'vragen', open: goto('/info/vragen') },
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
    ...(booked ? [{ name: 'workshops-aangevraagd', open: booked }] : []),
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
  // The form's minimum fill time is for bots, and the limit of open requests per client for
  // floods; the script fills in milliseconds and books once per width.
  const site = await startSiteProcess({ FORM_MIN_FILL_MS: '0', BOOKING_CLIENT_LIMIT: '10' });
  const browser = await launchChromium();
  try {
    const list = shots(await sitemapPaths(site.url), site.clock).filter((shot) => !only || only.some((o) => shot.name.startsWith(o)));
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
