import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newKeyPair, unwrapWithPassphrase } from '../../src/server/cases/age-box.ts';
import { formatReceipt, normaliseReceipt } from '../../src/lib/receipt.ts';
import { TEST_WORK_FACTOR, tempVault } from '../support/temp-vault.ts';

const CANARY = 'KANARIE-7f3a9c';
const DAY = 24 * 60 * 60 * 1000;

/** Every byte under DATA_DIR, to look for plain text. */
function filesContain(dir: string, text: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => readFileSync(file).includes(Buffer.from(text)));
}

async function expertIdentity(accounts: Awaited<ReturnType<typeof tempVault>>['accounts'], email: string, passphrase: string) {
  const account = accounts.byEmail(email)!;
  return (await unwrapWithPassphrase(account.wrappedIdentity, passphrase))!;
}

describe('the case vault', { timeout: 30_000 }, () => {
  it('stores a report only encrypted, readable by the routed expert and the recovery key, and not by another expert', async () => {
    const t = await tempVault();
    await t.accounts.add('expert@example.org', 'lange geheime zin 1', t.clock.now(), TEST_WORK_FACTOR);
    await t.accounts.add('vragen@example.org', 'lange geheime zin 2', t.clock.now(), TEST_WORK_FACTOR);
    const { reference, receipt } = await t.vault.open('concernPerson', { bezorgdheid: `Mijn buur ${CANARY}`, naam: CANARY });

    expect(filesContain(t.dataDir, CANARY)).toEqual([]);
    expect(filesContain(t.dataDir, receipt)).toEqual([]);
    expect(t.notified).toEqual(['concernPerson']);

    const row = t.cases.byReference(reference)!;
    expect(row.status).toBe('nieuw');
    const expert = await expertIdentity(t.accounts, 'expert@example.org', 'lange geheime zin 1');
    const [report] = await t.vault.read(row, [expert]);
    expect(report!.content).toEqual({ bezorgdheid: `Mijn buur ${CANARY}`, naam: CANARY });

    const other = await expertIdentity(t.accounts, 'vragen@example.org', 'lange geheime zin 2');
    expect((await t.vault.read(row, [other]))[0]!.content).toBeUndefined();
    expect((await t.vault.read(row, [t.recovery.identity]))[0]!.content).toEqual({ bezorgdheid: `Mijn buur ${CANARY}`, naam: CANARY });
  });

  it('keeps the private key of an account only wrapped with its passphrase', async () => {
    const t = await tempVault();
    await t.accounts.add('expert@example.org', 'lange geheime zin 1', t.clock.now(), TEST_WORK_FACTOR);
    const account = t.accounts.byEmail('expert@example.org')!;
    expect(await unwrapWithPassphrase(account.wrappedIdentity, 'verkeerde zin 123')).toBeUndefined();
    const identity = await unwrapWithPassphrase(account.wrappedIdentity, 'lange geheime zin 1');
    expect(identity).toMatch(/^AGE-SECRET-KEY-1/);
    expect(filesContain(t.dataDir, identity!)).toEqual([]);
    await expect(t.accounts.add('kort@example.org', 'te kort', t.clock.now(), TEST_WORK_FACTOR)).rejects.toThrow(/at least 12/);
  });

  it('lets the receipt read replies and add messages, but not internal notes; a wrong receipt finds nothing', async () => {
    const t = await tempVault();
    await t.accounts.add('expert@example.org', 'lange geheime zin 1', t.clock.now(), TEST_WORK_FACTOR);
    const { reference, receipt } = await t.vault.open('concernPerson', { bezorgdheid: 'iets' });
    const row = t.cases.byReference(reference)!;
    await t.vault.add(row, 'antwoord', 'Dank je, wil je meer vertellen?', 'expert@example.org');
    await t.vault.add(row, 'notitie', 'intern: bespreken op de partnertafel', 'expert@example.org');

    expect(await t.vault.findByReceipt('1234 5678 9012 3456')).toBeUndefined();
    const found = (await t.vault.findByReceipt(formatReceipt(receipt)))!;
    expect(found.row.reference).toBe(reference);
    const seen = await t.vault.read(found.row, [found.identity]);
    expect(seen.map((m) => [m.author, m.content])).toEqual([
      ['melding', { bezorgdheid: 'iets' }],
      ['antwoord', 'Dank je, wil je meer vertellen?'],
      ['notitie', undefined],
    ]);

    t.notified.length = 0;
    await t.vault.add(found.row, 'melder', 'Nog iets: het gebeurt vaker.');
    expect(t.notified).toEqual(['concernPerson']);
    const after = t.cases.byReference(reference)!;
    expect(after.unread).toBe(true);
    const expert = await expertIdentity(t.accounts, 'expert@example.org', 'lange geheime zin 1');
    expect((await t.vault.read(after, [expert])).at(-1)!.content).toBe('Nog iets: het gebeurt vaker.');
  });

  it('encrypts a kind without an expert account to the recovery key alone, and says so', async () => {
    const t = await tempVault();
    expect(t.vault.kindsWithoutAccount()).toEqual(['concernPerson', 'question']);
    const { reference } = await t.vault.open('question', { bezorgdheid: CANARY });
    const [message] = await t.vault.read(t.cases.byReference(reference)!, [t.recovery.identity]);
    expect(message!.content).toEqual({ bezorgdheid: CANARY });
  });

  it('still decrypts a case with the recovery key after the expert account is removed', async () => {
    const t = await tempVault();
    await t.accounts.add('expert@example.org', 'lange geheime zin 1', t.clock.now(), TEST_WORK_FACTOR);
    const { reference } = await t.vault.open('concernPerson', { bezorgdheid: CANARY });
    expect(t.accounts.remove('expert@example.org')).toBe(true);
    const [message] = await t.vault.read(t.cases.byReference(reference)!, [t.recovery.identity]);
    expect(message!.content).toEqual({ bezorgdheid: CANARY });
  });

  it('erases a closed case, its receipt hash and its access log after the retention period counted from the last message', async () => {
    const t = await tempVault();
    const { reference, receipt } = await t.vault.open('concernPerson', { bezorgdheid: CANARY });
    const row = t.cases.byReference(reference)!;
    t.cases.logAccess(row.id, 'expert@example.org', 'geopend', t.clock.now());
    t.clock.advance(2 * DAY);
    await t.vault.add(row, 'antwoord', 'Tot ziens');
    t.cases.setStatus(row.id, 'afgesloten', t.clock.now());

    t.clock.advance(7 * DAY - 1);
    expect(t.cases.purgeClosed(t.clock.now(), 7 * DAY)).toBe(0);
    t.clock.advance(1);
    expect(t.cases.purgeClosed(t.clock.now(), 7 * DAY)).toBe(1);
    expect(t.cases.byReference(reference)).toBeUndefined();
    expect(await t.vault.findByReceipt(receipt)).toBeUndefined();
    const counts = t.db.prepare('SELECT (SELECT COUNT(*) FROM case_messages) AS m, (SELECT COUNT(*) FROM case_access) AS a').get();
    expect(counts).toEqual({ m: 0, a: 0 });
    expect(readFileSync(path.join(t.dataDir, 'submissions.sqlite-wal')).length).toBe(0);
  });

  it('keeps an open case however old it is', async () => {
    const t = await tempVault();
    const { reference } = await t.vault.open('concernPerson', { bezorgdheid: 'x' });
    t.clock.advance(365 * DAY);
    expect(t.cases.purgeClosed(t.clock.now(), 7 * DAY)).toBe(0);
    expect(t.cases.byReference(reference)).toBeDefined();
  });
});

