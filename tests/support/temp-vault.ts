import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newKeyPair } from '../../src/server/cases/age-box.ts';
import { AccountStore } from '../../src/server/cases/accounts.ts';
import { CaseStore } from '../../src/server/cases/case-store.ts';
import { CaseVault } from '../../src/server/cases/vault.ts';
import { openDatabase, transaction } from '../../src/server/storage/database.ts';

/** Cheap scrypt for tests: the format and code paths are the same, only slower in production. */
export const TEST_WORK_FACTOR = 10;

/** A real vault on a real SQLite database in a fresh DATA_DIR, with a recovery key and a movable clock. */
export async function tempVault(routing: Record<string, string[]> = { concernPerson: ['expert@example.org'], question: ['vragen@example.org'] }) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'aanspreekpunt-vault-'));
  const db = openDatabase(dataDir);
  const cases = new CaseStore(db);
  const accounts = new AccountStore(db);
  const recovery = await newKeyPair();
  let now = 1_700_000_000_000;
  const notified: string[] = [];
  const vault = new CaseVault({
    cases,
    accounts,
    recoveryRecipient: () => recovery.recipient,
    routing,
    now: () => now,
    atomically: (kind, notify, work) =>
      transaction(db, () => {
        work();
        if (notify) notified.push(kind);
      }),
    receiptWorkFactor: TEST_WORK_FACTOR,
    receiptHashCost: 2 ** 10,
  });
  return { dataDir, db, cases, accounts, vault, recovery, notified, clock: { now: () => now, advance: (ms: number) => (now += ms) } };
}
