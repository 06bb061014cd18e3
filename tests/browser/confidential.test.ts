import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { launchChromium, newIsolatedContext } from '../support/chromium.ts';
import { axeViolations, describeViolations } from '../support/axe.ts';
import { startSiteProcess, type SiteProcess } from '../support/site-process.ts';
import { runCli } from '../support/cli.ts';

import { settings } from '../../src/settings.ts';
import { kindLabels } from '../../src/app/cases/http.ts';
/**
 * Confidential reporting end to end, in a real browser, with and without JavaScript: a report,
 * its receipt, the expert's two-step login, reading and replying, the reporter's follow-up, and
 * proof that nothing readable about a report is left on disk, in mail files or in the log.
 */
/** The expert the test reports reach (a concern about a person), read from the settings the site was built with. */
const EXPERT = settings.routing.concernPerson[0]!;
/** A second account that receives no kind of report. */
const OTHER = 'collega@voorbeeld.test';
const PASSPHRASE = 'een lange wachtzin voor de test';
const cheap = { ACCOUNT_SCRYPT_WORK_FACTOR: '10' };
const canaries: string[] = [];
const canary = (field: string) => {
  const value = `KANARIE${field}${Math.random().toString(36).slice(2, 8)}`;
  canaries.push(value);
  return value;
};

let browser: Browser;
let site: SiteProcess;
let dataDir: string;
let totpSecret: string | undefined;
let recoveryCodes: string[] = [];
const references: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'aanspreekpunt-confidential-'));
  for (const email of [EXPERT, OTHER]) {
    const added = await runCli('accounts', ['add', email], { DATA_DIR: dataDir, ...cheap }, `${PASSPHRASE}\n`);
    expect(added.code, added.output).toBe(0);
  }
  // TOTP codes are computed here from real time, so the server's clock runs at real time too.
  site = await startSiteProcess({ DATA_DIR: dataDir, FORM_MIN_FILL_MS: '0', TEST_CLOCK: new Date().toISOString(), ...cheap });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

async function expectAccessible(page: Page, javaScriptEnabled: boolean) {
  if (!javaScriptEnabled) return; // axe is a script; the HTML is the same either way
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

/** The code the expert's authenticator app would show now (or one step ahead, since a code works once). */
const totpCode = (ahead = 0) => new TOTP({ secret: Secret.fromBase32(totpSecret!), digits: 6, period: 30 }).generate({ timestamp: Date.now() + ahead * 30_000 });

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

async function submit(page: Page, action: () => Promise<unknown>) {
  await Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), action()]);
}

