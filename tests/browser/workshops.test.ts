import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newIsolatedContext } from '../support/chromium.ts';
import { axeViolations, describeViolations } from '../support/axe.ts';
import { proseBlocks } from '../support/built-site.ts';
import { measureReadability } from '../../src/lib/readability.ts';
import { startSiteProcess, type SiteProcess } from '../support/site-process.ts';
import { settings } from '../../src/settings.ts';
import { bookingContent, type BookingContent } from '../support/content.ts';
import { BOOKING_CATALOGUE_ROUTE } from '../../src/forms/booking-catalogue.ts';
import { isWeekday, nextDay, todayInBrussels } from '../../src/forms/booking-dates.ts';
import { formatDay } from '../../src/lib/dates.ts';
import { signedLinkPath } from '../../src/server/workshops/signed-link.ts';
import { PLACEHOLDER_PATTERN } from '../../src/schemas/settings.ts';
import { isPlaceholder } from '../../src/lib/promises.ts';
import { DATABASE_FILE } from '../../src/server/storage/database.ts';
import { SECRET_FILE } from '../../src/server/secret.ts';

let browser: Browser;
let site: SiteProcess;
/** The workshop, school and period under test: the first of each in the content. */
let workshop: BookingContent['workshops'][number];
let school: BookingContent['schools'][number];
let period: BookingContent['periods'][number];
/** Weekdays after the server's "today" (its TEST_CLOCK) inside the period: the days a school may ask for. */
let schoolDays: string[];
/** Where booking requests go, as the settings say. */
const coordinator = settings.routing.workshop[0]!;

