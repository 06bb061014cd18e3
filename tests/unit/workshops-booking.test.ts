import { mkdtempSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testAppServices } from '../support/app-services.ts';
import { z } from 'astro/zod';
import { settings } from '../../src/settings.ts';
import type { BookingCatalogue } from '../../src/forms/booking-catalogue.ts';
import { createBookingForm } from '../../src/forms/booking-form.ts';
import { validateForm } from '../../src/forms/validation.ts';
import { LINK_VALIDITY_MS } from '../../src/forms/booking-decision.ts';
import { BOOKING_MESSAGES } from '../../src/forms/booking-messages.ts';
import { HONEYPOT_FIELD, TOKEN_FIELD, handleRoutedForm } from '../../src/app/forms/pipeline.ts';
import { bookingOptions } from '../../src/app/workshops/booking-options.ts';
import { handleDecision } from '../../src/app/workshops/decision.ts';
import { issueFormToken } from '../../src/server/forms/form-token.ts';
import { bookingComposers } from '../../src/server/workshops/booking-mails.ts';
import { addressLinkPath, signLinkSegment, signedLinkPath, verifyLink } from '../../src/server/workshops/signed-link.ts';
import { handleAddressConfirmation } from '../../src/app/workshops/confirm-address.ts';
import { ADDRESS_CONFIRMATION_MS, DECISION_REMINDER_AFTER_MS } from '../../src/forms/booking-timing.ts';
import { databaseFilesContain } from '../support/temp-store.ts';
import { startServices } from '../../src/server/services.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const origin = 'https://site.test';
const catalogue: BookingCatalogue = {
  workshops: [
    { id: 'fake-news', title: 'Workshop fake news', topic: 'Fake news', provider: 'StampMedia', period: 'voorjaar' },
    { id: 'complotdenken', title: 'Workshop complotdenken', topic: 'Complotdenken', provider: 'StampMedia', period: 'voorjaar' },
    { id: 'oud', title: 'Workshop van vorig jaar', topic: 'Oud', provider: 'StampMedia', period: 'najaar' },
  ],
  schools: [{ id: 'cdo-newton', name: 'CDO Newton' }],
  periods: [
    { id: 'najaar', name: 'najaar 2026', start: '2026-09-01', end: '2026-12-18', sessions: 5 },
    { id: 'voorjaar', name: 'voorjaar 2027', start: '2027-02-01', end: '2027-06-25', sessions: 3 },
  ],
};

/** 2027-03-15 is a Monday. */
const valid = {
  school: 'cdo-newton',
  andereSchool: '',
  naam: 'Jan Peeters',
  email: 'jan@school.example',
  telefoon: '03 123 45 67',
  klas: '3B',
  leerlingen: '24',
  workshop: 'fake-news',
  datum1: '2027-03-15',
  datum2: '2027-03-16',
  datum3: '',
  opmerkingen: '',
};


/** `valid` as the booking form's schema stores it. */
const validated = { school: 'andere', naam: 'Jan Peeters', email: 'jan@school.example', telefoon: '03 123 45 67', klas: '3B', leerlingen: 24, workshop: 'fake-news', datum1: '2027-03-15', datum2: '2027-03-16' };

/** A request from a school of its own, so it never counts as the same request as another. */
let schools = 0;
const anotherSchool = () => ({ ...valid, school: 'andere', andereSchool: `Testschool ${++schools}` });

