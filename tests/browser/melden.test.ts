import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newIsolatedContext } from '../support/chromium.ts';
import { axeViolations, describeViolations } from '../support/axe.ts';
import { startMailSink, type MailSink } from '../support/mail-sink.ts';
import { startSiteProcess, type SiteProcess } from '../support/site-process.ts';
import { settings } from '../../src/settings.ts';
import { contentEntries } from '../support/content.ts';
import { quickExitHref } from '../../src/lib/placeholders.ts';

/** The parents' helpline the parent path points to, as the signposting content gives it. */
const parentsLine = contentEntries('organisaties').find((o) => o.id === 'opvoedingslijn')!.data;
import { contactBackSentence } from '../../src/lib/promises.ts';

let browser: Browser;
let sink: MailSink;
let site: SiteProcess;

beforeAll(async () => {
  sink = await startMailSink();
  site = await startSiteProcess({ SMTP_URL: sink.url, FORM_MIN_FILL_MS: '0', DELIVERY_RETRY_BASE_MS: '200' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
  await sink?.close();
});

/**
 * axe runs as a script in the page, which a context without JavaScript cannot do. The server
 * sends the same HTML either way, so the JavaScript-on pass checks every state.
 */
async function expectAccessible(page: Page, javaScriptEnabled: boolean) {
  if (!javaScriptEnabled) return;
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

for (const javaScriptEnabled of [true, false]) {
  describe(`sharing a concern, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    let context: BrowserContext;
    let page: Page;
    let foreign: string[];

    beforeAll(async () => {
      ({ context, foreignRequests: foreign } = await newIsolatedContext(browser, new URL(site.url).origin, { javaScriptEnabled }));
    });
    afterAll(async () => {
      // The only other origin a page may send anyone to is the neutral exit site, on purpose.
      const exitOrigin = new URL(quickExitHref(settings), site.url).origin;
      expect(foreign.filter((url) => new URL(url).origin !== exitOrigin)).toEqual([]);
      await context.close();
    });

    // Choosing a path is plain links: no script on these pages changes them, so the
    // JavaScript-off pass would repeat the same requests. It runs for the forms below.
    if (javaScriptEnabled) {
      it('sends someone in immediate danger to 112 and 101, without a form', async () => {
        page = await context.newPage();
        await page.goto(`${site.url}/melden`);
        await expectAccessible(page, javaScriptEnabled);
        await page.getByRole('link', { name: 'Ja, er is nu gevaar' }).click();
        await expect.poll(() => page.url()).toContain('/melden/nu-gevaar');
        expect(await page.locator('h1').textContent()).toContain('112');
        expect(await page.locator('a[href="tel:112"]').count()).toBeGreaterThan(0);
        expect(await page.locator('a[href="tel:101"]').count()).toBeGreaterThan(0);
        expect(await page.locator('main form').count()).toBe(0);
        await page.close();
      });

      it('routes each worry to the form with the right topic, and parents also to the Opvoedingslijn', async () => {
        page = await context.newPage();
        for (const [choice, topic] of [
          ['Ik maak me zorgen over een persoon', 'persoon'],
          ['Ik maak me zorgen over spanningen in een groep', 'groep'],
          ['Ik heb een vraag of wil advies', 'vraag'],
        ] as const) {
          await page.goto(`${site.url}/melden`);
          await page.getByRole('link', { name: 'Nee, niet op dit moment' }).click();
          await expect.poll(() => page.url()).toContain('/melden/waarover');
          await page.getByRole('link', { name: choice }).click();
          await expect.poll(() => page.url()).toContain(`soort=${topic}`);
          expect(await page.locator(`input[name="soort"][value="${topic}"]`).isChecked()).toBe(true);
        }
        await page.goto(`${site.url}/melden/waarover`);
        await page.getByRole('link', { name: 'Ik ben ouder en wil eerst met iemand praten' }).click();
        await expect.poll(() => page.url()).toContain('/melden/ouder');
        const text = await page.locator('main').textContent();
        expect(text).toContain(parentsLine.name);
        expect(text).toContain(parentsLine.contact.phone);
        expect(text).toContain('geen kliklijn');
        await expectAccessible(page, javaScriptEnabled);
        await page.close();
      });
    }

    it('shows an error summary that takes focus, marks each field and keeps what was typed', async () => {
      page = await context.newPage();
      await page.goto(`${site.url}/melden/formulier?soort=persoon`);
      await expectAccessible(page, javaScriptEnabled);
      const typed = 'Mijn buurjongen praat de laatste tijd veel over geweld tegen anderen.';
      await page.fill('#veld-bezorgdheid', typed);
      await page.check('#veld-contact-contact');
      await page.fill('#veld-email', 'geen-geldig-adres');
      await page.getByRole('button', { name: 'Ga verder' }).click();
      await page.waitForLoadState('load');

      expect(await page.title()).toMatch(/^Fout: /);
      const summary = page.locator('.error-summary');
      // Focus comes from `autofocus` without JavaScript and from the script with it: wait for it, however long loading takes.
      await page.locator('.error-summary:focus').waitFor({ state: 'attached', timeout: 20_000 });
      const links = await summary.locator('a').all();
      const hrefs = await Promise.all(links.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(['#veld-rol', '#veld-naam', '#veld-email']);
      for (const href of hrefs) {
        const field = page.locator(href!);
        expect(await field.getAttribute('aria-invalid')).toBe('true');
      }
      const describedBy = await page.locator('#veld-email').getAttribute('aria-describedby');
      expect(describedBy).toContain('veld-email-fout');
      expect(await page.locator('#veld-email-fout').textContent()).toContain('e-mailadres');
      // Radio groups: the fieldset points at its message.
      expect(await page.locator('fieldset:has(#veld-rol)').getAttribute('aria-describedby')).toContain('veld-rol-fout');

      expect(await page.inputValue('#veld-bezorgdheid')).toBe(typed);
      expect(await page.inputValue('#veld-email')).toBe('geen-geldig-adres');
      expect(await page.locator('#veld-contact-contact').isChecked()).toBe(true);
      expect(await page.locator('input[name="soort"][value="persoon"]').isChecked()).toBe(true);
      await expectAccessible(page, javaScriptEnabled);

      // Keyboard only: from the summary, Tab reaches the first link and Enter moves to its field.
      await page.keyboard.press('Tab');
      expect(await page.locator(':focus').getAttribute('href')).toBe('#veld-rol');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator(':focus').getAttribute('id')).toBe('veld-rol');
      await page.keyboard.press('Space');
      expect(await page.locator('#veld-rol').isChecked()).toBe(true);
      await page.close();
    });

    it('stores a valid report, shows the reference and the receipt once, and notifies the expert without content', async () => {
      page = await context.newPage();
      const response = await page.goto(`${site.url}/melden/formulier?soort=groep`);
      expect(response!.headers()['cache-control']).toBe('no-store');
      const phrase = `Spanningen op het pleintje ${javaScriptEnabled ? 'js' : 'nojs'} ${Date.now()}`;
      await page.check('#veld-rol-jeugdwerker');
      await page.fill('#veld-bezorgdheid', `${phrase}. Twee groepen jongeren zoeken elkaar op.`);
      await page.check('#veld-contact-contact');
      await page.fill('#veld-naam', 'Sam Jeugdwerker');
      await page.fill('#veld-telefoon', '0470 12 34 56');
      await page.check('#veld-terugbellen');
      await page.check('#veld-momenten-namiddag');
      await page.check('#veld-bericht-nee');
      await page.getByRole('button', { name: 'Ga verder' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Controleer je bericht');
      const mailsBefore = sink.messages.length;
      const [confirmation] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/melden/ontvangen/')),
        page.getByRole('button', { name: 'Verstuur je bericht' }).click(),
      ]);
      expect(confirmation.headers()['cache-control']).toBe('no-store');
      await page.waitForLoadState('load');
      const reference = await page.locator('[data-reference]').getAttribute('data-reference');
      expect(reference).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
      const receipt = (await page.locator('[data-receipt]').textContent())!.trim();
      expect(receipt).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
      expect(page.url()).toMatch(/\/melden\/ontvangen\/[\w-]{43}$/);
      for (const secret of ['Sam', '0470', 'pleintje', reference!, receipt.replace(/ /g, '')]) expect(page.url()).not.toContain(secret);
      expect(await page.locator('h1').textContent()).toContain('goed aangekomen');
      expect(await page.locator('[data-reference]').textContent()).toBe(`${reference!.slice(0, 4)} ${reference!.slice(4)}`);
      // What happens next, with the reply promise only as far as the settings decided it (never a placeholder).
      expect(await page.locator('main').textContent()).toContain(contactBackSentence());
      expect(await page.locator('main').textContent()).not.toMatch(/in te vullen|example\.org/);
      await expectAccessible(page, javaScriptEnabled);

      await expect.poll(() => sink.messages.length, { timeout: 15_000 }).toBeGreaterThan(mailsBefore);
      const mail = sink.messages.at(-1)!;
      expect(mail.subject).toBe('Nieuw bericht in het postvak');
      for (const secret of [phrase, 'Sam Jeugdwerker', 'namiddag', 'Spanningen', reference!.slice(0, 4)]) expect(`${mail.subject}\n${mail.text}`).not.toContain(secret);
      await page.close();
    });
  });
}
