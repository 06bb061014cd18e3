import { createHmac, randomBytes } from 'node:crypto';

/**
 * Counts events per client in a sliding window, in memory only. The client's address is
 * never stored: the key is an HMAC with a key that lives only in this process, so the
 * counters cannot be turned back into addresses and vanish on restart.
 */
export class RateLimiter {
  readonly #key = randomBytes(32);
  readonly #hits = new Map<string, number[]>();
  readonly limit: number;
  readonly windowMs: number;

  constructor(limit: number, windowMs: number) {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  /** Records a hit and says whether the client is still within its limit. */
  allow(clientAddress: string, now: number): boolean {
    const allowed = this.check(clientAddress, now);
    if (allowed) this.record(clientAddress, now);
    return allowed;
  }

  /** Whether one more hit would be within the limit; records nothing. */
  check(clientAddress: string, now: number): boolean {
    return this.#recent(this.#id(clientAddress), now).length < this.limit;
  }

  record(clientAddress: string, now: number): void {
    const id = this.#id(clientAddress);
    this.#hits.set(id, [...this.#recent(id, now), now]);
    if (this.#hits.size > 10_000) this.#sweep(now);
  }

  #id(clientAddress: string): string {
    return createHmac('sha256', this.#key).update(clientAddress).digest('base64url');
  }

  #recent(id: string, now: number): number[] {
    return (this.#hits.get(id) ?? []).filter((t) => now - t < this.windowMs);
  }

  #sweep(now: number): void {
    for (const [id, times] of this.#hits) if (times.every((t) => now - t >= this.windowMs)) this.#hits.delete(id);
  }
}