function setup(options: { clientLimit?: number } = {}) {
  // Most tests send every request from one address; the cap itself is tested on its own.
  const { dataDir, db, store, bookings, bookingFlow, clock, secret, services } = testAppServices({ clientLimit: options.clientLimit, origin });
  const definition = createBookingForm(catalogue, { now: services.clock.now });
  /** What a real form carries: the signed time it was shown, and an empty honeypot. */
  const protection = () => ({ [TOKEN_FIELD]: issueFormToken(secret, clock.now - 60_000), [HONEYPOT_FIELD]: '' });

  const post = (values: Record<string, string>, headers: Record<string, string> = {}, clientAddress = '192.0.2.1') =>
    handleRoutedForm(
      definition,
      {
        request: new Request(`${origin}/workshops/boeken`, {
          method: 'POST',
          headers: { origin, 'content-type': 'application/x-www-form-urlencoded', ...headers },
          body: new URLSearchParams({ ...protection(), ...values }).toString(),
        }),
        clientAddress,
        services,
      },
      bookingOptions(catalogue, services, 'workshops@example.org'),
    );

  /** Sends a request and returns its reference; its address is not confirmed yet. */
  const request = async (values: Record<string, string> = anotherSchool(), clientAddress?: string) => {
    const outcome = await post(values, {}, clientAddress);
    if (outcome.kind !== 'redirect') throw new Error(`request failed: ${JSON.stringify(outcome)}`);
    return outcome.location.split('/').at(-1)!;
  };

  /** The last segment of the school's address link, as the acknowledgement mail carries it. */
  const addressSegment = (reference: string) => addressLinkPath(secret, reference, bookings.get(reference)!.createdAt + ADDRESS_CONFIRMATION_MS).split('/').at(-1)!;

  /** Opens the school's address link (GET) or clicks its button (POST). */
  const confirmAddress = (reference: string, method: 'GET' | 'POST' = 'POST', segment = addressSegment(reference)) =>
    handleAddressConfirmation({
      request: new Request(`${origin}/workshops/e-mailadres/${reference}/${segment}`, method === 'POST'
        ? { method, headers: { origin, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(protection()).toString() }
        : { method }),
      clientAddress: '192.0.2.1',
      services,
      reference,
      segment,
      capacity: (period) => catalogue.periods.find((p) => p.id === period)!.sessions,
    });

  /** A request whose address the school confirmed: it holds a session and went to the coordinator. */
  const book = async (values?: Record<string, string>) => {
    const reference = await request(values);
    const outcome = await confirmAddress(reference);
    if (outcome.kind !== 'redirect') throw new Error(`address confirmation failed: ${JSON.stringify(outcome)}`);
    return reference;
  };

  const link = (reference: string, action: 'bevestigen' | 'weigeren', expiresAt = clock.now + LINK_VALIDITY_MS) =>
    signLinkSegment(secret, reference, action, expiresAt);

  /** Opens a coordinator link (GET), or posts its form with a real form's protection fields. */
  const decide = (reference: string, segment: string, values?: Record<string, string>, headers: Record<string, string> = {}) =>
    handleDecision({
      request: new Request(`${origin}/workshops/boeking/${reference}/${segment}`, values
        ? { method: 'POST', headers: { origin, 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams({ ...protection(), ...values }).toString() }
        : { method: 'GET' }),
      clientAddress: '192.0.2.9',
      services,
      reference,
      segment,
    });

  const messages = (reference: string) =>
    (db.prepare('SELECT message, recipient FROM deliveries WHERE reference = ? ORDER BY id').all(reference) as { message: string; recipient: string }[]).map((r) => `${r.message} → ${r.recipient}`);

  /** Delivers every pending message, as the worker would. */
  const deliverAll = () => {
    for (const job of store.dueJobs(clock.now, 1000)) store.markSent(job, clock.now);
  };

  const composers = () => bookingComposers({ bookings, catalogue: () => catalogue, secret, siteUrl: origin, mailDomain: 'example.org', settings });
  const housekeeping = () => bookingFlow.housekeeping();

  return { db, dataDir, store, services, secret, bookings, clock, post, request, confirmAddress, addressSegment, book, link, decide, messages, deliverAll, composers, housekeeping };
}

describe('booking form validation', () => {
  const now = Date.parse('2027-01-11T09:00:00Z');
  const check = (values: Record<string, string>, at = now) => validateForm(createBookingForm(catalogue, { now: () => at }), values);
  const errorsOf = (values: Record<string, string>, at = now) => {
    const result = check(values, at);
    return result.ok ? {} : Object.fromEntries(result.errors.map((e) => [e.field, e.message]));
  };

  it('accepts a complete request and stores days as ISO dates, also when typed as 16/3/2027', () => {
    const result = check({ ...valid, datum2: '16/3/2027', datum3: '17-03-2027' });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.data).toMatchObject({ datum1: '2027-03-15', datum2: '2027-03-16', datum3: '2027-03-17', leerlingen: 24, school: 'cdo-newton' });
      expect(result.data.andereSchool).toBeUndefined();
    }
  });

  it('asks for school days: weekdays only', () => {
    expect(errorsOf({ ...valid, datum1: '2027-03-13' }).datum1).toMatch(/maandag tot vrijdag/);
    expect(errorsOf({ ...valid, datum2: '2027-03-14' }).datum2).toMatch(/maandag tot vrijdag/);
  });

  it('asks for days inside the period of the chosen workshop, and after today', () => {
    expect(errorsOf({ ...valid, datum1: '2027-01-25' }).datum1).toMatch(/tussen 1 februari 2027 en 25 juni 2027/);
    expect(errorsOf({ ...valid, datum2: '2027-06-28' }).datum2).toMatch(/tussen/);
    expect(errorsOf({ ...valid }, Date.parse('2027-03-15T10:00:00Z')).datum1).toMatch(/na vandaag/);
  });

  it('asks for different days, and for two of them at least', () => {
    expect(errorsOf({ ...valid, datum2: valid.datum1 }).datum2).toMatch(/andere dag/);
    expect(errorsOf({ ...valid, datum2: '' }).datum2).toBe('Vul je tweede voorkeur in.');
    expect(errorsOf({ ...valid, datum1: '31/02/2027' }).datum1).toBe('Je eerste voorkeur moet een datum zijn, zoals 15/03/2027.');
  });

  it('shows every problem at once, also date problems while another answer is missing', () => {
    expect(Object.keys(errorsOf({ ...valid, school: '', naam: '', datum2: valid.datum1 }))).toEqual(['school', 'naam', 'datum2']);
  });

  it('refuses a workshop whose period is over', () => {
    expect(errorsOf({ ...valid, workshop: 'oud', datum1: '2027-03-15' }).workshop).toMatch(/voorbij/);
    expect(errorsOf({ ...valid, workshop: 'bestaat-niet' }).workshop).toBe('Kies een workshop.');
  });

  it('asks the name of a school that is not listed, and keeps it only then', () => {
    expect(errorsOf({ ...valid, school: 'andere' }).andereSchool).toBe('Vul de naam van je school in.');
    const other = check({ ...valid, school: 'andere', andereSchool: 'Nieuwe school' });
    expect(other.ok && other.data.andereSchool).toBe('Nieuwe school');
    const listed = check({ ...valid, andereSchool: 'Vergeten tekst' });
    expect(listed.ok && listed.data.andereSchool).toBeUndefined();
  });

  it('needs the contact details and a sensible number of pupils', () => {
    const errors = errorsOf({ ...valid, naam: '', email: 'jan', telefoon: 'bel me', leerlingen: '0' });
    expect(Object.keys(errors)).toEqual(['naam', 'email', 'telefoon', 'leerlingen']);
  });
});

