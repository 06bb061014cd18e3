/**
 * `npm run recovery-key -- create [--replace]`
 *
 * Makes the city's recovery key: prints its secret identity ONCE and stores only the public
 * recipient in DATA_DIR. Every case from then on is also encrypted to it. Keep the secret offline
 * (on paper in a safe, or on an encrypted stick), never on the server.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { readServerConfig } from '../config.ts';
import { createRecoveryKey, DEVELOPMENT_IDENTITY_FILE } from '../cases/recovery-key.ts';

const [command, flag] = process.argv.slice(2);
if (command !== 'create') {
  console.log('Usage: npm run recovery-key -- create [--replace]');
  process.exit(2);
}
const { dataDir } = readServerConfig();
try {
  const keys = await createRecoveryKey(dataDir, { replace: flag === '--replace' });
  rmSync(path.join(dataDir, DEVELOPMENT_IDENTITY_FILE), { force: true });
  console.log('The secret recovery identity. It is shown only now: copy it to where the city keeps it offline.\n');
  console.log(keys.identity);
  console.log(`\nPublic recipient (stored in ${path.join(dataDir, 'recovery-key.pub')}): ${keys.recipient}`);
  console.log('Cases received from now on are encrypted to this key. Restart the server to be sure it uses it. Keep an older recovery key as long as cases made with it exist.');
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
