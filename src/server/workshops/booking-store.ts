import type { DatabaseSync } from 'node:sqlite';
import type { Booking, BookingStatus, SessionChoice } from '../../app/services.ts';

export type { Booking, BookingStatus, SessionChoice } from '../../app/services.ts';

/**
 * The places in the booking periods. A requested or confirmed booking holds one session of
 * its period; a declined one gives it back. Every method is one SQL statement (or runs inside
 * the caller's transaction), so capacity holds under concurrent requests.
 */
export class BookingStore {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  /**
   * Takes a place in the period, or returns false when the period is full. Must run inside
   * the transaction that stores the submission (handleForm's `reserve`), so the count and the
   * insert cannot be separated by another request.
   */
  reserve(booking: { reference: string; period: string; workshop: string }, capacity: number, now: number): boolean {
    if (this.taken(booking.period) >= capacity) return false;
    this.#db
      .prepare('INSERT INTO workshop_bookings (reference, period, workshop, created_at) VALUES (?, ?, ?, ?)')
      .run(booking.reference, booking.period, booking.workshop, now);
    return true;
  }

  /** Sessions held in a period by requested and confirmed bookings. */
  taken(period: string): number {
    const row = this.#db.prepare("SELECT COUNT(*) AS n FROM workshop_bookings WHERE period = ? AND status IN ('requested', 'confirmed')").get(period) as { n: number };
    return row.n;
  }

  /** Sessions held per period, for the availability overview. */
  takenByPeriod(): Map<string, number> {
    const rows = this.#db
      .prepare("SELECT period, COUNT(*) AS n FROM workshop_bookings WHERE status IN ('requested', 'confirmed') GROUP BY period")
      .all() as { period: string; n: number }[];
    return new Map(rows.map((r) => [r.period, r.n]));
  }

  get(reference: string): Booking | undefined {
    const row = this.#db
      .prepare(
        `SELECT b.reference, b.period, b.workshop, b.status, b.session_date, b.starts_at, b.ends_at, b.created_at, b.decided_at, r.reason
           FROM workshop_bookings b LEFT JOIN workshop_decline_reasons r USING (reference)
          WHERE b.reference = ?`,
      )
      .get(reference) as
      | { reference: string; period: string; workshop: string; status: BookingStatus; session_date: string | null; starts_at: string | null; ends_at: string | null; created_at: number; decided_at: number | null; reason: string | null }
      | undefined;
    if (!row) return undefined;
    return {
      reference: row.reference,
      period: row.period,
      workshop: row.workshop,
      status: row.status,
      sessionDate: row.session_date ?? undefined,
      startsAt: row.starts_at ?? undefined,
      endsAt: row.ends_at ?? undefined,
      reason: row.reason ?? undefined,
      createdAt: row.created_at,
      decidedAt: row.decided_at ?? undefined,
    };
  }

  /** True while the coordinator has not decided; such a booking's data must not be erased yet. */
  isUndecided(reference: string): boolean {
    return this.#db.prepare("SELECT 1 FROM workshop_bookings WHERE reference = ? AND status = 'requested'").get(reference) !== undefined;
  }

  /** Confirms a booking that is still undecided; false when it was decided already. */
  confirm(reference: string, choice: SessionChoice, now: number): boolean {
    const result = this.#db
      .prepare("UPDATE workshop_bookings SET status = 'confirmed', session_date = ?, starts_at = ?, ends_at = ?, decided_at = ? WHERE reference = ? AND status = 'requested'")
      .run(choice.date, choice.startsAt, choice.endsAt, now, reference);
    return result.changes === 1;
  }

  /** Declines a booking that is still undecided, which frees its place; false when it was decided already. */
  decline(reference: string, reason: string, now: number): boolean {
    const result = this.#db.prepare("UPDATE workshop_bookings SET status = 'declined', decided_at = ? WHERE reference = ? AND status = 'requested'").run(now, reference);
    if (result.changes !== 1) return false;
    this.#db.prepare('INSERT INTO workshop_decline_reasons (reference, reason) VALUES (?, ?)').run(reference, reason);
    return true;
  }
}