describe('availability', () => {
  it('never gives out more places than the period has sessions; the request that does not fit is told and nothing is stored', async () => {
    const t = setup();
    for (let i = 0; i < 3; i++) await t.book({ ...anotherSchool(), workshop: i % 2 ? 'complotdenken' : 'fake-news' });
    expect(t.bookings.taken('voorjaar')).toBe(3);
    const before = t.store.counts();
    const outcome = await t.post(valid);
    expect(outcome.kind).toBe('show');
    if (outcome.kind === 'show') {
      expect(outcome.status).toBe(409);
      expect(outcome.errors).toEqual([{ field: 'workshop', message: expect.stringMatching(/volzet/) }]);
      expect(outcome.values.naam).toBe('Jan Peeters');
    }
    expect(t.store.counts()).toEqual(before);
  });

  it('holds under many simultaneous address confirmations', async () => {
    const t = setup();
    const references = [];
    for (let i = 0; i < 12; i++) references.push(await t.request());
    expect(t.bookings.taken('voorjaar')).toBe(0);
    const outcomes = await Promise.all(references.map((reference) => t.confirmAddress(reference)));
    expect(outcomes.filter((o) => o.kind === 'redirect')).toHaveLength(3);
    expect(outcomes.filter((o) => o.kind === 'done' && o.outcome === 'full')).toHaveLength(9);
    expect(t.bookings.taken('voorjaar')).toBe(3);
  });

  it('a bot gets the same confirmation, but takes no place and nothing is stored', async () => {
    const t = setup();
    const outcome = await t.post({ ...valid, [HONEYPOT_FIELD]: 'https://spam.example' });
    expect(outcome.kind).toBe('redirect');
    expect(t.bookings.taken('voorjaar')).toBe(0);
    expect(t.store.counts().submissions).toBe(0);
  });

  it('queues only the acknowledgement to the school with the request; the coordinator gets it once the address is confirmed', async () => {
    const t = setup();
    const reference = await t.request(valid);
    expect(t.messages(reference)).toEqual([`boeking-ontvangen → jan@school.example`]);
    await t.confirmAddress(reference);
    expect(t.messages(reference)).toEqual([`boeking-ontvangen → jan@school.example`, ...settings.routing.workshop.map((r) => `boeking → ${r}`)]);
  });
});

