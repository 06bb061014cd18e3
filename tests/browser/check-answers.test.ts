import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newIsolatedContext } from '../support/chromium.ts';
import { axeViolations, describeViolations } from '../support/axe.ts';
import { postForm } from '../support/forms.ts';
import { startSiteProcess, type SiteProcess } from '../support/site-process.ts';
import { DATABASE_FILE } from '../../src/server/storage/database.ts';

/**
 * "Controleer je bericht" (GOV.UK check answers) without JavaScript and with it, and a double
 * submission: a resent check page stores one case and shows the same confirmation.
 */
let browser: Browser;
let site: SiteProcess;

beforeAll(async () => {
  site = await startSiteProcess({ FORM_MIN_FILL_MS: '0' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

function storedCount(): number {
  const db = new DatabaseSync(path.join(site.dataDir, DATABASE_FILE), { readOnly: true });
  try {
    // A concern is stored as an encrypted case (README, "Confidential reporting").
    return (db.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function expectAccessible(page: Page) {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

/** The answers on the check page, as its "Verstuur" button would post them. */
async function checkPageFields(page: Page): Promise<[string, string][]> {
  const inputs = await page.locator('main form input[type="hidden"]').all();
  return Promise.all(inputs.map(async (input) => [(await input.getAttribute('name'))!, (await input.getAttribute('value')) ?? ''] as [string, string]));
}

for (const javaScriptEnabled of [true, false]) {
  describe(`checking a concern before sending, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    it('shows every answer, goes back to a question with everything kept, and stores only on "Verstuur" — once', async () => {
      const { context, foreignRequests } = await newIsolatedContext(browser, new URL(site.url).origin, { javaScriptEnabled });
      const page = await context.newPage();
      const phrase = `Mijn nichtje volgt sinds kort accounts die haat verspreiden ${javaScriptEnabled ? 'js' : 'nojs'}.`;
      const before = storedCount();

      await page.goto(`${site.url}/melden/formulier?soort=persoon`);
      await page.check('#veld-rol-ouder');
      await page.fill('#veld-bezorgdheid', `${phrase}\nZe praat er thuis niet over.`);
      await page.check('#veld-leeftijd');
      await page.fill('#veld-plaats', 'Tereken');
      await page.check('#veld-contact');
      await page.getByRole('button', { name: 'Ga verder' }).click();

      // The check page: every question with its answer, nothing stored, nothing in the address.
      await expect.poll(() => page.locator('h1').textContent(), { timeout: 15_000 }).toBe('Controleer je bericht');
      expect(await page.title()).toMatch(/^Controleer je bericht/);
      expect(page.url()).toBe(`${site.url}/melden/formulier`);
      expect(storedCount()).toBe(before);
      const rows = page.locator('.summary-list__row');
      expect(await rows.count()).toBe(14);
      const row = (question: string) => page.locator('.summary-list__row', { has: page.locator('dt', { hasText: question }) });
      expect(await row('Wat maakt je ongerust?').locator('.summary-list__value').textContent()).toBe(`${phrase}\nZe praat er thuis niet over.`);
      expect(await row('Wie ben jij?').locator('.summary-list__value').textContent()).toBe('Ouder of familielid');
      expect(await row('Hoe oud is de persoon').locator('.summary-list__value').textContent()).toBe('Jonger dan 18 jaar');
      expect(await row('Je naam').locator('.summary-list__value').textContent()).toBe('Niet ingevuld');
      expect(await page.locator('main').textContent()).toContain('nog niet verstuurd');
      // Every "Wijzig" is a button that posts (never a link with values), named after its question.
      expect(await page.locator('main a[href*="bezorgdheid="]').count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Wijzig\s+Wat maakt je ongerust\?$/ }).getAttribute('formaction')).toBe('/melden/formulier#veld-bezorgdheid');
      if (javaScriptEnabled) await expectAccessible(page);

      // "Wijzig": back at the question, with everything still filled in.
      await page.getByRole('button', { name: /^Wijzig\s+In welke wijk of deelgemeente speelt dit\?$/ }).click();
      await expect.poll(() => page.url(), { timeout: 15_000 }).toBe(`${site.url}/melden/formulier#veld-plaats`);
      expect(await page.locator('h1').textContent()).toBe('Deel je bezorgdheid');
      expect(await page.inputValue('#veld-bezorgdheid')).toBe(`${phrase}\nZe praat er thuis niet over.`);
      expect(await page.locator('#veld-rol-ouder').isChecked()).toBe(true);
      expect(await page.locator('#veld-leeftijd').isChecked()).toBe(true);
      expect(await page.inputValue('#veld-plaats')).toBe('Tereken');
      // The question it came back for is in view (the browser scrolls to it once the page has
      // loaded, which may take a moment on a busy machine), below the sticky exit bar.
      await expect.poll(() => page.evaluate(() => document.querySelector('#veld-plaats')!.getBoundingClientRect().top < window.innerHeight), { timeout: 15_000 }).toBe(true);
      const { top, barBottom, height } = await page.evaluate(() => ({
        top: document.querySelector('#veld-plaats')!.getBoundingClientRect().top,
        barBottom: document.querySelector('.exit-this-page')!.getBoundingClientRect().bottom,
        height: window.innerHeight,
      }));
      expect(top).toBeGreaterThanOrEqual(barBottom);
      expect(top).toBeLessThan(height);
      expect(storedCount()).toBe(before);

      // A change, then the check page again, then send.
      await page.fill('#veld-plaats', 'Nieuwkerken');
      await page.getByRole('button', { name: 'Ga verder' }).click();
      await expect.poll(() => page.locator('h1').textContent(), { timeout: 15_000 }).toBe('Controleer je bericht');
      expect(await row('In welke wijk').locator('.summary-list__value').textContent()).toBe('Nieuwkerken');
      const fields = await checkPageFields(page);
      await page.getByRole('button', { name: 'Verstuur je bericht' }).click();
      await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/\/melden\/ontvangen\/[\w-]+$/);
      expect(await page.locator('h1').textContent()).toContain('goed aangekomen');
      // A photo of the page would stay in the gallery: print it or write it down instead.
      const confirmationText = (await page.locator('main').textContent())!;
      expect(confirmationText).not.toMatch(/foto/i);
      expect(confirmationText).toContain('druk deze pagina af');
      expect(storedCount()).toBe(before + 1);

      // Back and resend: the very same post again stores nothing and leads to the same confirmation.
      const confirmation = new URL(page.url()).pathname;
      const resent = await postForm(site.url, '/melden/formulier', Object.fromEntries([...groupFields(fields), ['_stap', 'verstuur']]));
      expect(resent.status).toBe(303);
      expect(resent.location).toBe(confirmation);
      expect(storedCount()).toBe(before + 1);
      expect(foreignRequests.filter((url) => !url.startsWith('https://example.org/'))).toEqual([]);
      await context.close();
    });

    it('shows the error summary, with everything kept, when the form is not complete', async () => {
      const { context } = await newIsolatedContext(browser, new URL(site.url).origin, { javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${site.url}/melden/formulier`);
      await page.fill('#veld-bezorgdheid', 'Een tekst die lang genoeg is, maar de rest ontbreekt.');
      await page.getByRole('button', { name: 'Ga verder' }).click();
      await expect.poll(() => page.locator('.error-summary').count(), { timeout: 15_000 }).toBe(1);
      expect(await page.locator('h1').textContent()).toBe('Deel je bezorgdheid');
      expect(await page.inputValue('#veld-bezorgdheid')).toBe('Een tekst die lang genoeg is, maar de rest ontbreekt.');
      await context.close();
    });
  });
}

describe('a double submission', () => {
  it('two identical posts at once store one case and lead to the same confirmation', async () => {
    const html = await (await fetch(`${site.url}/melden/formulier`)).text();
    const token = /name="_start" value="([^"]+)"/.exec(html)![1]!;
    const before = storedCount();
    const fields = { _start: token, homepage: '', _stap: 'verstuur', soort: 'vraag', rol: 'leerkracht', bezorgdheid: 'Hoe praat ik in de klas over een aanslag die in het nieuws was?', contact: 'anoniem' };
    const [a, b] = await Promise.all([postForm(site.url, '/melden/formulier', fields), postForm(site.url, '/melden/formulier', fields)]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(a.location).toMatch(/^\/melden\/ontvangen\/[\w-]+$/);
    expect(b.location).toBe(a.location);
    expect(storedCount()).toBe(before + 1);
    // The confirmation shows the receipt to whichever answer arrives first.
    expect((await fetch(`${site.url}${a.location}`)).status).toBe(200);
  });
});

/** Hidden fields as `postForm` takes them: a repeated name (checkboxes) becomes a list. */
function groupFields(fields: [string, string][]): [string, string | string[]][] {
  const grouped = new Map<string, string[]>();
  for (const [name, value] of fields) grouped.set(name, [...(grouped.get(name) ?? []), value]);
  return [...grouped].map(([name, values]) => [name, values.length === 1 ? values[0]! : values]);
}
