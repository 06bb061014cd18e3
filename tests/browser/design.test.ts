import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newIsolatedContext } from '../support/chromium.ts';
import { startSiteProcess, type SiteProcess } from '../support/site-process.ts';
import { axeViolations, describeViolations } from '../support/axe.ts';
import { sitemapPaths } from '../support/site-pages.ts';

/**
 * Design and usability: focus is always visible and never covered, nothing scrolls sideways
 * on a 320 px phone, and the first screen of a 360×640 phone holds what matters most.
 * One browser; contexts are reused per viewport to keep the file fast.
 */

let site: SiteProcess;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  // The forms' minimum fill time is for bots; a keyboard walk submits at machine speed.
  site = await startSiteProcess({ FORM_MIN_FILL_MS: '0' });
  browser = await launchChromium();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await site?.stop();
});

async function newPage(width: number, height: number, javaScriptEnabled = true): Promise<Page> {
  const { context } = await newIsolatedContext(browser, new URL(site.url).origin, { viewport: { width, height }, javaScriptEnabled });
  contexts.push(context);
  return context.newPage();
}

/** The styles that can show focus, of every focusable element, before anything has focus. */
async function markBaseline(page: Page): Promise<void> {
  await page.evaluate(() => {
    const styles = (el: Element) => {
      const s = getComputedStyle(el);
      return JSON.stringify([s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color, s.textDecorationLine]);
    };
    for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')) {
      (el as HTMLElement).dataset.unfocusedStyle = styles(el);
    }
  });
}

interface FocusReport {
  name: string;
  problem?: string;
}

/**
 * Checks the focused element: its look must differ from its unfocused look by an outline,
 * a box shadow or a background, its centre must be on screen, and the element found at that
 * centre must be the element itself (not a sticky bar or anything else on top of it).
 */
async function checkFocus(page: Page): Promise<FocusReport | undefined> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return undefined;
    const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 40) || el.getAttribute('name') || ''}"`;
    const s = getComputedStyle(el);
    const focused = [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color, s.textDecorationLine];
    const before = el.dataset.unfocusedStyle ? (JSON.parse(el.dataset.unfocusedStyle) as string[]) : undefined;
    const outlineShows = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && !/rgba\(.*, 0\)$|transparent/.test(s.outlineColor);
    const changed = !before || focused[3] !== before[3] || focused[4] !== before[4] || (outlineShows && focused.slice(0, 3).join() !== before.slice(0, 3).join());
    if (!changed) return { name, problem: 'no visible change on focus' };
    // A link that wraps has one box per line; its first line is where the eye looks.
    const rect = el.getClientRects()[0] ?? el.getBoundingClientRect();
    const x = rect.left + rect.width / 2;
    const y = rect.top + Math.min(rect.height / 2, 20);
    if (x < 0 || x > innerWidth || y < 0 || y > innerHeight) return { name, problem: `off screen at ${Math.round(x)},${Math.round(y)}` };
    const top = document.elementFromPoint(x, y);
    if (top && top !== el && !el.contains(top) && !(top instanceof HTMLLabelElement && top.control === el)) {
      return { name, problem: `covered by ${top.tagName.toLowerCase()}.${[...top.classList].join('.')}` };
    }
    return { name };
  });
}

/** Tabs (or shift-tabs) through the page, checking every stop, until focus leaves `within`. */
async function keyboardWalk(page: Page, within: string, key: 'Tab' | 'Shift+Tab' = 'Tab', maxStops = 150): Promise<{ stops: number; problems: string[] }> {
  const problems: string[] = [];
  const seen = new Set<string>();
  let entered = false;
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press(key);
    const inside = await page.evaluate((selector) => !!document.activeElement?.closest(selector), within);
    if (!inside) {
      if (entered) break;
      continue;
    }
    entered = true;
    const report = await checkFocus(page);
    if (!report) continue;
    seen.add(report.name);
    if (report.problem) problems.push(`${report.name}: ${report.problem}`);
  }
  return { stops: seen.size, problems };
}