beforeAll(async () => {
  // Without SMTP_URL mail goes to DATA_DIR/mail/*.eml, the out-of-the-box setup: the school's
  // and the coordinator's links are taken from those files, as a person would click them.
  // Many requests come from one address in this file; the rate limit and the per-client cap
  // on open requests are tested in the unit tests.
  site = await startSiteProcess({ FORM_MIN_FILL_MS: '0', FORM_RATE_LIMIT: '1000', FORM_POST_LIMIT: '1000', BOOKING_CLIENT_LIMIT: '1000' });
  browser = await launchChromium();
  expect((await fetch(`${site.url}/${BOOKING_CATALOGUE_ROUTE}`)).status, 'the catalogue is not public').toBe(404);
  const content = bookingContent();
  workshop = content.workshops[0]!;
  school = content.schools[0]!;
  period = content.periods.find((p) => p.id === workshop.period)!;
  schoolDays = [];
  for (let day = nextDay(todayInBrussels(Date.parse(site.clock))); day <= period.end && schoolDays.length < 10; day = nextDay(day)) {
    if (day >= period.start && isWeekday(day)) schoolDays.push(day);
  }
  if (schoolDays.length < 5) throw new Error(`The period "${period.id}" (src/content/boekingsperiodes) has fewer than five school days; the workshop tests need five.`);
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

const contextsWithoutJavaScript = new WeakSet<BrowserContext>();

/**
 * Every step: no axe violations, and plain Dutch by the limits the site applies to its built
 * pages (most of these pages are server-rendered, so that check never sees them).
 * axe runs as a script in the page, which a context without JavaScript cannot do. The server
 * sends the same HTML either way, so the JavaScript-on pass checks every state.
 */
async function checkStep(page: Page) {
  if (contextsWithoutJavaScript.has(page.context())) return;
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
  const readability = measureReadability(proseBlocks(await page.content()));
  expect(readability.passes, `${new URL(page.url()).pathname}: ${readability.averageWords.toFixed(1)} words avg; ${readability.longSentences.join(' | ')}`).toBe(true);
}

const parsed = new Map<string, ParsedMail>();

/** Every mail the server has written to DATA_DIR/mail so far (files appear whole: written, then renamed). */
async function mails(): Promise<ParsedMail[]> {
  const folder = path.join(site.dataDir, 'mail');
  const files = (() => {
    try {
      return readdirSync(folder).filter((name) => name.endsWith('.eml'));
    } catch {
      return [];
    }
  })();
  for (const name of files) if (!parsed.has(name)) parsed.set(name, await simpleParser(readFileSync(path.join(folder, name))));
  return [...parsed.values()];
}

/** Waits for a mail to arrive that matches. */
async function mailWhere(predicate: (mail: ParsedMail) => boolean, timeoutMs = 15_000): Promise<ParsedMail> {
  const start = Date.now();
  for (;;) {
    const all = await mails();
    const found = all.find(predicate);
    if (found) return found;
    if (Date.now() - start > timeoutMs) throw new Error(`no matching mail among ${all.length}: ${all.map((m) => m.subject).join(' | ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((a) => a?.value.map((v) => v.address) ?? []);
const spaced = (reference: string) => `${reference.slice(0, 4)} ${reference.slice(4)}`;

/** The coordinator's signed links for a booking, as paths on the test server. */
async function coordinatorLinks(reference: string) {
  const mail = await mailWhere((m) => to(m).includes(coordinator) && (m.subject ?? '').includes(spaced(reference)));
  const link = (action: string) => new URL(new RegExp(`https?://\\S+/workshops/boeking/${reference}/${action}\\.\\S+`).exec(mail.text ?? '')![0]).pathname;
  return { confirm: link('bevestigen'), decline: link('weigeren') };
}

/** The path of the school's address link, from its acknowledgement mail. */
async function addressLink(email: string, reference: string): Promise<string> {
  const mail = await mailWhere((m) => to(m).includes(email) && (m.subject ?? '').includes(spaced(reference)) && (m.subject ?? '').includes('We ontvingen je aanvraag'));
  return new URL(new RegExp(`https?://\\S+/workshops/e-mailadres/${reference}/\\S+`).exec(mail.text ?? '')![0]).pathname;
}

/** Opens the link in the acknowledgement and clicks its button, as the school does. */
async function confirmAddress(page: Page, email: string, reference: string) {
  await page.goto(`${site.url}${await addressLink(email, reference)}`);
  await checkStep(page);
  expect(await page.locator('h1').textContent()).toBe('Bevestig je e-mailadres');
  await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click();
  await page.waitForURL(/\?klaar$/);
  expect(await page.locator('h1').textContent()).toBe('Je e-mailadres is bevestigd');
  await checkStep(page);
}

/** Sessions left in the period, as the booking page shows them now. */
async function sessionsLeft(page: Page): Promise<number> {
  await page.goto(`${site.url}/workshops/boeken`);
  return Number(await page.locator(`[data-period="${period.id}"]`).getAttribute('data-sessions-left'));
}

async function fillBooking(page: Page, email: string, days: string[]) {
  await page.getByLabel(school.name, { exact: true }).check();
  await page.getByLabel('Je naam').fill('Jan Peeters');
  await page.getByLabel('Je e-mailadres').fill(email);
  await page.getByLabel('Je telefoonnummer').fill('03 123 45 67');
  await page.getByLabel('Voor welke klas of graad?').fill('3B');
  await page.getByLabel('Hoeveel leerlingen zijn er?').fill('24');
  await page.locator(`input[name="workshop"][value="${workshop.id}"]`).check();
  for (const [index, day] of days.entries()) await page.locator(`#veld-datum${index + 1}`).fill(day);
}

async function requestBooking(page: Page, email: string, days: string[]): Promise<string> {
  await page.goto(`${site.url}/workshops/boeken?workshop=${workshop.id}`);
  await fillBooking(page, email, days);
  await page.getByRole('button', { name: 'Verstuur je aanvraag' }).click();
  await page.waitForURL(/\/workshops\/boeking\/[A-Z0-9]{8}$/);
  return (await page.locator('[data-reference]').getAttribute('data-reference'))!;
}

/** From the home page to the booking form of the workshop under test, as a teacher would go. */
async function findTheBookingForm(page: Page) {
  await page.goto(`${site.url}/`);
  await page.getByRole('link', { name: 'Ik werk in een school' }).click();
  await page.waitForURL(/\/voor\/scholen$/);
  await page.getByRole('link', { name: 'Bekijk de workshops en boek' }).click();
  await page.waitForURL(/\/workshops$/);
  await checkStep(page);
  expect(await page.locator('main').textContent()).toContain('Gratis');
  await page.getByRole('link', { name: workshop.topic, exact: true }).click();
  await page.waitForURL(new RegExp(`/workshops/${workshop.id}$`));
  await checkStep(page);
  const facts = await page.locator('main dl').textContent();
  // Duration, group size and what the school provides show once the city fills them in; a placeholder never shows.
  for (const term of ['Voor wie', workshop.provider, workshop.price, 'Wanneer']) expect(facts).toContain(term);
  expect(facts).not.toMatch(PLACEHOLDER_PATTERN);
  await page.getByRole('link', { name: 'Vraag deze workshop aan' }).click();
  await page.waitForURL(new RegExp(`/workshops/boeken\\?workshop=${workshop.id}$`));
}

for (const javaScriptEnabled of [true, false]) {
  describe(`booking a workshop, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    const schoolEmail = `school-js-${javaScriptEnabled ? 'aan' : 'uit'}@example.org`;
    let context: BrowserContext;
    let foreign: string[];
    let page: Page;
    let reference: string;
    let left: number;

    beforeAll(async () => {
      ({ context, foreignRequests: foreign } = await newIsolatedContext(browser, new URL(site.url).origin, { javaScriptEnabled }));
      if (!javaScriptEnabled) contextsWithoutJavaScript.add(context);
      page = await context.newPage();
    });
    afterAll(async () => {
      expect(foreign).toEqual([]);
      await context.close();
    });

    it('finds a workshop from the home page and sees how many sessions are left', async () => {
      if (!javaScriptEnabled) {
        // The way there is plain links, which no script changes: the JavaScript-on pass
        // follows them. Without JavaScript, the form is what matters.
        await page.goto(`${site.url}/workshops/boeken?workshop=${workshop.id}`);
      } else {
        await findTheBookingForm(page);
      }
      expect(await page.locator(`input[name="workshop"][value="${workshop.id}"]`).isChecked()).toBe(true);
      const availability = page.locator(`[data-period="${period.id}"]`);
      left = Number(await availability.getAttribute('data-sessions-left'));
      expect(left).toBeGreaterThan(0);
      // A period whose name is still a placeholder holds example dates: no count may look like real availability.
      if (isPlaceholder(period.name)) expect(await availability.textContent()).not.toMatch(/sessies vrij|in te vullen/);
      else expect(await availability.textContent()).toContain(`Nog ${left} van de ${period.sessions} sessies vrij`);
      await checkStep(page);
    });

    it('shows what is missing, keeps what was typed, and stays accessible', async () => {
      await page.getByLabel('Je naam').fill('Jan Peeters');
      await page.locator('#veld-datum1').fill(schoolDays[0]!);
      await page.locator('#veld-datum2').fill(schoolDays[0]!);
      const response = page.waitForResponse((r) => r.request().method() === 'POST');
      await page.getByRole('button', { name: 'Verstuur je aanvraag' }).click();
      expect((await response).status()).toBe(422);
      await page.waitForLoadState('load');
      expect(await page.title()).toMatch(/^Fout: /);
      const summary = await page.locator('.error-summary').textContent();
      expect(summary).toContain('Kies je school.');
      expect(summary).toContain('Je tweede voorkeur moet een andere dag zijn');
      expect(await page.getByLabel('Je naam').inputValue()).toBe('Jan Peeters');
      await checkStep(page);
    });

    it('requests a booking and gets a reference on screen and by e-mail, with a link to confirm the address', async () => {
      reference = await requestBooking(page, schoolEmail, schoolDays.slice(0, 3));
      await checkStep(page);
      expect(await page.locator('h1').textContent()).toContain('goed aangekomen');
      // The confirmation repeats what was asked for, read from the booking, not from the address.
      const requested = await page.locator('main .summary-list').textContent();
      expect(requested).toContain(workshop.topic);
      // An example period (a placeholder name) shows no name or dates, only that they are not fixed yet.
      expect(requested).toContain(isPlaceholder(period.name) ? 'De data liggen nog niet vast.' : period.name);
      // The preferred days, in the order of preference, as days people read (never the typed text).
      expect(await page.locator('main .summary-list time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')))).toEqual(schoolDays.slice(0, 3));
      expect(await page.locator('main .summary-list time').first().textContent()).toBe(formatDay(schoolDays[0]!));
      expect(await page.locator('main').textContent()).toContain('Kijk nu in je mailbox');

      const acknowledgement = await mailWhere((m) => to(m).includes(schoolEmail) && (m.subject ?? '').includes(spaced(reference)));
      expect(acknowledgement.subject).toContain('We ontvingen je aanvraag');
      expect(acknowledgement.text).toContain(workshop.topic);
      expect(acknowledgement.text).toContain('Bevestig eerst je e-mailadres');
      // Until the address is confirmed the request holds no session and the coordinator has nothing.
      expect(await sessionsLeft(page)).toBe(left);
      expect((await mails()).some((m) => to(m).includes(coordinator) && (m.subject ?? '').includes(spaced(reference)))).toBe(false);
    });

    it('confirms the address with the button behind the link; only then the request holds a session and reaches the coordinator', async () => {
      const link = await addressLink(schoolEmail, reference);
      // Opening the link (as a mail scanner would) confirmed nothing.
      await page.goto(`${site.url}${link}`);
      expect(await page.locator('main form').count()).toBe(1);
      expect(await sessionsLeft(page)).toBe(left);

      await confirmAddress(page, schoolEmail, reference);
      const request = await mailWhere((m) => to(m).includes(coordinator) && (m.subject ?? '').includes(spaced(reference)));
      expect(request.text).toContain(school.name);
      expect(await sessionsLeft(page)).toBe(left - 1);

      // The link again: already done, nothing changes.
      await page.goto(`${site.url}${link}`);
      expect(await page.locator('h1').textContent()).toBe('Je e-mailadres is al bevestigd');
      await checkStep(page);
    });

    it('lets the coordinator confirm through the signed link; the school gets a calendar file', async () => {
      const { confirm } = await coordinatorLinks(reference);
      const mailsBefore = (await mails()).length;
      await page.goto(`${site.url}${confirm}`);
      await checkStep(page);
      expect(await page.locator('h1').textContent()).toBe('Bevestig de workshop');
      // Opening the link (as a mail scanner would) decided nothing.
      await page.goto(`${site.url}${confirm}`);
      expect(await page.locator('main form').count()).toBe(1);

      await page.locator('input[name="dag"]').nth(1).check();
      await page.getByLabel('Beginuur').fill('10:00');
      await page.getByLabel('Einduur').fill('11:40');
      await page.getByRole('button', { name: 'Bevestig de workshop' }).click();
      await page.waitForURL(/\?klaar$/);
      expect(await page.locator('h1').textContent()).toBe('De workshop is bevestigd');
      await checkStep(page);

      const confirmed = await mailWhere((m) => to(m).includes(schoolEmail) && (m.subject ?? '').startsWith('Je workshop is bevestigd'));
      expect(confirmed.text).toContain('van 10:00 tot 11:40');
      const calendar = confirmed.attachments.find((a) => a.contentType === 'text/calendar');
      expect(calendar?.filename).toBe(`workshop-${reference}.ics`);
      const ics = calendar!.content.toString('utf8');
      expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(ics).toContain(`DTSTART;TZID=Europe/Brussels:${schoolDays[1]!.replaceAll('-', '')}T100000\r\n`);
      expect(ics).toContain(`DTEND;TZID=Europe/Brussels:${schoolDays[1]!.replaceAll('-', '')}T114000\r\n`);
      expect(ics).toContain(`LOCATION:${school.name}\r\n`);
      expect(ics).toContain(`UID:${reference}@`);
      expect((await mails()).length).toBe(mailsBefore + 1);

      // A confirmed booking keeps its place.
      expect(await sessionsLeft(page)).toBe(left - 1);
    });

    // Opening a used link is a plain GET with no script involved: one pass proves it.
    if (javaScriptEnabled) {
      it('says plainly when a link was used already, and changes nothing', async () => {
        const { confirm, decline } = await coordinatorLinks(reference);
        for (const link of [confirm, decline]) {
          const response = await page.goto(`${site.url}${link}`);
          expect(response?.status()).toBe(409);
          expect(await page.locator('h1').textContent()).toBe('Deze aanvraag is al afgehandeld');
          expect(await page.locator('main').textContent()).toContain('Er is niets veranderd.');
          await checkStep(page);
        }
      });
    }

    it('refuses tampered and expired links, and a decline gives the place back', async () => {
      const second = await requestBooking(page, schoolEmail, schoolDays.slice(3, 5));
      await confirmAddress(page, schoolEmail, second);
      expect(await sessionsLeft(page)).toBe(left - 2);
      const { confirm, decline } = await coordinatorLinks(second);

      const tampered = confirm.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
      const tamperedResponse = await page.goto(`${site.url}${tampered}`);
      expect(tamperedResponse?.status()).toBe(400);
      expect(await page.locator('h1').textContent()).toBe('Deze link klopt niet');
      await checkStep(page);
      const posted = await fetch(`${site.url}${tampered}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: site.url },
        body: new URLSearchParams({ dag: schoolDays[3]!, begin: '10:00', einde: '11:00' }),
      });
      expect(posted.status).toBe(400);

      const secret = readFileSync(path.join(site.dataDir, SECRET_FILE));
      // Expired a minute before the server's clock started.
      const expired = signedLinkPath(secret, second, 'bevestigen', Date.parse(site.clock) - 60_000);
      const expiredResponse = await page.goto(`${site.url}${expired}`);
      expect(expiredResponse?.status()).toBe(410);
      expect(await page.locator('h1').textContent()).toBe('Deze link is verlopen');
      await checkStep(page);
      expect(await sessionsLeft(page)).toBe(left - 2);

      await page.goto(`${site.url}${decline}`);
      expect(await page.locator('h1').textContent()).toBe('Weiger de aanvraag');
      await checkStep(page);
      await page.getByLabel('De reden voor de school').fill('De aanbieder heeft op die dagen geen plaats meer.');
      await page.getByRole('button', { name: 'Weiger de aanvraag' }).click();
      await page.waitForURL(/\?klaar$/);
      expect(await page.locator('h1').textContent()).toBe('De aanvraag is geweigerd');
      await checkStep(page);

      const declined = await mailWhere((m) => to(m).includes(schoolEmail) && (m.subject ?? '').includes(spaced(second)) && (m.subject ?? '').includes('gaat niet door'));
      expect(declined.text).toContain('De aanbieder heeft op die dagen geen plaats meer.');
      expect(declined.attachments).toHaveLength(0);
      expect(await sessionsLeft(page)).toBe(left - 1);
    });
  });
}

