import { randomBytes } from 'node:crypto';

/**
 * Short-lived values behind opaque random tokens (or keys the caller chose), in this process's memory only: expert
 * sessions (with the unwrapped key), a reporter's open case, the one-time receipt page.
 * Nothing of it reaches the disk, and a restart forgets it all.
 */
export class MemoryTokens<T> {
  readonly #entries = new Map<string, { value: T; lastUsed: number; created: number }>();
  readonly #now: () => number;
  /** Expires after this long without use. */
  readonly idleMs: number;
  /** Expires after this long whatever happens. */
  readonly maxMs: number;

  constructor(now: () => number, idleMs: number, maxMs = idleMs) {
    this.#now = now;
    this.idleMs = idleMs;
    this.maxMs = maxMs;
  }

  create(value: T): string {
    const token = randomBytes(32).toString('base64url');
    this.set(token, value);
    return token;
  }

  /** Keeps a value under a key the caller chose (e.g. a hash of a form token). */
  set(key: string, value: T): void {
    this.#sweep();
    const now = this.#now();
    this.#entries.set(key, { value, lastUsed: now, created: now });
  }

  /** The value behind a token, or undefined when unknown or expired; `touch` keeps it alive. */
  get(token: string | undefined, { touch = true } = {}): T | undefined {
    if (!token) return undefined;
    const entry = this.#entries.get(token);
    if (!entry) return undefined;
    const now = this.#now();
    if (now - entry.lastUsed >= this.idleMs || now - entry.created >= this.maxMs) {
      this.#entries.delete(token);
      return undefined;
    }
    if (touch) entry.lastUsed = now;
    return entry.value;
  }

  /** Takes a value out: the token works once. */
  take(token: string | undefined): T | undefined {
    const value = this.get(token);
    if (value !== undefined) this.#entries.delete(token!);
    return value;
  }

  delete(token: string): void {
    this.#entries.delete(token);
  }

  deleteWhere(match: (value: T) => boolean): void {
    for (const [token, entry] of this.#entries) if (match(entry.value)) this.#entries.delete(token);
  }

  #sweep(): void {
    const now = this.#now();
    for (const [token, entry] of this.#entries) {
      if (now - entry.lastUsed >= this.idleMs || now - entry.created >= this.maxMs) this.#entries.delete(token);
    }
  }
}
