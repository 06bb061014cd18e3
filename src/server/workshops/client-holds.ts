import { createHmac, randomBytes } from 'node:crypto';

/**
 * Which open workshop requests each client sent, in memory only, so that one client cannot
 * keep a pile of requests open. As in the rate limiter, the client's address is never stored:
 * the key is an HMAC with a key that lives only in this process, and it vanishes on restart
 * (the cap is a brake on abuse, not a record). Whether a request is still open is asked of
 * the database each time, so a confirmed, decided or lapsed request stops counting at once.
 */
export class ClientHolds {
  readonly #key = randomBytes(32);
  readonly #requests = new Map<string, string[]>();
  readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  /** True while this client has fewer than `limit` open requests. */
  allows(clientAddress: string, isOpen: (reference: string) => boolean): boolean {
    const id = this.#id(clientAddress);
    const open = (this.#requests.get(id) ?? []).filter(isOpen);
    if (open.length === 0) this.#requests.delete(id);
    else this.#requests.set(id, open);
    return open.length < this.limit;
  }

  add(clientAddress: string, reference: string): void {
    const id = this.#id(clientAddress);
    this.#requests.set(id, [...(this.#requests.get(id) ?? []), reference]);
  }

  /** Forgets clients without open requests, so the map stays small (the periodic job calls it). */
  sweep(isOpen: (reference: string) => boolean): void {
    for (const [id, references] of this.#requests) if (!references.some(isOpen)) this.#requests.delete(id);
  }

  #id(clientAddress: string): string {
    return createHmac('sha256', this.#key).update(clientAddress).digest('base64url');
  }
}