describe('the last sessions of a period', () => {
  it('go to as many schools as there are sessions, however many confirm their address at once; the others are told clearly', async () => {
    const formPage = await (await fetch(`${site.url}/workshops/boeken`)).text();
    const left = Number(new RegExp(`data-period="${period.id}" data-sessions-left="(\\d+)"`).exec(formPage)?.[1]);
    expect(left).toBeGreaterThan(0);
    const extra = 20;
    // Every school has its own form page, so its own token (one token stores one request).
    const tokens = await Promise.all(
      Array.from({ length: left + extra }, async () => /name="_start" value="([^"]+)"/.exec(await (await fetch(`${site.url}/workshops/boeken`)).text())![1]!),
    );

    // Requests alone take nothing: every one is accepted and waits for its address.
    const requests = await Promise.all(
      Array.from({ length: left + extra }, (_, i) =>
        fetch(`${site.url}/workshops/boeken`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: site.url },
          body: new URLSearchParams({
            _start: tokens[i]!,
            homepage: '',
            school: 'andere',
            andereSchool: `School ${i}`,
            naam: `Contact ${i}`,
            email: `tegelijk-${i}@example.org`,
            telefoon: '03 123 45 67',
            klas: '4A',
            leerlingen: '20',
            workshop: workshop.id,
            datum1: schoolDays[0]!,
            datum2: schoolDays[1]!,
          }),
        }).then((r) => ({ status: r.status, reference: (r.headers.get('location') ?? '').split('/').at(-1)!, email: `tegelijk-${i}@example.org` })),
      ),
    );
    expect(requests.map((r) => r.status)).toEqual(requests.map(() => 303));
    expect(Number(new RegExp(`data-period="${period.id}" data-sessions-left="(\\d+)"`).exec(await (await fetch(`${site.url}/workshops/boeken`)).text())?.[1])).toBe(left);

    const [late, ...links] = await Promise.all(requests.map((r) => addressLink(r.email, r.reference)));
    // Each school opens its own link, so each click carries the token of its own page.
    const linkTokens = await Promise.all(links.map(async (link) => /name="_start" value="([^"]+)"/.exec(await (await fetch(`${site.url}${link}`)).text())![1]!));
    const responses = await Promise.all(
      links.map((link, i) =>
        fetch(`${site.url}${link}`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: site.url },
          body: new URLSearchParams({ _start: linkTokens[i]!, homepage: '' }),
        }).then(async (r) => ({ status: r.status, body: await r.text() })),
      ),
    );
    const accepted = responses.filter((r) => r.status === 303);
    const refused = responses.filter((r) => r.status === 409);
    console.log(`[workshops] ${responses.length} simultaneous address confirmations for ${left} free sessions: ${accepted.length} accepted, ${refused.length} refused`);
    expect(accepted).toHaveLength(left);
    expect(refused).toHaveLength(extra - 1);
    for (const r of refused) expect(r.body).toContain('De workshop is intussen volzet');

    // A school that confirms its address after the period filled up gets a clear page.
    const { context } = await newIsolatedContext(browser, new URL(site.url).origin);
    try {
      const page = await context.newPage();
      await page.goto(`${site.url}${late}`);
      const response = page.waitForResponse((r) => r.request().method() === 'POST');
      await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click();
      expect((await response).status()).toBe(409);
      await page.waitForLoadState('load');
      expect(await page.locator('h1').textContent()).toBe('De workshop is intussen volzet');
      expect(await page.locator('main').textContent()).toContain('We hebben je gegevens gewist.');
      await checkStep(page);
    } finally {
      await context.close();
    }

    // Straight from the database: the period holds exactly as many places as it has sessions.
    const db = new DatabaseSync(path.join(site.dataDir, DATABASE_FILE), { readOnly: true });
    try {
      const held = db.prepare("SELECT COUNT(*) AS n FROM workshop_bookings WHERE period = ? AND status IN ('requested', 'confirmed')").get(period.id) as { n: number };
      expect(held.n).toBe(period.sessions);
    } finally {
      db.close();
    }

    const after = await (await fetch(`${site.url}/workshops/boeken`)).text();
    expect(after).toContain(`data-period="${period.id}" data-sessions-left="0"`);
    expect(after).toContain('Volzet: er is geen sessie meer vrij.');
  });
});
