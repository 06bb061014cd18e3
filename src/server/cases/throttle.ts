import { createHmac, randomBytes } from 'node:crypto';

/**
 * How long to wait after `failures` failed attempts in a row: the first `free` cost nothing
 * (typing errors), then the wait doubles from `baseMs` up to `maxMs`. Slows guessing to a crawl
 * and locks it out for a day at most, without locking out a person who mistypes twice.
 */
export function waitAfter(failures: number, { free = 2, baseMs = 30_000, maxMs = 24 * 60 * 60_000 } = {}): number {
  if (failures <= free) return 0;
  return Math.min(baseMs * 2 ** (failures - free - 1), maxMs);
}

/**
 * Failed attempts per client, in memory. The client's address is never kept: the key is an
 * HMAC with a key that lives only in this process (as in the form rate limiter).
 */
export class FailureThrottle {
  readonly #key = randomBytes(32);
  readonly #clients = new Map<string, { failures: number; until: number }>();
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** Milliseconds this client still has to wait; 0 when it may try. */
  wait(client: string): number {
    const entry = this.#clients.get(this.#id(client));
    return entry ? Math.max(0, entry.until - this.#now()) : 0;
  }

  fail(client: string): void {
    const id = this.#id(client);
    const failures = (this.#clients.get(id)?.failures ?? 0) + 1;
    this.#clients.set(id, { failures, until: this.#now() + waitAfter(failures) });
    if (this.#clients.size > 10_000) this.#sweep();
  }

  succeed(client: string): void {
    this.#clients.delete(this.#id(client));
  }

  #id(client: string): string {
    return createHmac('sha256', this.#key).update(client).digest('base64url');
  }

  #sweep(): void {
    const now = this.#now();
    for (const [id, entry] of this.#clients) if (entry.until < now - 24 * 60 * 60_000) this.#clients.delete(id);
  }
}