describe('the school confirms its address', () => {
  it('a new request holds no session; opening the link changes nothing; the button takes the session and sends the request on', async () => {
    const t = setup();
    const reference = await t.request(valid);
    expect(t.bookings.get(reference)?.status).toBe('unconfirmed');
    expect(t.bookings.taken('voorjaar')).toBe(0);

    const shown = await t.confirmAddress(reference, 'GET');
    expect(shown).toMatchObject({ kind: 'ask', status: 200 });
    expect(t.bookings.get(reference)?.status).toBe('unconfirmed');

    const done = await t.confirmAddress(reference);
    expect(done).toEqual({ kind: 'redirect', location: `/workshops/e-mailadres/${reference}/${t.addressSegment(reference)}?klaar` });
    expect(t.bookings.get(reference)).toMatchObject({ status: 'requested', addressConfirmedAt: t.clock.now });
    expect(t.bookings.taken('voorjaar')).toBe(1);

    // Clicking again (or a scanner replaying the post) changes nothing.
    expect(await t.confirmAddress(reference)).toMatchObject({ kind: 'done', outcome: 'already', justNow: false });
    expect(t.messages(reference)).toHaveLength(1 + settings.routing.workshop.length);
  });

  it('the acknowledgement carries the working link; a tampered, cross-site or late click changes nothing', async () => {
    const t = setup();
    const reference = await t.request(valid);
    const job = t.store.dueJobs(t.clock.now, 100).find((j) => j.reference === reference && j.message === BOOKING_MESSAGES.received)!;
    const mail = t.composers()[BOOKING_MESSAGES.received]!(job);
    const link = new RegExp(`https://site\\.test/workshops/e-mailadres/${reference}/(\\S+)`).exec(mail.text)?.[1];
    expect(link).toBe(t.addressSegment(reference));
    expect(mail.text).toContain('binnen 6 uur');

    expect(await t.confirmAddress(reference, 'POST', link!.slice(0, -2) + 'xx')).toEqual({ kind: 'invalid' });
    expect(await t.confirmAddress(reference, 'POST', signLinkSegment(t.secret, reference, 'bevestigen', t.clock.now + 60_000).slice('bevestigen.'.length))).toEqual({ kind: 'invalid' });
    const crossSite = await handleAddressConfirmation({
      request: new Request(`${origin}/workshops/e-mailadres/${reference}/${link}`, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: '' }),
      clientAddress: '192.0.2.1',
      services: t.services,
      reference,
      segment: link!,
      capacity: () => 3,
    });
    expect(crossSite).toMatchObject({ kind: 'ask', status: 403 });
    t.clock.now += ADDRESS_CONFIRMATION_MS;
    expect(await t.confirmAddress(reference, 'POST', link)).toEqual({ kind: 'expired' });
    expect(t.bookings.get(reference)?.status).toBe('unconfirmed');
    expect(t.bookings.taken('voorjaar')).toBe(0);
  });

  it('the final "volzet" check happens at confirmation: a school that finds the period full is told, and its request is erased', async () => {
    const t = setup();
    const references = [];
    for (let i = 0; i < 4; i++) references.push(await t.request());
    for (const reference of references.slice(0, 3)) expect((await t.confirmAddress(reference)).kind).toBe('redirect');
    const late = references[3]!;
    expect(await t.confirmAddress(late)).toMatchObject({ kind: 'done', status: 409, outcome: 'full' });
    expect(t.store.exists(late)).toBe(false);
    expect(t.bookings.get(late)).toBeUndefined();
    expect(t.bookings.taken('voorjaar')).toBe(3);
  });

  it('unconfirmed requests lapse after a few hours: their data is erased and they stop counting', async () => {
    const t = setup({ clientLimit: 1 });
    const reference = await t.request(valid);
    t.clock.now += ADDRESS_CONFIRMATION_MS - 1;
    expect(t.housekeeping().lapsed).toBe(0);
    expect((await t.post(anotherSchool())).kind, 'the client still has an open request').toBe('show');
    t.clock.now += 1;
    expect(t.housekeeping().lapsed).toBe(1);
    expect(t.store.exists(reference)).toBe(false);
    expect(t.bookings.get(reference)).toBeUndefined();
    expect(databaseFilesContain(t.dataDir, 'Jan Peeters')).toBe(false);
    expect((await t.post(valid)).kind).toBe('redirect');
  });
});

describe('one client cannot book every session', () => {
  const messageOf = (outcome: Awaited<ReturnType<ReturnType<typeof setup>['post']>>) => (outcome.kind === 'show' ? outcome.errors.map((e) => e.message).join(' ') : outcome.location);

  it('caps the open requests per client address well below capacity; other clients still get through', async () => {
    const t = setup({ clientLimit: 2 });
    await t.request(anotherSchool(), '198.51.100.7');
    await t.request(anotherSchool(), '198.51.100.7');
    const third = await t.post(anotherSchool(), {}, '198.51.100.7');
    expect(third.kind === 'show' && third.status).toBe(409);
    expect(messageOf(third)).toMatch(/Vanaf deze verbinding wachten al aanvragen/);
    if (third.kind === 'show') expect(third.values.andereSchool).toMatch(/Testschool/);
    expect(t.bookings.taken('voorjaar')).toBe(0);

    // A real school elsewhere requests, confirms and holds a session.
    expect(t.bookings.get(await t.book(valid))?.status).toBe('requested');
  });

  it('refuses an identical open request with a clear message, but nobody can block a school with another address', async () => {
    const t = setup();
    const first = await t.request(valid);
    expect(messageOf(await t.post(valid))).toMatch(/Je vroeg deze workshop al aan met dit e-mailadres/);
    // Someone else asking in the school's name with another address does not block it …
    const impostor = await t.request({ ...valid, email: 'iemand@elders.example' });
    // … and once the school confirmed, the other request cannot take a second session.
    await t.confirmAddress(first);
    expect(await t.confirmAddress(impostor)).toMatchObject({ kind: 'done', status: 409, outcome: 'duplicate' });
    expect(t.store.exists(impostor)).toBe(false);
    expect(messageOf(await t.post({ ...valid, email: 'collega@school.example' }))).toMatch(/Je school vroeg deze workshop al aan/);
    // Another workshop, or another school, is a request of its own.
    expect((await t.post({ ...valid, workshop: 'complotdenken' })).kind).toBe('redirect');
    expect((await t.post({ ...valid, school: 'andere', andereSchool: 'CDO Newton bis' })).kind).toBe('redirect');
  });

  it('counts another school typed twice as the same school, however it is capitalised or spaced', async () => {
    const t = setup();
    await t.book({ ...valid, school: 'andere', andereSchool: 'Sint-Jozefcollege  Waasland' });
    expect(messageOf(await t.post({ ...valid, email: 'ander@school.example', school: 'andere', andereSchool: ' sint-jozefcollege waasland' }))).toMatch(/Je school vroeg deze workshop al aan/);
  });
});

