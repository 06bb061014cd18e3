import { createHmac, randomBytes } from 'node:crypto';

/**
 * Counts submissions per client in a sliding window, in memory only. The client's address is
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
    const id = createHmac('sha256', this.#key).update(clientAddress).digest('base64url');
    const recent = (this.#hits.get(id) ?? []).filter((t) => now - t < this.windowMs);
    const allowed = recent.length < this.limit;
    if (allowed) recent.push(now);
    this.#hits.set(id, recent);
    if (this.#hits.size > 10_000) this.#sweep(now);
    return allowed;
  }

  #sweep(now: number): void {
    for (const [id, times] of this.#hits) if (times.every((t) => now - t >= this.windowMs)) this.#hits.delete(id);
  }
}
