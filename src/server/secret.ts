import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/**
 * The server secret that signs form tokens and e-mailed links. Created once in DATA_DIR with
 * owner-only permissions, so signed links keep working across restarts.
 */
export function loadOrCreateSecret(dataDir: string): Buffer {
  const file = path.join(dataDir, 'server-secret.key');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    const existing = readFileSync(file);
    if (existing.length >= 32) return existing;
  } catch {
    // First start: create it below.
  }
  const secret = randomBytes(32);
  writeFileSync(file, secret, { mode: 0o600, flag: 'w' });
  chmodSync(file, 0o600);
  return secret;
}
