import type { DatabaseSync } from 'node:sqlite';
import { transaction } from './database.ts';
import type { StoredPayload } from '../../forms/definition.ts';
import { generateReference } from '../../forms/reference.ts';

export interface StoredSubmission {
  form: string;
  /** The version of the form's stored payload shape. */
  version: number;
  route: string;
  payload: unknown;
  /** One message per recipient; each is delivered (and retried) on its own. */
  messages: { message: string; recipient: string }[];
}

/** SQLITE_CONSTRAINT_PRIMARYKEY: the only error on which a new reference is worth a try. */
const PRIMARY_KEY_TAKEN = 1555;

/** A stored payload that the current code cannot read: an operator must look. */
export class UnreadablePayload extends Error {
  constructor(reference: string, form: string, version: number) {
    super(`the stored payload of ${reference} (${form} v${version}) does not match the current form`);
    this.name = 'UnreadablePayload';
  }
}

export interface DeliveryJob {
  id: number;
  reference: string;
  form: string;
  message: string;
  recipient: string;
  attempts: number;
  /** The stored payload, still to be parsed with the form's stored schema (`readPayload`). */
  payload: unknown;
  version: number;
  createdAt: number;
}

/** What an operator may see of a job: no recipient, no content. */
export interface JobSummary {
  id: number;
  reference: string;
  message: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError?: string;
  nextAttemptAt: number;
  createdAt: number;
}

/**
 * Submissions and their delivery jobs. A submission is written together with its jobs in one
 * transaction, so a stored report always has a way out, and a job never points at nothing.
 */
