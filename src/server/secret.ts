import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** The server secret in DATA_DIR: part of every backup (README, "Where data goes"). */
export const SECRET_FILE = 'server-secret.key';

/**
 * The server secret that signs form tokens and e-mailed links. Created once in DATA_DIR with
 * owner-only permissions, so signed links keep working across restarts. It belongs in every
 * backup of DATA_DIR: without it, open forms and the coordinator's links stop working. So when
 * the folder already holds submissions (`existingData`) but no key, the server refuses to start
 * instead of quietly making a new one.
 */
export function loadOrCreateSecret(dataDir: string, existingData = false): Buffer {
  const file = path.join(dataDir, SECRET_FILE);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    const existing = readFileSync(file);
    if (existing.length >= 32) return existing;
  } catch {
    // First start: create it below.
  }
  if (existingData) {
    throw new Error(`${file} is missing or damaged, but ${dataDir} holds stored submissions. Restore the key from the same backup as the database (see README, "Where data goes"), then start again. Starting with a new key would break every open form and every coordinator link.`);
  }
  const secret = randomBytes(32);
  writeFileSync(file, secret, { mode: 0o600, flag: 'w' });
  chmodSync(file, 0o600);
  return secret;
}
