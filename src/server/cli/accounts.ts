/**
 * `npm run accounts -- add <address> | remove <address> | list | unlock <address>`
 *
 * Expert accounts are made here, by an operator, never on the site. `add` asks for the
 * passphrase twice on a terminal, or reads it from the first line of stdin. The address must be
 * in the routing table (src/settings.ts) of the kinds the expert handles.
 */
import { readServerConfig } from '../config.ts';
import { openDatabase } from '../storage/database.ts';
import { AccountStore, MIN_PASSPHRASE_LENGTH } from '../cases/accounts.ts';
import { PASSPHRASE_WORK_FACTOR } from '../cases/age-box.ts';
import { settings } from '../../settings.ts';
import { promptHidden, readStdin } from './prompt.ts';
import { reportRouting } from '../cases/start.ts';

const [command, email] = process.argv.slice(2);
const config = readServerConfig();
const db = openDatabase(config.dataDir);
const accounts = new AccountStore(db);
const kindsOf = (address: string) =>
  Object.entries(reportRouting(settings.routing))
    .filter(([, list]) => list.some((a) => a.toLowerCase() === address.toLowerCase()))
    .map(([kind]) => kind);

async function passphrase(): Promise<string> {
  if (!process.stdin.isTTY) return (await readStdin()).split('\n')[0]!.replace(/\r$/, '');
  const first = await promptHidden(`Passphrase for ${email} (at least ${MIN_PASSPHRASE_LENGTH} characters): `);
  const second = await promptHidden('The same passphrase again: ');
  if (first !== second) throw new Error('The two passphrases differ; nothing was created.');
  return first;
}

try {
  if (command === 'add' && email) {
    const kinds = kindsOf(email);
    const workFactor = Number(process.env.ACCOUNT_SCRYPT_WORK_FACTOR) || PASSPHRASE_WORK_FACTOR;
    await accounts.add(email, await passphrase(), Date.now(), workFactor);
    console.log(`Account ${email} created. It receives: ${kinds.length ? kinds.join(', ') : 'nothing yet (add the address to routing in src/settings.ts)'}.`);
    console.log('At the first login the expert sets up an authenticator app. New cases are encrypted for this account from now on; for older ones, run npm run recover -- --reencrypt with the recovery identity.');
  } else if (command === 'remove' && email) {
    if (!accounts.remove(email)) throw new Error(`There is no account for ${email}.`);
    console.log(`Account ${email} removed. Its sessions end at their next request. Its cases stay readable with the recovery key (npm run recover); npm run recover -- --reencrypt takes its key off them.`);
  } else if (command === 'unlock' && email) {
    const account = accounts.byEmail(email);
    if (!account) throw new Error(`There is no account for ${email}.`);
    accounts.clearFailures(account.id);
    console.log(`Account ${email} unlocked.`);
  } else if (command === 'list') {
    const all = accounts.all();
    if (all.length === 0) console.log('No accounts yet: npm run accounts -- add <address>');
    for (const a of all) {
      const locked = a.lockedUntil > Date.now() ? `, locked until ${new Date(a.lockedUntil).toISOString()}` : '';
      console.log(`${a.email}  receives: ${kindsOf(a.email).join(', ') || '-'}  second factor: ${a.totpSecret ? 'set up' : 'at first login'}${locked}`);
    }
  } else {
    console.log('Usage: npm run accounts -- add <address> | remove <address> | unlock <address> | list');
    process.exitCode = 2;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  db.close();
}
