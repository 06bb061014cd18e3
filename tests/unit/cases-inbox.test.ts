import { describe, expect, it } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import { createCaseServices } from '../../src/server/cases/services.ts';
import { waitAfter } from '../../src/server/cases/throttle.ts';
import { TEST_WORK_FACTOR, tempVault } from '../support/temp-vault.ts';

const PASS = 'lange geheime zin 1';
const MINUTE = 60_000;

async function setup() {
  const t = await tempVault();
  await t.accounts.add('expert@example.org', PASS, t.clock.now(), TEST_WORK_FACTOR);
  const services = createCaseServices({ vault: t.vault, cases: t.cases, accounts: t.accounts, routing: { concernPerson: ['expert@example.org'], question: ['vragen@example.org'] }, now: t.clock.now, issuer: 'Aanspreekpunt', passphraseWorkFactor: TEST_WORK_FACTOR });
  const code = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: t.clock.now() });
  /** First login and set-up; returns the TOTP secret and a session. */
  const enrol = async () => {
    const first = await services.inbox.login({ email: 'expert@example.org', passphrase: PASS, code: '' }, '10.0.0.1');
    if (first.kind !== 'set-up') throw new Error(`expected set-up, got ${first.kind}`);
    const done = await services.inbox.confirmSetUp(first.setUp.pending, code(first.setUp.secret));
    if (done.kind !== 'signed-in') throw new Error('set-up failed');
    return { secret: first.setUp.secret, session: done.session, recoveryCodes: first.setUp.recoveryCodes };
  };
  return { ...t, ...services, code, enrol };
}

describe('the expert inbox', { timeout: 60_000 }, () => {
  it('sets up TOTP at the first login, with a server-made QR code and recovery codes, then asks for a code every time', async () => {
    const s = await setup();
    const first = await s.inbox.login({ email: 'expert@example.org', passphrase: PASS, code: '' }, 'a');
    expect(first.kind).toBe('set-up');
    if (first.kind !== 'set-up') return;
    expect(first.setUp.qrSvg).toMatch(/^<svg role="img" aria-label="[^"]+"/);
    expect(first.setUp.recoveryCodes).toHaveLength(10);
    const wrong = await s.inbox.confirmSetUp(first.setUp.pending, '000000');
    expect(wrong.kind).toBe('failed');
    const done = await s.inbox.confirmSetUp(first.setUp.pending, s.code(first.setUp.secret));
    expect(done.kind).toBe('signed-in');
    expect(s.accounts.byEmail('expert@example.org')!.totpSecret).toBeDefined();

    s.clock.advance(MINUTE);
    expect((await s.inbox.login({ email: 'expert@example.org', passphrase: PASS, code: '123456' }, 'a')).kind).toBe('failed');
    const again = await s.inbox.login({ email: 'expert@example.org', passphrase: PASS, code: s.code(first.setUp.secret) }, 'a');
    expect(again.kind).toBe('signed-in');
    // The same code never works twice.
    expect((await s.inbox.login({ email: 'expert@example.org', passphrase: PASS, code: s.code(first.setUp.secret) }, 'b')).kind).toBe('failed');
  });

  it('accepts each recovery code once instead of a TOTP code', async () => {
    const s = await setup();
    const { recoveryCodes } = await s.enrol();
    const login = (code: string) => s.inbox.login({ email: 'expert@example.org', passphrase: PASS, code }, 'c');
    expect((await login(recoveryCodes[3]!.toUpperCase())).kind).toBe('signed-in');
    expect((await login(recoveryCodes[3]!)).kind).toBe('failed');
  });

  it('slows down and then locks an account after failed logins, whatever the client, and answers unknown addresses the same way', async () => {
    const s = await setup();
    const { secret } = await s.enrol();
    const attempt = (passphrase: string, client: string, email = 'expert@example.org') => s.inbox.login({ email, passphrase, code: s.code(secret) }, client);
    expect((await attempt('fout fout fout', 'x1')).kind).toBe('failed');
    expect((await attempt('fout fout fout', 'x2')).kind).toBe('failed');
    expect((await attempt('fout fout fout', 'x3')).kind).toBe('failed');
    const locked = await attempt(PASS, 'x4');
    expect(locked).toEqual({ kind: 'throttled', retryAfterSeconds: waitAfter(3) / 1000 });
    s.clock.advance(waitAfter(3));
    expect((await attempt(PASS, 'x5')).kind).toBe('signed-in');
    expect((await attempt('fout', 'y', 'niemand@example.org')).kind).toBe('failed');
    expect(waitAfter(40)).toBe(24 * 60 * MINUTE);
  });

  it('slows down one client that keeps failing, across addresses', async () => {
    const s = await setup();
    for (let i = 0; i < 3; i++) expect((await s.inbox.login({ email: `x${i}@example.org`, passphrase: 'fout', code: '' }, 'same')).kind).toBe('failed');
    expect((await s.inbox.login({ email: 'expert@example.org', passphrase: PASS, code: '' }, 'same')).kind).toBe('throttled');
  });

  it('ends a session after 15 minutes without activity, and at once when the account is removed', async () => {
    const s = await setup();
    const { session } = await s.enrol();
    expect(s.inbox.session(session)?.email).toBe('expert@example.org');
    expect(s.inbox.session(session)!.csrf).toMatch(/^[\w-]{43}$/);
    s.clock.advance(14 * MINUTE);
    expect(s.inbox.session(session)).toBeDefined();
    s.clock.advance(14 * MINUTE);
    expect(s.inbox.session(session)).toBeDefined();
    s.clock.advance(15 * MINUTE);
    expect(s.inbox.session(session)).toBeUndefined();

    const second = (await s.enrol().catch(() => undefined)) ?? undefined;
    expect(second).toBeUndefined(); // set-up happens once
    s.accounts.remove('expert@example.org');
    expect(s.inbox.cases(session)).toEqual([]);
  });

  it('lists, opens, answers, notes and closes only the cases routed to the account, and logs who did what without content', async () => {
    const s = await setup();
    const { session } = await s.enrol();
    const token = await s.reports.submit('concernPerson', { bezorgdheid: 'KANARIE' });
    const { reference } = s.reports.confirmation(token)!;
    await s.reports.submit('question', { bezorgdheid: 'niet voor jou' });

    expect(s.inbox.cases(session).map((c) => [c.reference, c.status, c.unread])).toEqual([[reference, 'nieuw', true]]);
    const view = (await s.inbox.open(session, reference))!;
    expect(view.readable).toBe(true);
    expect(view.messages[0]!.content).toEqual({ bezorgdheid: 'KANARIE' });
    expect(s.inbox.cases(session)[0]).toMatchObject({ status: 'in-behandeling', unread: false });

    expect(await s.inbox.act(session, reference, { kind: 'reply', text: 'Dag, dank je.' })).toBe(true);
    expect(await s.inbox.act(session, reference, { kind: 'note', text: 'intern' })).toBe(true);
    expect(await s.inbox.act(session, reference, { kind: 'close' })).toBe(true);
    const closed = (await s.inbox.open(session, reference, 'print'))!;
    expect(closed.status).toBe('afgesloten');
    expect(closed.access.map((a) => [a.account, a.action])).toEqual([
      ['expert@example.org', 'geopend'],
      ['expert@example.org', 'antwoord geschreven'],
      ['expert@example.org', 'notitie geschreven'],
      ['expert@example.org', 'afgesloten'],
      ['expert@example.org', 'afgedrukt'],
    ]);
    const other = s.cases.list(['question'])[0]!;
    expect(await s.inbox.open(session, other.reference)).toBeUndefined();
    expect(await s.inbox.act(session, other.reference, { kind: 'close' })).toBe(false);
  });
});

