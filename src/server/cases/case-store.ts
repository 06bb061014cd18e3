import type { DatabaseSync } from 'node:sqlite';
import { transaction } from '../storage/database.ts';

export type CaseStatus = 'nieuw' | 'in-behandeling' | 'afgesloten';
/** melding: the report itself · melder: a later message of the reporter · antwoord: the expert's reply · notitie: internal. */
export type MessageAuthor = 'melding' | 'melder' | 'antwoord' | 'notitie';

export interface CaseRow {
  id: number;
  reference: string;
  kind: string;
  status: CaseStatus;
  unread: boolean;
  reporterRecipient: string | undefined;
  createdAt: number;
  lastMessageAt: number;
  closedAt: number | undefined;
}

export interface MessageRow {
  id: number;
  author: MessageAuthor;
  account: string | undefined;
  body: Uint8Array;
  createdAt: number;
}

export interface AccessRow {
  account: string;
  action: string;
  at: number;
}

interface RawCase {
  id: number;
  reference: string;
  kind: string;
  status: CaseStatus;
  unread: number;
  reporter_recipient: string | null;
  created_at: number;
  last_message_at: number;
  closed_at: number | null;
}

const caseColumns = 'id, reference, kind, status, unread, reporter_recipient, created_at, last_message_at, closed_at';
const toCase = (r: RawCase): CaseRow => ({
  id: r.id,
  reference: r.reference,
  kind: r.kind,
  status: r.status,
  unread: r.unread === 1,
  reporterRecipient: r.reporter_recipient ?? undefined,
  createdAt: r.created_at,
  lastMessageAt: r.last_message_at,
  closedAt: r.closed_at ?? undefined,
});

/**
 * Cases in SQLite: ciphertext, and only the facts needed to route, list and erase them (kind,
 * status, times). No plaintext of a report ever reaches this class.
 */
