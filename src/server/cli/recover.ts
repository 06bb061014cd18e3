/**
 * `npm run recover -- <reference> [--identity <file>]`
 * `npm run recover -- --reencrypt [--identity <file>]`
 *
 * Reads a case with the city's recovery identity, e.g. after an expert's account was removed or
 * a passphrase forgotten. The identity (AGE-SECRET-KEY-1…) comes from the file or, without one,
 * from stdin, so it never lands in the shell history. Prints the case to stdout; writes nothing.
 *
 * With `--reencrypt`, every case is encrypted again to the recipients its kind has now (the
 * expert accounts, the current recovery key, the reporter's case key): run it after adding or
 * removing an account, or after replacing the recovery key. It prints only counts.
 */
import { readFileSync } from 'node:fs';
import { readServerConfig } from '../config.ts';
import { openDatabase } from '../storage/database.ts';
import { CaseStore } from '../cases/case-store.ts';
import { decryptWith } from '../cases/age-box.ts';
import { readStdin } from './prompt.ts';
import { CaseVault } from '../cases/vault.ts';
import { AccountStore } from '../cases/accounts.ts';
import { readRecoveryKey } from '../cases/recovery-key.ts';
import { reportRouting } from '../cases/start.ts';
import { transaction } from '../storage/database.ts';
import { settings } from '../../settings.ts';

const args = process.argv.slice(2);
const reencrypt = args.includes('--reencrypt');
const reference = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--identity')?.replace(/\s/g, '').toUpperCase();
const identityFile = args.includes('--identity') ? args[args.indexOf('--identity') + 1] : undefined;
if (!reference && !reencrypt) {
  console.log('Usage: npm run recover -- <reference> | --reencrypt  [--identity <file>]   (without --identity, the identity is read from stdin)');
  process.exit(2);
}
const identity = /AGE-SECRET-KEY-1[0-9A-Z]+/.exec(identityFile ? readFileSync(identityFile, 'utf8') : await readStdin())?.[0];
if (!identity) {
  console.error('No age identity (AGE-SECRET-KEY-1…) found.');
  process.exit(1);
}
const config = readServerConfig();
const db = openDatabase(config.dataDir);
try {
  const cases = new CaseStore(db);
  if (reencrypt) {
    const recovery = readRecoveryKey(config.dataDir);
    if (!recovery) throw new Error('There is no recovery key in DATA_DIR: npm run recovery-key -- create');
    const vault = new CaseVault({
      cases,
      accounts: new AccountStore(db),
      routing: reportRouting(settings.routing),
      now: Date.now,
      recoveryRecipient: () => recovery.recipient,
      atomically: (_kind, _notify, work) => transaction(db, work),
    });
    const done = await vault.reencryptAll(identity);
    console.log(`Encrypted ${done.messages} message(s) in ${done.cases} case(s) again for today's recipients.`);
    if (done.unreadable > 0) {
      console.error(`${done.unreadable} message(s) were not encrypted to this identity and were left as they are: use the recovery identity they were made with.`);
      process.exitCode = 1;
    }
  } else {
    const row = cases.byReference(reference!);
    if (!row) throw new Error(`There is no case ${reference} (it may have been erased after its retention period).`);
    console.log(`Case ${row.reference} · ${row.kind} · ${row.status} · received ${new Date(row.createdAt).toISOString()}\n`);
    for (const message of cases.messages(row.id)) {
      const text = await decryptWith([identity], message.body);
      console.log(`--- ${message.author}${message.account ? ` (${message.account})` : ''} · ${new Date(message.createdAt).toISOString()}`);
      console.log(text === undefined ? '[not encrypted to this recovery key]' : JSON.stringify(JSON.parse(text), null, 2));
      console.log('');
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  db.close();
}