describe('the reporter follow-up', { timeout: 60_000 }, () => {
  it('shows the replies to the receipt, not the notes, takes a new message once per token, and notifies the experts', async () => {
    const s = await setup();
    const { session } = await s.enrol();
    const token = await s.reports.submit('concernPerson', { bezorgdheid: 'eerste' });
    const { reference, receipt } = s.reports.confirmation(token)!;
    await s.inbox.act(session, reference, { kind: 'reply', text: 'Antwoord' });
    await s.inbox.act(session, reference, { kind: 'note', text: 'Notitie' });

    const opened = await s.followUp.open(receipt, 'r');
    if (opened.kind !== 'open') throw new Error(opened.kind);
    const view = (await s.followUp.view(opened.token))!;
    expect(view.messages.map((m) => m.content)).toEqual([{ bezorgdheid: 'eerste' }, 'Antwoord']);
    expect(await s.followUp.view(opened.token)).toBeUndefined(); // one use

    s.notified.length = 0;
    const next = await s.followUp.add(view.newToken, 'Nog iets');
    expect(next).toBeDefined();
    expect(await s.followUp.add(view.newToken, 'Nog iets')).toBeUndefined(); // a resend stores nothing
    expect(s.notified).toEqual(['concernPerson']);
    expect((await s.inbox.open(session, reference))!.messages.at(-1)!.content).toBe('Nog iets');
  });

  it('slows down receipt guessing per client', async () => {
    const s = await setup();
    for (let i = 0; i < 3; i++) expect((await s.followUp.open('1111 2222 3333 444' + i, 'g')).kind).toBe('unknown');
    expect((await s.followUp.open('1111 2222 3333 4449', 'g')).kind).toBe('throttled');
    s.clock.advance(waitAfter(3));
    expect((await s.followUp.open('1111 2222 3333 4449', 'g')).kind).toBe('unknown');
  });

  it('shows the receipt page for a short while only', async () => {
    const s = await setup();
    const token = await s.reports.submit('concernPerson', { bezorgdheid: 'x' });
    expect(s.reports.confirmation(token)?.receipt).toMatch(/^\d{16}$/);
    s.clock.advance(15 * MINUTE);
    expect(s.reports.confirmation(token)).toBeUndefined();
    const other = await s.reports.submit('concernPerson', { bezorgdheid: 'y' });
    s.reports.forget(other);
    expect(s.reports.confirmation(other)).toBeUndefined();
  });
});