describe('signed links', () => {
  const secret = randomBytes(32);
  const now = 1_800_000_000_000;

  it('accept what was signed, until it expires', () => {
    const segment = signLinkSegment(secret, 'ABCD2345', 'bevestigen', now + 1000);
    expect(verifyLink(secret, 'ABCD2345', segment, now)).toEqual({ ok: true, action: 'bevestigen', expiresAt: Math.floor((now + 1000) / 1000) * 1000 });
    expect(verifyLink(secret, 'ABCD2345', segment, now + 1000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuse any change to reference, action, expiry or signature, and another secret', () => {
    const segment = signLinkSegment(secret, 'ABCD2345', 'bevestigen', now + 60_000);
    const [action, expires, signature] = segment.split('.') as [string, string, string];
    const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
    for (const [reference, tampered] of [
      ['ABCD2346', segment],
      ['ABCD2345', `weigeren.${expires}.${signature}`],
      ['ABCD2345', `${action}.${Number(expires) + 86_400}.${signature}`],
      ['ABCD2345', `${action}.${expires}.${flipped}`],
      ['ABCD2345', `${action}.${expires}`],
      ['abcd', segment],
    ] as const) {
      expect(verifyLink(secret, reference, tampered, now), tampered).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(verifyLink(randomBytes(32), 'ABCD2345', segment, now)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('call a tampered link invalid even when it has also expired', () => {
    const segment = signLinkSegment(secret, 'ABCD2345', 'weigeren', now - 1000);
    expect(verifyLink(secret, 'ABCD2345', segment.replace('weigeren', 'bevestigen'), now)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('the coordinator decides', () => {
  it('opening a link changes nothing; the form on its page confirms once, and queues the calendar mail in the same step', async () => {
    const t = setup();
    const reference = await t.book();
    const confirm = t.link(reference, 'bevestigen');

    const shown = await t.decide(reference, confirm);
    expect(shown.kind).toBe('form');
    expect(t.bookings.get(reference)?.status).toBe('requested');
    expect(t.messages(reference)).toHaveLength(2);

    const wrongDay = await t.decide(reference, confirm, { dag: '2027-03-17', begin: '10:00', einde: '11:40' });
    expect(wrongDay.kind === 'form' && wrongDay.status).toBe(422);
    const wrongHours = await t.decide(reference, confirm, { dag: '2027-03-16', begin: '11u', einde: '10.30' });
    expect(wrongHours.kind === 'form' && wrongHours.errors.map((e) => e.field)).toEqual(['einde']);

    const forged = await t.decide(reference, confirm, { dag: '2027-03-16', begin: '10u', einde: '11.40', [TOKEN_FIELD]: 'x' });
    expect(forged.kind, 'a post without a valid form token decides nothing').toBe('form');
    expect(t.bookings.get(reference)?.status).toBe('requested');

    const done = await t.decide(reference, confirm, { dag: '2027-03-16', begin: '10u', einde: '11.40' });
    expect(done).toEqual({ kind: 'redirect', location: `/workshops/boeking/${reference}/${confirm}?klaar` });
    expect(t.bookings.get(reference)).toMatchObject({ status: 'confirmed', sessionDate: '2027-03-16', startsAt: '10:00', endsAt: '11:40' });
    expect(t.messages(reference).at(-1)).toBe('boeking-bevestigd → jan@school.example');
    expect(t.bookings.taken('voorjaar')).toBe(1);

    const again = await t.decide(reference, confirm, { dag: '2027-03-15', begin: '09:00', einde: '10:00' });
    expect(again).toMatchObject({ kind: 'decided', justNow: false });
    const decline = await t.decide(reference, t.link(reference, 'weigeren'), { reden: 'Toch geen plaats meer.' });
    expect(decline).toMatchObject({ kind: 'decided', justNow: false });
    expect(t.bookings.get(reference)).toMatchObject({ status: 'confirmed', sessionDate: '2027-03-16' });
    expect(t.messages(reference)).toHaveLength(3);
  });

  it('a decline sends the reason and gives the place back to the period', async () => {
    const t = setup();
    const references = [await t.book(), await t.book(), await t.book()];
    expect((await t.post(valid)).kind).toBe('show');
    const outcome = await t.decide(references[1]!, t.link(references[1]!, 'weigeren'), { reden: 'Die week heeft StampMedia geen plaats.' });
    expect(outcome.kind).toBe('redirect');
    expect(t.bookings.get(references[1]!)).toMatchObject({ status: 'declined', reason: 'Die week heeft StampMedia geen plaats.' });
    expect(t.messages(references[1]!).at(-1)).toBe('boeking-geweigerd → jan@school.example');
    expect(t.bookings.taken('voorjaar')).toBe(2);
    expect((await t.post(valid)).kind).toBe('redirect');
  });

  it('refuses tampered, expired and cross-site requests without changing anything', async () => {
    const t = setup();
    const reference = await t.book();
    const confirm = t.link(reference, 'bevestigen');
    const choice = { dag: '2027-03-15', begin: '10:00', einde: '11:00' };

    expect(await t.decide(reference, confirm.slice(0, -2) + 'xx', choice)).toEqual({ kind: 'invalid' });
    expect(await t.decide('ZZZZ2345', t.link('ZZZZ2345', 'bevestigen'), choice)).toEqual({ kind: 'invalid' });
    expect(await t.decide(reference, t.link(reference, 'bevestigen', t.clock.now - 1), choice)).toEqual({ kind: 'expired' });
    const crossSite = await t.decide(reference, confirm, choice, { origin: 'https://evil.example' });
    expect(crossSite.kind === 'form' && crossSite.status).toBe(403);
    const notAForm = await t.decide(reference, confirm, choice, { 'content-type': 'application/json' });
    expect(notAForm.kind === 'form' && notAForm.status).toBe(415);

    t.clock.now += LINK_VALIDITY_MS + 1000;
    expect(await t.decide(reference, confirm, choice)).toEqual({ kind: 'expired' });
    expect(t.bookings.get(reference)?.status).toBe('requested');
    expect(t.messages(reference)).toHaveLength(2);
  });
});

describe('retention', () => {
  it('keeps an undecided booking; after the decision it erases the personal data but keeps the place count', async () => {
    const t = setup();
    const keep = (reference: string, form: string) => form === 'boeking' && t.bookings.isActive(reference);
    const confirmed = await t.book();
    const declined = await t.book();
    const waiting = await t.book();
    t.deliverAll();
    expect(t.store.purgeDelivered(t.clock.now, 0, keep)).toBe(0);

    await t.decide(confirmed, t.link(confirmed, 'bevestigen'), { dag: '2027-03-15', begin: '10:00', einde: '11:40' });
    await t.decide(declined, t.link(declined, 'weigeren'), { reden: 'Geen plaats meer op die dagen.' });
    expect(t.store.purgeDelivered(t.clock.now, 0, keep), 'not before the decision mails are delivered').toBe(0);
    t.deliverAll();
    expect(t.store.purgeDelivered(t.clock.now, 0, keep)).toBe(2);

    expect(t.store.exists(confirmed)).toBe(false);
    expect(t.store.exists(declined)).toBe(false);
    expect(t.store.exists(waiting)).toBe(true);
    expect(t.bookings.get(confirmed)).toMatchObject({ status: 'confirmed', period: 'voorjaar', sessionDate: '2027-03-15' });
    expect(t.bookings.get(declined)).toMatchObject({ status: 'declined' });
    expect(t.bookings.get(declined)?.reason).toBeUndefined();
    expect(t.bookings.taken('voorjaar')).toBe(2);
    // Nothing personal is left next to the place count.
    const row = JSON.stringify(t.db.prepare('SELECT * FROM workshop_bookings').all());
    expect(row).not.toMatch(/Jan Peeters|school\.example|CDO Newton|"3B"/);
  });
});

describe('nobody decides', () => {
  it('reminds the coordinator once, a week before the links expire, with the links and nothing personal', async () => {
    const t = setup();
    const reference = await t.book(valid);
    t.deliverAll();
    t.clock.now += DECISION_REMINDER_AFTER_MS - 60_000;
    expect(t.housekeeping().reminded).toBe(0);
    t.clock.now += 60_000;
    expect(t.housekeeping().reminded).toBe(1);
    expect(t.housekeeping().reminded, 'only once').toBe(0);
    expect(t.messages(reference).slice(-settings.routing.workshop.length)).toEqual(settings.routing.workshop.map((r) => `boeking-herinnering → ${r}`));

    const job = t.store.dueJobs(t.clock.now, 100).find((j) => j.reference === reference && j.message === BOOKING_MESSAGES.reminder)!;
    const mail = t.composers()[BOOKING_MESSAGES.reminder]!(job);
    expect(mail.subject).toMatch(/^Herinnering: /);
    const links = [...mail.text.matchAll(/https:\/\/site\.test\/workshops\/boeking\/\S+\/(\S+)/g)].map((m) => m[1]!);
    expect(links).toEqual([t.link(reference, 'bevestigen', t.bookings.get(reference)!.addressConfirmedAt! + LINK_VALIDITY_MS), t.link(reference, 'weigeren', t.bookings.get(reference)!.addressConfirmedAt! + LINK_VALIDITY_MS)]);
    for (const segment of links) expect((await t.decide(reference, segment)).kind).toBe('form');
    for (const personal of ['Jan', 'school.example', 'CDO', '3B', '03 123']) expect(mail.text).not.toContain(personal);
  });

  it('sends no reminder with dead links: a request found only after its links expired just expires', async () => {
    const t = setup();
    const reference = await t.book(valid);
    t.clock.now += LINK_VALIDITY_MS;
    expect(t.housekeeping()).toMatchObject({ reminded: 0, expired: 1 });
    expect(t.messages(reference).some((m) => m.startsWith('boeking-herinnering'))).toBe(false);
  });

  it('when the links expire: the session is released, the personal data erased and the school told it may ask again', async () => {
    const t = setup();
    const reference = await t.book({ ...valid, naam: 'Vergeten Persoon' });
    const decided = await t.book();
    await t.decide(decided, t.link(decided, 'bevestigen'), { dag: '2027-03-15', begin: '10:00', einde: '11:40' });
    t.deliverAll();
    expect(t.bookings.taken('voorjaar')).toBe(2);

    t.clock.now += LINK_VALIDITY_MS - 1000;
    expect(t.housekeeping().expired).toBe(0);
    t.clock.now += 1000;
    expect(t.housekeeping()).toMatchObject({ expired: 1, erased: 0 });
    expect(t.bookings.get(reference)?.status).toBe('expired');
    expect(t.bookings.get(decided)?.status, 'a decided booking is left alone').toBe('confirmed');
    expect(t.bookings.taken('voorjaar')).toBe(1);
    expect(t.db.prepare('SELECT payload FROM submissions WHERE reference = ?').get(reference), 'what the school typed is erased at once').toEqual({ payload: '{}' });
    expect(t.messages(reference).at(-1)).toBe('boeking-verlopen → jan@school.example');
    expect(await t.decide(reference, t.link(reference, 'bevestigen', t.bookings.get(reference)!.addressConfirmedAt! + LINK_VALIDITY_MS))).toEqual({ kind: 'expired' });

    const job = t.store.dueJobs(t.clock.now, 100).find((j) => j.reference === reference && j.message === BOOKING_MESSAGES.expired)!;
    const mail = t.composers()[BOOKING_MESSAGES.expired]!(job);
    expect(mail.subject).toContain('vervallen');
    expect(mail.text).toContain('Fake news');
    expect(mail.text).toContain('niet beslist');
    expect(mail.text).toContain('https://site.test/workshops/boeken');
    expect(mail.text).not.toContain('Vergeten');

    // Once the notice went out, the submission goes too; only the counted place remains.
    t.deliverAll();
    expect(t.housekeeping().erased).toBe(1);
    expect(t.store.exists(reference)).toBe(false);
    expect(databaseFilesContain(t.dataDir, 'Vergeten Persoon')).toBe(false);
    expect(t.store.exists(decided), 'a decided booking keeps its data until its retention period').toBe(true);
    expect(JSON.stringify(t.db.prepare('SELECT * FROM deliveries WHERE reference = ?').all(reference))).toBe('[]');
  });
});

describe("the host's periodic job", () => {
  it('lapses unconfirmed requests, reminds the coordinator and expires undecided requests on the clock of the services', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'workshops-host-'));
    const clock = { now: Date.parse('2027-01-11T09:00:00Z') };
    const config = { port: 0, host: '127.0.0.1', dataDir, smtpUrl: undefined, mailFrom: 'Aanspreekpunt <no-reply@example.org>', siteUrl: origin, distDir: dataDir, trustProxyHops: 0 };
    const host = startServices(config, settings, () => catalogue, { PURGE_INTERVAL_MS: '3600000' }, () => clock.now);
    try {
      const { app } = host;
      /** A request stored as the booking page stores it; its address is not confirmed yet. */
      const open = (school: string) =>
        app.submissions.save({ form: 'boeking', version: 1, route: 'workshop', routeLater: true, payload: { ...validated, andereSchool: school }, extraMessages: [] }, (reference) => {
          expect(app.bookings.open({ reference, period: 'voorjaar', workshop: 'fake-news', capacity: 3, school: 'andere', andereSchool: school, email: validated.email, clientAddress: '192.0.2.1' })).toBeUndefined();
        });
      const lapsing = open('School die niet bevestigt');
      const waiting = open('School die wacht');
      expect(app.bookings.confirmAddress(waiting, 3)).toBe('confirmed');

      clock.now += ADDRESS_CONFIRMATION_MS;
      host.purge();
      expect(app.bookings.get(lapsing)).toBeUndefined();
      expect(app.bookings.get(waiting)?.status).toBe('requested');

      const mailFolder = path.join(dataDir, 'mail');
      const mailFiles = () => (existsSync(mailFolder) ? readdirSync(mailFolder) : []).filter((name) => name.endsWith('.eml')).map((name) => readFileSync(path.join(mailFolder, name), 'utf8'));
      /** The host's own worker sends what the job queued; wait until the mail files show it. */
      const mailsWhere = async (match: (mail: string) => boolean, count: number) => {
        for (let waited = 0; mailFiles().filter(match).length < count; waited += 50) {
          if (waited > 10_000) throw new Error(`expected ${count} matching mail file(s), found ${mailFiles().filter(match).length}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return mailFiles().filter(match);
      };
      clock.now += DECISION_REMINDER_AFTER_MS;
      host.purge();
      expect(await mailsWhere((mail) => mail.includes('Subject: Herinnering'), settings.routing.workshop.length)).toHaveLength(settings.routing.workshop.length);

      clock.now += LINK_VALIDITY_MS;
      host.purge();
      expect(app.bookings.get(waiting)?.status).toBe('expired');
      expect(app.bookings.takenByPeriod().get('voorjaar') ?? 0).toBe(0);
      expect(await mailsWhere((mail) => mail.includes('is vervallen'), 1)).toHaveLength(1);
      // The notice is marked sent just after its file is written; the next run erases the request.
      for (let waited = 0; app.submissions.payload(waiting, { version: 1, schema: z.unknown() }) !== undefined && waited < 10_000; waited += 50) {
        host.purge();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(app.submissions.payload(waiting, { version: 1, schema: z.unknown() })).toBeUndefined();
    } finally {
      await host.close();
    }
  });
});

describe('booking mails', () => {
  it('send the address someone typed only fixed text, the reference, the days and our own links, whatever the form held', async () => {
    const t = setup();
    const hostile = {
      ...valid,
      school: 'andere',
      andereSchool: 'Win een iPhone op https://evil.example/win',
      naam: 'Klik hier: www.phish.example',
      klas: 'evil.example/login',
      opmerkingen: '<a href="https://evil.example">Je account is geblokkeerd</a> mailto:boef@evil.example',
    };
    const reference = await t.book(hostile);
    const compose = bookingComposers({ bookings: t.bookings, catalogue: () => catalogue, secret: t.secret, siteUrl: origin, mailDomain: 'example.org', settings });
    const job = t.store.dueJobs(t.clock.now, 100).find((j) => j.reference === reference && j.message === BOOKING_MESSAGES.received)!;
    expect(job.recipient).toBe(valid.email);
    const mail = compose[BOOKING_MESSAGES.received]!(job);
    const all = `${mail.subject}\n${mail.text}`;
    for (const text of [hostile.andereSchool, hostile.naam, hostile.klas, 'evil', 'phish', 'iPhone', 'geblokkeerd', '<a']) expect(all).not.toContain(text);
    expect(all).toContain(`${reference.slice(0, 4)} ${reference.slice(4)}`);
    // Every link-like thing is ours: the site's own pages or the coordinator's address from the settings.
    const linkLike = all.match(/\b(?:https?:\/\/|www\.)\S+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:\/\S*)?/gi) ?? [];
    const ours = [origin, settings.workshopCoordinator.email, new URL(origin).host, settings.workshopCoordinator.email.split('@')[1]];
    for (const found of linkLike) expect(ours.some((o) => found.startsWith(o) || found === o), found).toBe(true);
  });

  it('give the coordinator two working links, the school its days, its calendar file or the reason', async () => {
    const t = setup();
    const reference = await t.book({ ...valid, datum3: '2027-03-17' });
    const compose = bookingComposers({ bookings: t.bookings, catalogue: () => catalogue, secret: t.secret, siteUrl: origin, mailDomain: 'example.org', settings });
    const job = (message: string) => t.store.dueJobs(t.clock.now, 100).find((j) => j.reference === reference && j.message === message)!;

    const coordinator = compose[BOOKING_MESSAGES.coordinator]!(job('boeking'));
    expect(coordinator.subject).toContain('Fake news voor CDO Newton');
    const links = [...coordinator.text.matchAll(/https:\/\/site\.test(\/workshops\/boeking\/\S+)/g)].map((m) => m[1]!);
    expect(links).toEqual([
      signedLinkPath(t.secret, reference, 'bevestigen', t.clock.now + LINK_VALIDITY_MS),
      signedLinkPath(t.secret, reference, 'weigeren', t.clock.now + LINK_VALIDITY_MS),
    ]);
    for (const link of links) expect(verifyLink(t.secret, reference, link.split('/').at(-1)!, t.clock.now).ok).toBe(true);

    const received = compose[BOOKING_MESSAGES.received]!(job('boeking-ontvangen'));
    expect(received.text).toContain('maandag 15 maart 2027');
    expect(received.text).toContain('woensdag 17 maart 2027');

    await t.decide(reference, t.link(reference, 'bevestigen'), { dag: '2027-03-17', begin: '13:00', einde: '14:40' });
    const confirmed = compose[BOOKING_MESSAGES.confirmed]!(job('boeking-bevestigd'));
    expect(confirmed.text).toContain('woensdag 17 maart 2027, van 13:00 tot 14:40');
    expect(confirmed.attachments?.[0]).toMatchObject({ filename: `workshop-${reference}.ics`, contentType: expect.stringContaining('text/calendar') });
    expect(confirmed.attachments?.[0]?.content).toContain('DTSTART;TZID=Europe/Brussels:20270317T130000\r\n');
    expect(confirmed.attachments?.[0]?.content).toContain('LOCATION:CDO Newton\r\n');
  });
});