for (const javaScriptEnabled of [true, false]) {
  describe(`confidential reporting, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    let reporter: BrowserContext;
    let expert: BrowserContext;
    let foreign: string[];
    let foreignExpert: string[];

    beforeAll(async () => {
      const origin = new URL(site.url).origin;
      ({ context: reporter, foreignRequests: foreign } = await newIsolatedContext(browser, origin, { javaScriptEnabled }));
      ({ context: expert, foreignRequests: foreignExpert } = await newIsolatedContext(browser, origin, { javaScriptEnabled }));
    });
    afterAll(async () => {
      expect([...foreign, ...foreignExpert]).toEqual([]);
      await reporter.close();
      await expert.close();
    });

    it('anonymous report → receipt → expert logs in with passphrase and TOTP → reads → replies → reporter reads and adds → expert sees it', { timeout: 240_000 }, async () => {
      // The reporter.
      const page = await reporter.newPage();
      await page.goto(`${site.url}/melden/formulier?soort=persoon`);
      const text = canary('bezorgdheid');
      const place = canary('plaats');
      await page.check('#veld-rol-ouder');
      await page.fill('#veld-bezorgdheid', `Mijn zoon deelt filmpjes die me ongerust maken. ${text}`);
      await page.check('#veld-leeftijd') // the first option: "Jonger dan 18 jaar";
      await page.fill('#veld-plaats', place);
      await page.check('#veld-contact') // the first option: "Ik blijf anoniem";
      // The form first shows the answers to check (GOV.UK check answers), then sends.
      await submit(page, () => page.getByRole('button', { name: 'Ga verder' }).click());
      await submit(page, () => page.getByRole('button', { name: 'Verstuur je bericht' }).click());
      expect(page.url()).toMatch(/\/melden\/ontvangen\/[\w-]{43}$/);
      const reference = (await page.locator('[data-reference]').getAttribute('data-reference'))!;
      const receipt = (await page.locator('[data-receipt]').textContent())!.trim();
      references.push(reference);
      expect(receipt).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
      expect(page.url()).not.toContain(reference);
      expect(page.url()).not.toContain(receipt.replace(/ /g, ''));
      expect(await page.locator('main').textContent()).toContain('kan niemand ze terugvinden');
      await expectAccessible(page, javaScriptEnabled);
      // A refresh within the short window shows the same page; "noted" wipes it at once.
      await page.reload();
      expect((await page.locator('[data-receipt]').textContent())!.trim()).toBe(receipt);
      const receiptPage = page.url();
      await submit(page, () => page.getByRole('button', { name: 'Ik heb mijn code genoteerd' }).click());
      expect(await page.locator('main').textContent()).not.toContain(receipt);
      await expectAccessible(page, javaScriptEnabled);
      const gone = await page.goto(receiptPage);
      expect(gone!.status()).toBe(404);
      expect(await page.locator('main').textContent()).not.toContain(receipt);

      // The expert: passphrase, then the authenticator app (set up at the first login).
      const inbox = await expert.newPage();
      await inbox.goto(`${site.url}/postvak`);
      expect(new URL(inbox.url()).pathname).toBe('/postvak/aanmelden');
      await expectAccessible(inbox, javaScriptEnabled);
      await inbox.fill('#veld-email', EXPERT);
      await inbox.fill('#veld-wachtzin', PASSPHRASE);
      if (totpSecret) await inbox.fill('#veld-code', javaScriptEnabled ? totpCode() : recoveryCodes[0]!);
      await submit(inbox, () => inbox.getByRole('button', { name: 'Meld je aan' }).click());
      if (!totpSecret) {
        expect(await inbox.locator('h1').textContent()).toContain('Authenticator-app instellen');
        expect(await inbox.locator('svg[role="img"]').count()).toBe(1);
        totpSecret = (await inbox.locator('[data-totp-secret]').textContent())!.trim();
        recoveryCodes = await inbox.locator('[data-recovery-codes] li').allTextContents();
        await expectAccessible(inbox, javaScriptEnabled);
        await inbox.fill('#veld-code', '000000');
        await submit(inbox, () => inbox.getByRole('button', { name: 'Bevestig en meld je aan' }).click());
        expect(await inbox.getByRole('alert').textContent()).toContain('klopt niet');
        await expectAccessible(inbox, javaScriptEnabled);
        await inbox.fill('#veld-code', totpCode());
        await submit(inbox, () => inbox.getByRole('button', { name: 'Bevestig en meld je aan' }).click());
      }
      expect(new URL(inbox.url()).pathname).toBe('/postvak');
      const cookies = await expert.cookies();
      expect(cookies.map((c) => ({ name: c.name, httpOnly: c.httpOnly, secure: c.secure, sameSite: c.sameSite, path: c.path, session: c.expires === -1 }))).toEqual([
        { name: '__Host-postvak', httpOnly: true, secure: true, sameSite: 'Strict', path: '/', session: true },
      ]);
      const row = inbox.locator(`[data-case="${reference}"]`);
      expect(await row.locator('[data-status]').getAttribute('data-status')).toBe('nieuw');
      await expectAccessible(inbox, javaScriptEnabled);

      await submit(inbox, () => row.getByRole('link').click());
      expect(await inbox.locator('main').textContent()).toContain(text);
      expect(await inbox.locator('main').textContent()).toContain(place);
      await expectAccessible(inbox, javaScriptEnabled);
      await submit(inbox, () => inbox.getByRole('button', { name: 'Verstuur antwoord' }).click());
      expect(await inbox.getByRole('alert').textContent()).toContain('Schrijf eerst je bericht');
      await expectAccessible(inbox, javaScriptEnabled);
      const reply = canary('antwoord');
      await inbox.fill('#veld-antwoord', `Dank je om dit te delen. ${reply}`);
      await submit(inbox, () => inbox.getByRole('button', { name: 'Verstuur antwoord' }).click());
      expect(await inbox.locator('main').getByRole('status').textContent()).toContain('Je antwoord is bewaard');
      const note = canary('notitie');
      await inbox.fill('#veld-notitie', note);
      await submit(inbox, () => inbox.getByRole('button', { name: 'Bewaar notitie' }).click());
      expect(await inbox.locator('main').textContent()).toContain(note);
      await expectAccessible(inbox, javaScriptEnabled);

      // The reporter comes back with the receipt.
      await page.goto(`${site.url}/melden/opvolgen`);
      await expectAccessible(page, javaScriptEnabled);
      await page.fill('#veld-code', '0000 0000 0000 0000');
      await submit(page, () => page.getByRole('button', { name: 'Toon het antwoord' }).click());
      expect(await page.getByRole('alert').textContent()).toContain('geen bericht met deze code');
      await expectAccessible(page, javaScriptEnabled);
      await page.fill('#veld-code', receipt);
      await submit(page, () => page.getByRole('button', { name: 'Toon het antwoord' }).click());
      const shown = (await page.locator('main').textContent())!;
      expect(shown).toContain(reply);
      expect(shown).toContain(text);
      expect(shown).not.toContain(note);
      expect(page.url()).toBe(`${site.url}/melden/opvolgen`);
      await expectAccessible(page, javaScriptEnabled);
      const addition = canary('aanvulling');
      await page.fill('#veld-bericht', addition);
      await submit(page, () => page.getByRole('button', { name: 'Voeg toe' }).click());
      expect(await page.locator('main').getByRole('status').textContent()).toContain('Je bericht is toegevoegd');
      expect(await page.locator('main').textContent()).toContain(addition);
      await expectAccessible(page, javaScriptEnabled);

      // The expert sees it.
      await inbox.goto(`${site.url}/postvak`);
      expect(await inbox.locator(`[data-case="${reference}"]`).textContent()).toContain('nieuw bericht');
      await inbox.goto(`${site.url}/postvak/dossier/${reference}`);
      expect(await inbox.locator('main').textContent()).toContain(addition);
      await inbox.goto(`${site.url}/postvak/dossier/${reference}/afdrukken`);
      expect(await inbox.locator('main').textContent()).toContain(addition);
      await expectAccessible(inbox, javaScriptEnabled);
    });

    if (javaScriptEnabled) {
      it('shows the expert the contact details of a reporter who left them', async () => {
        const page = await reporter.newPage();
        // A concern about a person: the kind routed to EXPERT whatever else a city routes where.
        await page.goto(`${site.url}/melden/formulier?soort=persoon`);
        const name = canary('naam');
        await page.check('#veld-rol-leerkracht');
        await page.fill('#veld-bezorgdheid', `Een leerling zegt dingen die me zorgen baren. ${canary('persoon')}`);
        await page.check('#veld-leeftijd'); // the first option: "Jonger dan 18 jaar"
        await page.check('#veld-contact-contact');
        await page.fill('#veld-naam', name);
        await page.fill('#veld-telefoon', '0470 55 44 33');
        const email = `${canary('email').toLowerCase()}@voorbeeld.be`;
        await page.fill('#veld-email', email);
        // The form first shows the answers to check (GOV.UK check answers), then sends.
      await submit(page, () => page.getByRole('button', { name: 'Ga verder' }).click());
      await submit(page, () => page.getByRole('button', { name: 'Verstuur je bericht' }).click());
        const reference = (await page.locator('[data-reference]').getAttribute('data-reference'))!;
        references.push(reference);
        const inbox = await expert.newPage();
        await inbox.goto(`${site.url}/postvak/dossier/${reference}`);
        const main = (await inbox.locator('main').textContent())!;
        for (const value of [name, '0470 55 44 33', email, kindLabels.concernPerson!]) expect(main).toContain(value);
        await submit(inbox, () => inbox.getByRole('button', { name: 'Sluit het dossier af' }).click());
        expect(await inbox.locator('[data-status]').getAttribute('data-status')).toBe('afgesloten');
        await expectAccessible(inbox, true);
      });
    }
  });
}

describe('the inbox refuses what it must', () => {
  it('refuses a post without the session CSRF token and a cross-origin post, and sets no cookie on content pages', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}/postvak/aanmelden`);
    await page.fill('#veld-email', EXPERT);
    await page.fill('#veld-wachtzin', PASSPHRASE);
    await page.fill('#veld-code', recoveryCodes[1]!);
    await submit(page, () => page.getByRole('button', { name: 'Meld je aan' }).click());
    expect(new URL(page.url()).pathname).toBe('/postvak');
    const cookie = (await context.cookies()).find((c) => c.name === '__Host-postvak')!;
    const csrf = (await page.locator('input[name="_csrf"]').first().getAttribute('value'))!;
    const reference = references[0]!;
    const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      fetch(`${site.url}/postvak/dossier/${reference}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { Cookie: `${cookie.name}=${cookie.value}`, 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'same-origin', ...headers },
        body: new URLSearchParams(fields),
      });
    expect((await post({ actie: 'afsluiten' })).status).toBe(403);
    expect((await post({ actie: 'afsluiten', _csrf: 'x'.repeat(csrf.length) })).status).toBe(403);
    expect((await post({ actie: 'afsluiten', _csrf: csrf }, { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://aanvaller.example' })).status).toBe(403);
    await page.goto(`${site.url}/postvak/dossier/${reference}`);
    expect(await page.locator('[data-status]').getAttribute('data-status')).not.toBe('afgesloten');
    expect((await post({ actie: 'afsluiten', _csrf: csrf })).status).toBe(303);

    for (const pathname of ['/', '/melden', '/melden/formulier', '/melden/opvolgen', '/privacy', '/postvak/aanmelden']) {
      const response = await fetch(`${site.url}${pathname}`);
      expect(response.headers.get('set-cookie'), pathname).toBeNull();
    }
    await context.close();
  });

  it('locks an account after failed logins, with a Dutch message', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const attempt = async (passphrase: string) => {
      await page.goto(`${site.url}/postvak/aanmelden`);
      await page.fill('#veld-email', OTHER);
      await page.fill('#veld-wachtzin', passphrase);
      const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Meld je aan' }).click()]);
      await page.waitForLoadState('load');
      return response.status();
    };
    expect(await attempt('fout fout fout')).toBe(401);
    await expectAccessible(page, true);
    expect(await attempt('fout fout fout')).toBe(401);
    expect(await attempt('fout fout fout')).toBe(401);
    expect(await attempt(PASSPHRASE)).toBe(429);
    expect(await page.getByRole('alert').textContent()).toContain('te veel mislukte pogingen');
    await expectAccessible(page, true);
    await context.close();
  });

  it('leaves no plain text of any report in DATA_DIR (database, WAL, mail files) or in the server output', async () => {
    expect(canaries.length).toBeGreaterThan(10);
    const files = filesUnder(dataDir);
    expect(files.some((f) => f.endsWith('.eml'))).toBe(true);
    expect(files.some((f) => f.endsWith('-wal'))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const value of [...canaries, ...references]) {
        if (file.endsWith('.eml')) expect(bytes.includes(Buffer.from(value)), `${value} in ${file}`).toBe(false);
        else if (!references.includes(value)) expect(bytes.includes(Buffer.from(value)), `${value} in ${file}`).toBe(false);
      }
    }
    for (const mail of files.filter((f) => f.endsWith('.eml'))) expect(readFileSync(mail, 'utf8')).toContain('Subject: Nieuw bericht in het postvak');
    const log = site.output();
    for (const value of [...canaries, ...references]) expect(log).not.toContain(value);
  });

  it('decrypts a case with the recovery key after the expert account is removed, and ends its sessions', async () => {
    const removed = await runCli('accounts', ['remove', EXPERT], { DATA_DIR: dataDir });
    expect(removed.code, removed.output).toBe(0);
    const identity = readFileSync(path.join(dataDir, 'recovery-key.DEVELOPMENT-ONLY.txt'), 'utf8');
    const recovered = await runCli('recover', [references[0]!], { DATA_DIR: dataDir }, identity);
    expect(recovered.code, recovered.output).toBe(0);
    for (const value of canaries.slice(0, 5)) expect(recovered.output).toContain(value);

    // Encrypted again for today's recipients (the removed account is no longer one): counts only, and the recovery key still reads it.
    const reencrypted = await runCli('recover', ['--reencrypt'], { DATA_DIR: dataDir }, identity);
    expect(reencrypted.code, reencrypted.output).toBe(0);
    expect(reencrypted.output).toMatch(/Encrypted [1-9]\d* message\(s\) in [1-9]\d* case\(s\) again/);
    for (const value of [...canaries, ...references]) expect(reencrypted.output).not.toContain(value);
    const again = await runCli('recover', [references[0]!], { DATA_DIR: dataDir }, identity);
    for (const value of canaries.slice(0, 5)) expect(again.output).toContain(value);
  });

  it('slows down receipt guessing', async () => {
    const guess = (code: string) =>
      fetch(`${site.url}/melden/opvolgen`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'same-origin' }, body: new URLSearchParams({ code }) });
    for (let i = 0; i < 3; i++) expect((await guess(`1234 5678 9012 345${i}`)).status).toBe(422);
    const throttled = await guess('1234 5678 9012 3459');
    expect(throttled.status).toBe(429);
    expect(await throttled.text()).toContain('te vaak een verkeerde code');
  });
});