export class SubmissionStore {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  /**
   * Stores the submission and its delivery jobs durably under a new reference, and returns the
   * reference only after the commit. `during` runs inside the same transaction with that
   * reference (e.g. to reserve a place) and may throw to abort: then nothing is stored.
   */
  save(submission: StoredSubmission, now: number, during: (reference: string) => void = () => undefined): string {
    for (let attempt = 0; ; attempt++) {
      const reference = generateReference();
      try {
        transaction(this.#db, () => {
          this.#db
            .prepare('INSERT INTO submissions (reference, form, payload_version, route, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)')
            .run(reference, submission.form, submission.version, submission.route, JSON.stringify(submission.payload), now);
          during(reference);
          const insertJob = this.#db.prepare('INSERT INTO deliveries (reference, message, recipient, next_attempt_at) VALUES (?, ?, ?, ?)');
          for (const { message, recipient } of submission.messages) insertJob.run(reference, message, recipient, now);
        });
        return reference;
      } catch (error) {
        // Two equal references are astronomically rare (31^8); anything else is a real failure.
        if (attempt < 3 && (error as { errcode?: unknown }).errcode === PRIMARY_KEY_TAKEN) continue;
        throw error;
      }
    }
  }


  /**
   * Adds a follow-up message to an existing submission (e.g. a booking's confirmation mail).
   * `during` runs inside the same transaction (e.g. to record the decision the mail is about)
   * and may throw to abort.
   */
  addMessage(reference: string, message: string, recipient: string, now: number, during: () => void = () => undefined): void {
    transaction(this.#db, () => {
      during();
      this.#db.prepare('INSERT INTO deliveries (reference, message, recipient, next_attempt_at) VALUES (?, ?, ?, ?)').run(reference, message, recipient, now);
      this.#db.prepare('UPDATE submissions SET delivered_at = NULL WHERE reference = ?').run(reference);
    });
  }

  exists(reference: string): boolean {
    return this.#db.prepare('SELECT 1 FROM submissions WHERE reference = ?').get(reference) !== undefined;
  }

  /** The payload of a submission, parsed with its form's stored schema; undefined when erased. */
  payload<Data>(reference: string, stored: StoredPayload<Data>): Data | undefined {
    const row = this.#db.prepare('SELECT form, payload_version, payload FROM submissions WHERE reference = ?').get(reference) as
      | { form: string; payload_version: number; payload: string }
      | undefined;
    return row ? readPayload(stored, { reference, form: row.form, version: row.payload_version, payload: JSON.parse(row.payload) }) : undefined;
  }

  dueJobs(now: number, limit = 20): DeliveryJob[] {
    const rows = this.#db
      .prepare(
        `SELECT d.id, d.reference, s.form, s.payload_version, d.message, d.recipient, d.attempts, s.payload, s.created_at
           FROM deliveries d JOIN submissions s USING (reference)
          WHERE d.status = 'pending' AND d.next_attempt_at <= ?
          ORDER BY d.next_attempt_at, d.id LIMIT ?`,
      )
      .all(now, limit) as { id: number; reference: string; form: string; payload_version: number; message: string; recipient: string; attempts: number; payload: string; created_at: number }[];
    return rows.map(({ payload_version, created_at, ...r }) => ({ ...r, payload: JSON.parse(r.payload), version: payload_version, createdAt: created_at }));
  }

  /** When the next pending job is due, so the worker can sleep until then. */
  nextDueAt(): number | undefined {
    const row = this.#db.prepare("SELECT MIN(next_attempt_at) AS at FROM deliveries WHERE status = 'pending'").get() as { at: number | null };
    return row.at ?? undefined;
  }

  markSent(job: Pick<DeliveryJob, 'id' | 'reference'>, now: number): void {
    transaction(this.#db, () => {
      this.#db.prepare("UPDATE deliveries SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?").run(now, job.id);
      const open = this.#db.prepare("SELECT COUNT(*) AS n FROM deliveries WHERE reference = ? AND status != 'sent'").get(job.reference) as { n: number };
      if (open.n === 0) this.#db.prepare('UPDATE submissions SET delivered_at = ? WHERE reference = ?').run(now, job.reference);
    });
  }

  /** Records a failed attempt: retried at `retryAt`, or given up when `retryAt` is undefined. */
  markFailed(job: Pick<DeliveryJob, 'id'>, errorKind: string, retryAt: number | undefined): void {
    if (retryAt === undefined) {
      this.#db.prepare("UPDATE deliveries SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?").run(errorKind, job.id);
    } else {
      this.#db.prepare('UPDATE deliveries SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?').run(errorKind, retryAt, job.id);
    }
  }

  /**
   * Erases submissions that were delivered longer ago than the retention period. Undelivered
   * and failed ones are never erased. The WAL is checkpointed and truncated afterwards, so
   * no copy of an erased report lingers in the write-ahead log.
   */
  purgeDelivered(now: number, retentionMs: number, keep: (reference: string, form: string) => boolean = () => false): number {
    const candidates = this.#db
      .prepare('SELECT reference, form FROM submissions WHERE delivered_at IS NOT NULL AND delivered_at <= ?')
      .all(now - retentionMs) as { reference: string; form: string }[];
    const erase = candidates.filter((c) => !keep(c.reference, c.form));
    if (erase.length > 0) {
      transaction(this.#db, () => {
        const remove = this.#db.prepare('DELETE FROM submissions WHERE reference = ?');
        for (const { reference } of erase) remove.run(reference);
      });
      this.#walHoldsErased = true;
    }
    // A reader (an operator command, a backup) can block the checkpoint; then the next purge tries again.
    if (this.#walHoldsErased) {
      const result = this.#db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get() as { busy: number; log: number; checkpointed: number };
      this.#walHoldsErased = result.busy !== 0 || result.log !== result.checkpointed;
    }
    return erase.length;
  }

  #walHoldsErased = false;

  /** Undelivered jobs (pending or given up) of submissions stored before `before`; content-free. */
  undeliveredSince(before: number): JobSummary[] {
    return this.#jobs("d.status != 'sent' AND s.created_at <= ?", before);
  }

  /** Every job that is not sent yet, oldest first; content-free, for the operator command. */
  undelivered(): JobSummary[] {
    return this.#jobs("d.status != 'sent'");
  }

  #jobs(where: string, ...params: number[]): JobSummary[] {
    const rows = this.#db
      .prepare(
        `SELECT d.id, d.reference, d.message, d.status, d.attempts, d.last_error, d.next_attempt_at, s.created_at
           FROM deliveries d JOIN submissions s USING (reference) WHERE ${where} ORDER BY s.created_at, d.id`,
      )
      .all(...params) as { id: number; reference: string; message: string; status: JobSummary['status']; attempts: number; last_error: string | null; next_attempt_at: number; created_at: number }[];
    return rows.map((r) => ({ id: r.id, reference: r.reference, message: r.message, status: r.status, attempts: r.attempts, lastError: r.last_error ?? undefined, nextAttemptAt: r.next_attempt_at, createdAt: r.created_at }));
  }

  /**
   * Puts given-up jobs back in the queue, due now: `ids`, or every failed job when omitted
   * (at start-up, so a restart never forgets them). Returns how many were queued.
   */
  requeueFailed(now: number, ids?: number[]): number {
    if (ids === undefined) return Number(this.#db.prepare("UPDATE deliveries SET status = 'pending', next_attempt_at = ? WHERE status = 'failed'").run(now).changes);
    const requeue = this.#db.prepare("UPDATE deliveries SET status = 'pending', next_attempt_at = ? WHERE id = ? AND status != 'sent'");
    return transaction(this.#db, () => ids.reduce((n, id) => n + Number(requeue.run(now, id).changes), 0));
  }

  counts(): { submissions: number; pending: number; sent: number; failed: number } {
    const submissions = (this.#db.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n;
    const byStatus = Object.fromEntries(
      (this.#db.prepare('SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status').all() as { status: string; n: number }[]).map((r) => [r.status, r.n]),
    );
    return { submissions, pending: byStatus.pending ?? 0, sent: byStatus.sent ?? 0, failed: byStatus.failed ?? 0 };
  }
}

/** Parses a stored payload with the current stored schema; throws `UnreadablePayload` when it does not fit. */
export function readPayload<Data>(stored: StoredPayload<Data>, row: { reference: string; form: string; version: number; payload: unknown }): Data {
  const parsed = row.version === stored.version ? stored.schema.safeParse(row.payload) : undefined;
  if (!parsed?.success) throw new UnreadablePayload(row.reference, row.form, row.version);
  return parsed.data;
}
