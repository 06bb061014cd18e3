import type { DatabaseSync } from 'node:sqlite';
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { newKeyPair, PASSPHRASE_WORK_FACTOR, wrapWithPassphrase } from './age-box.ts';

export interface Account {
  id: number;
  email: string;
  /** age1…: what reports for this account are encrypted to. */
  recipient: string;
  /** The account's private identity, wrapped with its passphrase (age scrypt). */
  wrappedIdentity: Uint8Array;
  /** The TOTP secret, encrypted to the account's own recipient; undefined until set up. */
  totpSecret: Uint8Array | undefined;
  /** scrypt hashes of the unused recovery codes. */
  recoveryCodes: string[];
  lastTotpStep: number;
  failedLogins: number;
  lockedUntil: number;
  createdAt: number;
}

interface RawAccount {
  id: number;
  email: string;
  recipient: string;
  wrapped_identity: Uint8Array;
  totp_secret: Uint8Array | null;
  recovery_codes: string;
  last_totp_step: number;
  failed_logins: number;
  locked_until: number;
  created_at: number;
}

const toAccount = (r: RawAccount): Account => ({
  id: r.id,
  email: r.email,
  recipient: r.recipient,
  wrappedIdentity: r.wrapped_identity,
  totpSecret: r.totp_secret ?? undefined,
  recoveryCodes: JSON.parse(r.recovery_codes) as string[],
  lastTotpStep: r.last_totp_step,
  failedLogins: r.failed_logins,
  lockedUntil: r.locked_until,
  createdAt: r.created_at,
});

/** The smallest passphrase an operator may give an account (it protects the account's private key). */
export const MIN_PASSPHRASE_LENGTH = 12;

/**
 * Expert accounts. Created and removed only by the operator command (`npm run accounts`), never
 * by the site. The address is the link to the routing table in the settings: an account whose
 * address is in a kind's routing list is a recipient of that kind's cases.
 */
export class AccountStore {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  async add(email: string, passphrase: string, now: number, workFactor = PASSPHRASE_WORK_FACTOR): Promise<Account> {
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new Error(`The passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`);
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new Error('Give the e-mail address of the account.');
    if (this.byEmail(email)) throw new Error(`There is already an account for ${email}.`);
    const keys = await newKeyPair();
    const wrapped = await wrapWithPassphrase(keys.identity, passphrase, workFactor);
    this.#db.prepare('INSERT INTO accounts (email, recipient, wrapped_identity, created_at) VALUES (?, ?, ?, ?)').run(email, keys.recipient, wrapped, now);
    return this.byEmail(email)!;
  }

  /** Removes the account; its sessions end at their next request. Cases stay readable with the recovery key. */
  remove(email: string): boolean {
    return this.#db.prepare('DELETE FROM accounts WHERE email = ?').run(email).changes > 0;
  }

  byEmail(email: string): Account | undefined {
    const row = this.#db.prepare('SELECT * FROM accounts WHERE email = ?').get(email) as RawAccount | undefined;
    return row && toAccount(row);
  }

  byId(id: number): Account | undefined {
    const row = this.#db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as RawAccount | undefined;
    return row && toAccount(row);
  }

  all(): Account[] {
    return (this.#db.prepare('SELECT * FROM accounts ORDER BY email').all() as unknown as RawAccount[]).map(toAccount);
  }

  setSecondFactor(id: number, totpSecret: Uint8Array, recoveryCodeHashes: string[]): void {
    this.#db.prepare('UPDATE accounts SET totp_secret = ?, recovery_codes = ? WHERE id = ?').run(totpSecret, JSON.stringify(recoveryCodeHashes), id);
  }

  useRecoveryCodes(id: number, remaining: string[]): void {
    this.#db.prepare('UPDATE accounts SET recovery_codes = ? WHERE id = ?').run(JSON.stringify(remaining), id);
  }

  /** Records the TOTP time step just used, so the same code cannot log in twice. */
  setLastTotpStep(id: number, step: number): void {
    this.#db.prepare('UPDATE accounts SET last_totp_step = ? WHERE id = ?').run(step, id);
  }

  recordFailure(id: number, lockedUntil: number): void {
    this.#db.prepare('UPDATE accounts SET failed_logins = failed_logins + 1, locked_until = ? WHERE id = ?').run(lockedUntil, id);
  }

  clearFailures(id: number): void {
    this.#db.prepare('UPDATE accounts SET failed_logins = 0, locked_until = 0 WHERE id = ?').run(id);
  }
}

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: { N: number; r: number; p: number }) => Promise<Buffer>;

/** Ten recovery codes such as "k7f2-9xq4-mt3w", shown once at set-up; stored only as scrypt hashes. */
export function newRecoveryCodes(count = 10): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(12);
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

export async function hashRecoveryCode(code: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(normaliseRecoveryCode(code), salt, 32, { N: 2 ** 14, r: 8, p: 1 });
  return `${salt.toString('base64url')}.${key.toString('base64url')}`;
}

/** The index of the stored hash that `code` matches, or -1. */
export async function matchRecoveryCode(code: string, hashes: readonly string[]): Promise<number> {
  for (const [index, stored] of hashes.entries()) {
    const [salt, key] = stored.split('.');
    const candidate = await scryptAsync(normaliseRecoveryCode(code), Buffer.from(salt!, 'base64url'), 32, { N: 2 ** 14, r: 8, p: 1 });
    if (timingSafeEqual(candidate, Buffer.from(key!, 'base64url'))) return index;
  }
  return -1;
}

export const isRecoveryCode = (input: string): boolean => /^[a-z0-9]{4}-?[a-z0-9]{4}-?[a-z0-9]{4}$/i.test(input.trim());
const normaliseRecoveryCode = (code: string): string => code.trim().toLowerCase().replace(/-/g, '');