export class CaseStore {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  /** A value kept with the data it protects (e.g. the receipt salt), created on first use. */
  vaultValue(name: string, create: () => Uint8Array): Uint8Array {
    const row = this.#db.prepare('SELECT value FROM vault WHERE name = ?').get(name) as { value: Uint8Array } | undefined;
    if (row) return row.value;
    const value = create();
    this.#db.prepare('INSERT OR IGNORE INTO vault (name, value) VALUES (?, ?)').run(name, value);
    return (this.#db.prepare('SELECT value FROM vault WHERE name = ?').get(name) as { value: Uint8Array }).value;
  }

  /** Inserts a new case with its first (encrypted) message. Call it inside a transaction (see CaseVault). */
  insertCase(c: { reference: string; kind: string; receiptHash: string; reporterKey: Uint8Array; reporterRecipient: string; body: Uint8Array }, now: number): void {
    const { lastInsertRowid } = this.#db
      .prepare('INSERT INTO cases (reference, kind, receipt_hash, reporter_key, reporter_recipient, created_at, last_message_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(c.reference, c.kind, c.receiptHash, c.reporterKey, c.reporterRecipient, now, now);
    this.#db.prepare("INSERT INTO case_messages (case_id, author, body, created_at) VALUES (?, 'melding', ?, ?)").run(lastInsertRowid, c.body, now);
  }

  byReference(reference: string): CaseRow | undefined {
    const row = this.#db.prepare(`SELECT ${caseColumns} FROM cases WHERE reference = ?`).get(reference) as RawCase | undefined;
    return row && toCase(row);
  }

  byReceiptHash(hash: string): (CaseRow & { reporterKey: Uint8Array }) | undefined {
    const row = this.#db.prepare(`SELECT ${caseColumns}, reporter_key FROM cases WHERE receipt_hash = ?`).get(hash) as (RawCase & { reporter_key: Uint8Array | null }) | undefined;
    return row?.reporter_key ? { ...toCase(row), reporterKey: row.reporter_key } : undefined;
  }

  /** Cases of the given kinds, open ones first, newest activity first. */
  list(kinds: readonly string[]): CaseRow[] {
    if (kinds.length === 0) return [];
    const rows = this.#db
      .prepare(
        `SELECT ${caseColumns} FROM cases WHERE kind IN (${kinds.map(() => '?').join(', ')})
          ORDER BY status = 'afgesloten', last_message_at DESC`,
      )
      .all(...kinds) as unknown as RawCase[];
    return rows.map(toCase);
  }

  messages(caseId: number): MessageRow[] {
    const rows = this.#db.prepare('SELECT id, author, account, body, created_at FROM case_messages WHERE case_id = ? ORDER BY id').all(caseId) as unknown as {
      id: number;
      author: MessageAuthor;
      account: string | null;
      body: Uint8Array;
      created_at: number;
    }[];
    return rows.map((r) => ({ id: r.id, author: r.author, account: r.account ?? undefined, body: r.body, createdAt: r.created_at }));
  }

  /**
   * Adds a message; call it inside a transaction (see CaseVault). A message from the reporter
   * marks the case unread and reopens a closed case; a reply moves the retention clock; an
   * internal note changes neither.
   */
  insertMessage(caseId: number, m: { author: MessageAuthor; account?: string; body: Uint8Array }, now: number): void {
    this.#db.prepare('INSERT INTO case_messages (case_id, author, account, body, created_at) VALUES (?, ?, ?, ?, ?)').run(caseId, m.author, m.account ?? null, m.body, now);
    if (m.author === 'melder') {
      this.#db
        .prepare("UPDATE cases SET unread = 1, last_message_at = ?, status = CASE status WHEN 'afgesloten' THEN 'in-behandeling' ELSE status END, closed_at = NULL WHERE id = ?")
        .run(now, caseId);
    } else if (m.author === 'antwoord') {
      this.#db.prepare("UPDATE cases SET last_message_at = ?, status = CASE status WHEN 'nieuw' THEN 'in-behandeling' ELSE status END WHERE id = ?").run(now, caseId);
    }
  }

  /** Replaces a message's ciphertext (encrypted again for other recipients); its content is the same. */
  replaceBody(messageId: number, body: Uint8Array): void {
    this.#db.prepare('UPDATE case_messages SET body = ? WHERE id = ?').run(body, messageId);
  }

  /** An expert opened the case: it is read, and a new case is now being handled. */
  markRead(caseId: number): void {
    this.#db.prepare("UPDATE cases SET unread = 0, status = CASE status WHEN 'nieuw' THEN 'in-behandeling' ELSE status END WHERE id = ?").run(caseId);
  }

  setStatus(caseId: number, status: 'in-behandeling' | 'afgesloten', now: number): void {
    this.#db.prepare('UPDATE cases SET status = ?, closed_at = ? WHERE id = ?').run(status, status === 'afgesloten' ? now : null, caseId);
  }

  /** Who opened or changed a case and when: never what it says. */
  logAccess(caseId: number, account: string, action: string, now: number): void {
    this.#db.prepare('INSERT INTO case_access (case_id, account, action, at) VALUES (?, ?, ?, ?)').run(caseId, account, action, now);
  }

  accessLog(caseId: number): AccessRow[] {
    return this.#db.prepare('SELECT account, action, at FROM case_access WHERE case_id = ? ORDER BY at, id').all(caseId) as unknown as AccessRow[];
  }

  /**
   * Erases closed cases whose last message is older than the retention period: messages,
   * receipt hash, reporter key and access log go with them. The WAL is checkpointed and
   * truncated, so no copy lingers there.
   */
  purgeClosed(now: number, retentionMs: number): number {
    const erased = transaction(this.#db, () => this.#db.prepare("DELETE FROM cases WHERE status = 'afgesloten' AND last_message_at <= ?").run(now - retentionMs).changes);
    if (erased > 0) this.#db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    return Number(erased);
  }

  count(): number {
    return (this.#db.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number }).n;
  }
}