describe('encrypting the cases again after the accounts changed', { timeout: 30_000 }, () => {
  it('lets an account added later read older cases and a removed one read none, with the receipt keeping what it had', async () => {
    const t = await tempVault({ concernPerson: ['expert@example.org', 'vervanger@example.org'], question: ['vragen@example.org'] });
    await t.accounts.add('expert@example.org', 'lange geheime zin 1', t.clock.now(), TEST_WORK_FACTOR);
    const { reference, receipt } = await t.vault.open('concernPerson', { bezorgdheid: CANARY });
    const row = t.cases.byReference(reference)!;
    await t.vault.add(row, 'antwoord', 'Wil je meer vertellen?', 'expert@example.org');
    await t.vault.add(row, 'notitie', 'intern', 'expert@example.org');
    const expert = await expertIdentity(t.accounts, 'expert@example.org', 'lange geheime zin 1');

    // The stand-in gets an account after the case arrived: not a recipient yet.
    await t.accounts.add('vervanger@example.org', 'lange geheime zin 2', t.clock.now(), TEST_WORK_FACTOR);
    const standIn = await expertIdentity(t.accounts, 'vervanger@example.org', 'lange geheime zin 2');
    expect((await t.vault.read(row, [standIn])).map((m) => m.content)).toEqual([undefined, undefined, undefined]);

    // The first expert leaves; the operator encrypts everything again with the recovery identity.
    t.accounts.remove('expert@example.org');
    const before = t.cases.messages(row.id).map((m) => Buffer.from(m.body).toString('base64'));
    expect(await t.vault.reencryptAll(t.recovery.identity)).toEqual({ cases: 1, messages: 3, unreadable: 0 });
    expect(t.cases.messages(row.id).map((m) => Buffer.from(m.body).toString('base64'))).not.toEqual(before);
    expect(t.notified).toEqual(['concernPerson']);

    expect((await t.vault.read(row, [standIn])).map((m) => m.content)).toEqual([{ bezorgdheid: CANARY }, 'Wil je meer vertellen?', 'intern']);
    expect((await t.vault.read(row, [expert])).map((m) => m.content)).toEqual([undefined, undefined, undefined]);
    expect((await t.vault.read(row, [t.recovery.identity])).map((m) => m.content)).toEqual([{ bezorgdheid: CANARY }, 'Wil je meer vertellen?', 'intern']);
    const found = (await t.vault.findByReceipt(receipt))!;
    expect((await t.vault.read(found.row, [found.identity])).map((m) => m.content)).toEqual([{ bezorgdheid: CANARY }, 'Wil je meer vertellen?', undefined]);
    expect(filesContain(t.dataDir, CANARY)).toEqual([]);
  });

  it('needs the recovery identity: another key changes nothing', async () => {
    const t = await tempVault();
    await t.accounts.add('expert@example.org', 'lange geheime zin 1', t.clock.now(), TEST_WORK_FACTOR);
    const { reference } = await t.vault.open('concernPerson', { bezorgdheid: 'iets' });
    const row = t.cases.byReference(reference)!;
    const before = t.cases.messages(row.id).map((m) => Buffer.from(m.body).toString('base64'));
    const stranger = await newKeyPair();
    expect(await t.vault.reencryptAll(stranger.identity)).toEqual({ cases: 1, messages: 0, unreadable: 1 });
    expect(t.cases.messages(row.id).map((m) => Buffer.from(m.body).toString('base64'))).toEqual(before);
  });
});

describe('receipts', () => {
  it('are typed back with spaces, dots or dashes, and nothing else', () => {
    expect(normaliseReceipt('1234 5678-9012.3456')).toBe('1234567890123456');
    expect(normaliseReceipt('1234 5678 9012 345')).toBeUndefined();
    expect(normaliseReceipt('abcd 5678 9012 3456')).toBeUndefined();
    expect(formatReceipt('1234567890123456')).toBe('1234 5678 9012 3456');
  });
});
