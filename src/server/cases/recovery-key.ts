import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { securePrivateDataDir } from '../storage/data-dir.ts';
import { newKeyPair, type KeyPair } from './age-box.ts';

/**
 * The city's recovery key: every case is also encrypted to it, so a case stays readable when an
 * expert forgets a passphrase or leaves. Only its public half (the recipient) lives on the
 * server, in DATA_DIR/recovery-key.pub; the secret half is printed once by `npm run recovery-key`
 * and kept offline by the city.
 *
 * So that `npm install && npm start` works without a manual step, a first start without a
 * recovery key creates a DEVELOPMENT one and leaves its secret in DATA_DIR: that protects
 * nothing, so the server warns loudly, and refuses to start with an https SITE_URL while it is there.
 */
export const RECIPIENT_FILE = 'recovery-key.pub';
export const DEVELOPMENT_IDENTITY_FILE = 'recovery-key.DEVELOPMENT-ONLY.txt';

export interface RecoveryKey {
  recipient: string;
  /** True while the secret half sits next to the data (the embedded development default). */
  development: boolean;
}

export function readRecoveryKey(dataDir: string): RecoveryKey | undefined {
  const file = path.join(dataDir, RECIPIENT_FILE);
  if (!existsSync(file)) return undefined;
  const recipient = readFileSync(file, 'utf8').trim();
  if (!/^age1[0-9a-z]{58}$/.test(recipient)) throw new Error(`${file} does not hold an age recipient (age1…).`);
  return { recipient, development: existsSync(path.join(dataDir, DEVELOPMENT_IDENTITY_FILE)) };
}

/** Writes a new recovery key's public half; returns the pair so the caller can show the secret once. */
export async function createRecoveryKey(dataDir: string, { replace = false } = {}): Promise<KeyPair> {
  const file = path.join(dataDir, RECIPIENT_FILE);
  if (existsSync(file) && !replace) throw new Error(`${file} exists already. Pass --replace to make a new recovery key for new cases.`);
  const keys = await newKeyPair();
  writeFileSync(file, `${keys.recipient}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return keys;
}

/** The embedded default for a first start: a development recovery key, secret half in DATA_DIR. */
export async function ensureRecoveryKey(dataDir: string, log: (line: string) => void = console.log): Promise<RecoveryKey> {
  const existing = readRecoveryKey(dataDir);
  if (existing) return existing;
  const keys = await createRecoveryKey(dataDir);
  const secretFile = path.join(dataDir, DEVELOPMENT_IDENTITY_FILE);
  writeFileSync(secretFile, `# DEVELOPMENT recovery identity: delete it and run \`npm run recovery-key -- create --replace\` before real use.\n${keys.identity}\n`, { mode: 0o600 });
  log(`[cases] WARNING: created a DEVELOPMENT recovery key; its secret is in ${secretFile}. Not for real reports: see README "Confidential reporting".`);
  return { recipient: keys.recipient, development: true };
}

/**
 * Start-up: creates the development recovery key on a first start, and refuses to serve a
 * public (https) site while the development key's secret half lies next to the data.
 */
export async function prepareRecoveryKey(config: { dataDir: string; siteUrl: string }): Promise<RecoveryKey> {
  // A fresh clone has no DATA_DIR yet: it is made private (0700) before the key goes in.
  securePrivateDataDir(config.dataDir);
  const key = await ensureRecoveryKey(config.dataDir);
  if (key.development && new URL(config.siteUrl).protocol === 'https:') {
    console.error(`[cases] refusing to start: ${path.join(config.dataDir, DEVELOPMENT_IDENTITY_FILE)} is a DEVELOPMENT recovery key. Run \`npm run recovery-key -- create --replace\`, keep its secret offline, and delete that file.`);
    process.exit(1);
  }
  if (key.development) console.log('[cases] WARNING: the recovery key is a DEVELOPMENT key (its secret is in DATA_DIR); do not take real reports with it.');
  return key;
}
