import type { DatabaseSync } from 'node:sqlite';

/**
 * The ids of form tokens that led to a stored submission, kept until the token expires, so
 * one token stores one submission. `use` runs inside the transaction that stores the
 * submission: the submission and the mark are committed together, or neither.
 */
export class UsedTokens {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
    // Its own table rather than a numbered migration: it only ever holds short-lived ids.
    this.#db.exec('CREATE TABLE IF NOT EXISTS used_form_tokens (id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL) WITHOUT ROWID');
  }

  /** Marks the id as used; false when it was used already. */
  use(id: string, expiresAt: number): boolean {
    return this.#db.prepare('INSERT OR IGNORE INTO used_form_tokens (id, expires_at) VALUES (?, ?)').run(id, expiresAt).changes === 1;
  }

  /** Forgets ids of tokens that expired: they are refused for their age anyway. */
  forgetExpired(now: number): number {
    return Number(this.#db.prepare('DELETE FROM used_form_tokens WHERE expires_at <= ?').run(now).changes);
  }
}