describe('focus you can always see', () => {
  it('shows focus on every stop of the concern form, forwards and backwards, never under the sticky bar', async () => {
    const page = await newPage(390, 700);
    await page.goto(`${site.url}/melden/formulier`);
    await page.locator('#veld-contact-contact').check();
    // Start the walk from the top of the page again.
    await page.locator('.skip-link').focus();
    await markBaseline(page);
    const forward = await keyboardWalk(page, 'main');
    expect(forward.problems).toEqual([]);
    expect(forward.stops).toBeGreaterThan(20);
    const backward = await keyboardWalk(page, 'main', 'Shift+Tab');
    expect(backward.problems).toEqual([]);
  });

  it('brings the question into view from every error-summary link, with the field focused and uncovered', async () => {
    const page = await newPage(390, 700);
    await page.goto(`${site.url}/melden/formulier`);
    await page.locator('#veld-contact-contact').check();
    await page.getByRole('button', { name: 'Ga verder' }).press('Enter');
    await page.waitForSelector('.error-summary');
    await markBaseline(page);
    const links = await page.locator('.error-summary a').count();
    expect(links).toBeGreaterThan(2);
    for (let i = 0; i < links; i++) {
      const link = page.locator('.error-summary a').nth(i);
      const target = decodeURIComponent((await link.getAttribute('href'))!.slice(1));
      await link.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction((id) => document.activeElement?.id === id, target);
      const report = await checkFocus(page);
      expect(report?.problem, report?.name).toBeUndefined();
      const question = await page.evaluate(() => {
        const input = document.activeElement as HTMLInputElement;
        const q = input.closest('fieldset')?.querySelector('legend') ?? document.querySelector(`label[for="${input.id}"]`)!;
        const rect = q.getBoundingClientRect();
        const bar = document.querySelector('.quick-exit-bar')?.getBoundingClientRect().bottom ?? 0;
        return { top: rect.top, bar, height: innerHeight };
      });
      expect(question.top, `question of ${target}`).toBeGreaterThanOrEqual(question.bar);
      expect(question.top).toBeLessThan(question.height);
    }
  });

  it('shows focus on every stop of the workshop booking form, button-styled links included', async () => {
    const page = await newPage(390, 700);
    await page.goto(`${site.url}/workshops/boeken`);
    await markBaseline(page);
    const walk = await keyboardWalk(page, 'main');
    expect(walk.problems).toEqual([]);
    expect(walk.stops).toBeGreaterThan(10);

    const catalogue = await newPage(1280, 800);
    await catalogue.goto(`${site.url}/melden`);
    await markBaseline(catalogue);
    const triage = await keyboardWalk(catalogue, 'main');
    expect(triage.problems).toEqual([]);
  });

  it('shows focus inside the search dialog and returns it where it was after Escape or Sluiten', async () => {
    const page = await newPage(1280, 800);
    await page.goto(`${site.url}/`);
    await markBaseline(page);
    // Somewhere in the page, not the header's search link.
    const start = page.locator('main a').nth(2);
    await start.focus();
    const startHref = await start.getAttribute('href');
    await page.keyboard.press('/');
    await page.waitForSelector('dialog[open] input[type="search"]');
    await page.keyboard.type('polarisering');
    await page.waitForSelector('dialog[open] [role="option"]');
    await markBaseline(page);
    const walk = await keyboardWalk(page, 'dialog[open]', 'Tab', 8);
    expect(walk.problems).toEqual([]);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(startHref);

    await page.keyboard.press('/');
    await page.waitForSelector('dialog[open]');
    await page.getByRole('button', { name: 'Sluiten' }).press('Enter');
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(startHref);
  });
});

describe('small screens', () => {
  it('never scrolls sideways at 320 px, on any page of the sitemap', async () => {
    const page = await newPage(320, 640);
    const wide: string[] = [];
    for (const path of await sitemapPaths(site.url)) {
      await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
      const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: innerWidth }));
      if (scroll > width) wide.push(`${path}: ${scroll}px`);
    }
    expect(wide).toEqual([]);
  }, 240_000);

  it('shows the way to share a worry and the emergency numbers on the first screen of a 360×640 phone', async () => {
    const page = await newPage(360, 640);
    await page.goto(`${site.url}/`);
    const bottom = (selector: string) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().bottom);
    expect(await bottom('main a[href="/melden"]')).toBeLessThanOrEqual(640);
    expect(await bottom('main .emergency-line')).toBeLessThanOrEqual(640);
    expect(await page.locator('main .emergency-line a[href^="tel:"]').count()).toBe(2);

    await page.goto(`${site.url}/melden`);
    for (const href of ['/melden/nu-gevaar', '/melden/waarover']) expect(await bottom(`main a[href="${href}"]`), href).toBeLessThanOrEqual(640);

    await page.goto(`${site.url}/melden/formulier`);
    expect(await page.locator('main form fieldset legend').first().evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(640);
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('opens the menu without JavaScript, with every section and every audience page', async () => {
    const audiencePages = (await sitemapPaths(site.url)).filter((p) => p.startsWith('/voor/'));
    expect(audiencePages.length).toBeGreaterThan(0);
    const page = await newPage(360, 640, false);
    await page.goto(`${site.url}/`);
    const menu = page.locator('header details');
    expect(await menu.locator('nav').isVisible()).toBe(false);
    await menu.locator('summary').click();
    for (const path of ['/info', '/melden', ...audiencePages]) expect(await menu.locator(`nav a[href="${path}"]`).isVisible(), path).toBe(true);
    // The home page itself also leads to every audience page.
    for (const path of audiencePages) expect(await page.locator(`main a[href="${path}"]`).count(), path).toBeGreaterThan(0);
  });

  it('keeps the menu open and axe-clean on a phone with JavaScript', async () => {
    const page = await newPage(360, 640);
    await page.goto(`${site.url}/`);
    await page.locator('header summary').click();
    expect(await page.locator('header details nav').isVisible()).toBe(true);
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});

describe('contact questions after "Ik blijf anoniem"', () => {
  it('reveals them only after "Neem contact met mij op" with JavaScript, and always shows them without', async () => {
    const page = await newPage(390, 700);
    await page.goto(`${site.url}/melden/formulier`);
    expect(await page.locator('#veld-naam').isVisible()).toBe(false);
    await page.locator('#veld-contact').check();
    expect(await page.locator('#veld-naam').isVisible()).toBe(false);
    await page.locator('#veld-contact-contact').check();
    expect(await page.locator('#veld-naam').isVisible()).toBe(true);
    expect(await page.locator('#veld-momenten').isVisible()).toBe(true);

    const plain = await newPage(390, 700, false);
    await plain.goto(`${site.url}/melden/formulier`);
    expect(await plain.locator('#veld-naam').isVisible()).toBe(true);
  });
});
