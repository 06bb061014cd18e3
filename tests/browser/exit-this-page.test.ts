import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newIsolatedContext } from '../support/chromium.ts';
import { axeViolations, describeViolations } from '../support/axe.ts';
import { settings } from '../../src/settings.ts';
import { quickExitHref } from '../../src/lib/placeholders.ts';

/**
 * "Verlaat deze pagina" (src/components/safety/ExitThisPage.astro): a link to the neutral site
 * without JavaScript; with JavaScript an overlay at once, `location.replace`, Shift three times,
 * and a reset when the page is shown again. The neutral site is answered locally.
 */
const siteUrl = inject('siteUrl');
const origin = new URL(siteUrl).origin;
// The neutral site from the settings, or the site's own blank page while that is a placeholder.
const exitHref = quickExitHref(settings);
const exitUrl = new URL(exitHref, siteUrl).href;
const exitIsForeign = new URL(exitUrl).origin !== origin;
const exitLink = /Verlaat deze pagina/;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A context in which the neutral site answers locally, and its requests are counted. */
async function contextWithNeutralSite(javaScriptEnabled: boolean) {
  const { context } = await newIsolatedContext(browser, origin, { javaScriptEnabled, viewport: { width: 390, height: 700 } });
  const requests: string[] = [];
  // Tests reach no other origin: a neutral site elsewhere is answered here.
  if (exitIsForeign) {
    await context.route(`${exitUrl}**`, (route) => {
      requests.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<html lang="en"><title>Neutral</title></html>' });
    });
  } else {
    context.on('request', (request) => {
      if (request.url().startsWith(exitUrl)) requests.push(request.url());
    });
  }
  return { context, requests };
}

/** Opens the home page, then `path`, so "back" has somewhere to go. */
async function openFromHome(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${siteUrl}/`);
  await page.goto(`${siteUrl}${path}`);
  return page;
}

const historyLength = (page: Page) => page.evaluate(() => history.length);

describe('the exit button on every page of the reporting path', () => {
  for (const path of ['/melden', '/melden/nu-gevaar', '/melden/waarover', '/melden/ouder', '/melden/formulier', '/melden/veilig-surfen']) {
    it(`${path} has the exit link and the link to "Veilig surfen"`, async () => {
      const html = await (await fetch(`${siteUrl}${path}`)).text();
      const bar = /<div class="exit-this-page[^"]*"[\s\S]*?class="exit-this-page__more[\s\S]*?<\/p>/.exec(html)?.[0];
      expect(bar, 'the exit bar').toBeDefined();
      expect(bar).toContain(`href="${exitHref}"`);
      expect(bar).toContain('href="/melden/veilig-surfen"');
      // The bar comes before the header, right after the skip link.
      expect(html.indexOf('data-exit-this-page')).toBeLessThan(html.indexOf('role="banner"'));
    });
  }
});

describe('exit this page, JavaScript on', () => {
  it('covers the page at once, then replaces it in the history so Back skips it', async () => {
    const { context } = await contextWithNeutralSite(true);
    const page = await openFromHome(context, '/melden/formulier');
    // The page cannot be inspected while it navigates away, so it writes down what it shows the
    // moment the overlay appears, synchronously, in its own origin's storage (a message to the
    // test could be lost with the page on a busy machine); the test reads it afterwards.
    await page.evaluate(() => {
      localStorage.removeItem('exit-overlay-seen');
      const observer = new MutationObserver(() => {
        const overlay = document.querySelector<HTMLElement>('.exit-this-page-overlay');
        if (!overlay?.textContent) return;
        observer.disconnect();
        localStorage.setItem(
          'exit-overlay-seen',
          JSON.stringify({
            overlay: overlay.checkVisibility() && overlay.getAttribute('role') === 'alert',
            text: overlay.textContent,
            mainVisible: document.querySelector('main')!.checkVisibility(),
            barVisible: document.querySelector('.exit-this-page')!.checkVisibility(),
          }),
        );
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    const before = await historyLength(page);
    await page.getByRole('link', { name: exitLink }).click();

    await expect.poll(() => page.url(), { timeout: 15_000 }).toBe(exitUrl);
    const probe = await context.newPage();
    await probe.goto(`${siteUrl}/`);
    const seen = JSON.parse((await probe.evaluate(() => localStorage.getItem('exit-overlay-seen'))) ?? 'null');
    await probe.close();
    expect(seen).toEqual({ overlay: true, text: 'Bezig met laden.', mainVisible: false, barVisible: false });
    expect(await historyLength(page)).toBe(before);
    await page.goBack();
    await expect.poll(() => page.url(), { timeout: 15_000 }).toBe(`${siteUrl}/`);
    await context.close();
  });

  it('leaves when Shift is pressed three times, with the presses counted on the button', async () => {
    const { context } = await contextWithNeutralSite(true);
    const page = await context.newPage();
    // A paused clock: on a busy machine, the test's own steps must not outlast the 5-second window.
    await page.clock.install();
    await page.goto(`${siteUrl}/`);
    await page.goto(`${siteUrl}/melden/formulier`);
    await page.clock.pauseAt(Date.now() + 60_000);
    const before = await historyLength(page);
    // The hint shows (on wider screens) only where the shortcut works: with JavaScript.
    expect(await page.locator('[data-exit-this-page-hint]').getAttribute('hidden')).toBeNull();
    await page.locator('#veld-bezorgdheid').focus();
    await page.keyboard.press('Shift');
    expect(await page.locator('.exit-this-page__light--on').count()).toBe(1);
    expect(await page.locator('[data-exit-this-page-status]').textContent()).toContain('nog 2 keer');
    await page.keyboard.press('Shift');
    expect(await page.locator('.exit-this-page__light--on').count()).toBe(2);
    await page.keyboard.press('Shift');
    await expect.poll(() => page.url(), { timeout: 15_000 }).toBe(exitUrl);
    expect(await historyLength(page)).toBe(before);
    await context.close();
  });

  it('does not leave on Shift used for capitals, on three Escapes, or when the presses are too slow', async () => {
    const { context, requests } = await contextWithNeutralSite(true);
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`${siteUrl}/melden/formulier`);
    await page.clock.pauseAt(Date.now() + 60_000);
    await page.locator('#veld-bezorgdheid').focus();

    // Typing capitals: Shift is held as a modifier, never pressed on its own.
    for (const key of ['Shift+I', 'Shift+K', 'Shift+J']) await page.keyboard.press(key);
    expect(await page.inputValue('#veld-bezorgdheid')).toBe('IKJ');
    // Escape belongs to dialogs and assistive technology: it no longer leaves the page.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
    // Two presses, then more than five seconds' pause: the count starts again.
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.clock.runFor(5_001);
    expect(await page.locator('[data-exit-this-page-status]').textContent()).toBe('Je blijft op deze pagina.');
    expect(await page.locator('.exit-this-page__indicator--visible').count()).toBe(0);
    await page.keyboard.press('Shift');

    // Key handlers run synchronously during each press: had one of them left, the overlay would be there.
    expect(await page.locator('.exit-this-page-overlay').count()).toBe(0);
    expect(requests).toEqual([]);
    expect(page.url()).toBe(`${siteUrl}/melden/formulier`);
    await context.close();
  });

  it('resets the page when the browser shows it again (back/forward cache)', async () => {
    const { context } = await contextWithNeutralSite(true);
    const page = await context.newPage();
    await page.goto(`${siteUrl}/melden/formulier`);
    // As GOV.UK's own test does: a same-page target keeps this document alive with the overlay on.
    await page.locator('[data-exit-this-page-button]').evaluate((a) => a.setAttribute('href', '#'));
    await page.getByRole('link', { name: exitLink }).focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('.exit-this-page-overlay').count()).toBe(1);
    expect(await page.locator('main').isVisible()).toBe(false);
    // What the browser fires when it restores a page from the back/forward cache.
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));
    expect(await page.locator('.exit-this-page-overlay').count()).toBe(0);
    expect(await page.evaluate(() => document.body.className)).not.toContain('exit-this-page-hide-content');
    expect(await page.locator('main').isVisible()).toBe(true);
    await context.close();
  });
});

describe('exit this page, JavaScript off', () => {
  it('is an ordinary link to the neutral site, without the Shift hint', async () => {
    const { context } = await contextWithNeutralSite(false);
    const page = await openFromHome(context, '/melden/formulier');
    expect(await page.locator('[data-exit-this-page-hint]').getAttribute('hidden')).not.toBeNull();
    await page.getByRole('link', { name: exitLink }).click();
    await expect.poll(() => page.url(), { timeout: 15_000 }).toBe(exitUrl);
    await context.close();
  });
});

for (const javaScriptEnabled of [true, false]) {
  describe(`the sticky exit bar, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    it('never covers the element that has keyboard focus, going forward or back', async () => {
      const { context } = await contextWithNeutralSite(javaScriptEnabled);
      const page = await context.newPage();
      await page.goto(`${siteUrl}/melden/formulier`);
      const covered: string[] = [];
      // Covered = at some point of the focused element's top edge, the topmost element is the bar.
      const check = async () => {
        const result = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          const bar = document.querySelector('.exit-this-page')!;
          if (!el || el === document.body || bar.contains(el)) return undefined;
          const box = el.getBoundingClientRect();
          const y = box.top + 1;
          const xs = [box.left + 1, box.left + box.width / 2, box.right - 1];
          const covered = xs.some((x) => bar.contains(document.elementFromPoint(x, y)));
          return covered ? `${el.id || el.textContent?.trim().slice(0, 30) || el.tagName}: top ${box.top}, bar bottom ${bar.getBoundingClientRect().bottom}` : undefined;
        });
        if (result) covered.push(result);
      };
      for (let i = 0; i < 45; i++) {
        await page.keyboard.press('Tab');
        await check();
      }
      for (let i = 0; i < 45; i++) {
        await page.keyboard.press('Shift+Tab');
        await check();
      }
      expect(covered).toEqual([]);
      await context.close();
    });
  });
}

describe('the "Veilig surfen" page', () => {
  it('explains private windows, history, shared devices and mailboxes, and what the button does not do; axe finds nothing', async () => {
    const { context } = await contextWithNeutralSite(true);
    const page = await context.newPage();
    await page.goto(`${siteUrl}/melden/veilig-surfen`);
    const headings = await page.locator('main h2').allTextContents();
    expect(headings).toEqual(expect.arrayContaining(['De knop Verlaat deze pagina', 'Een privévenster gebruiken', 'Je geschiedenis wissen', 'Een telefoon of computer die je deelt', 'Een mailbox of telefoon die iemand anders ziet']));
    expect(await page.locator('main').textContent()).toContain('Wat de knop niet doet');
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    // The concern form links to it.
    await page.goto(`${siteUrl}/melden/formulier`);
    expect(await page.locator('main a[href="/melden/veilig-surfen"]').count()).toBe(1);
    await context.close();
  });
});
