import type { DatabaseSync } from 'node:sqlite';
import type { Booking, BookingStatus, SessionChoice } from '../../app/services.ts';

export type { Booking, BookingStatus, SessionChoice } from '../../app/services.ts';

/** An active request for the same workshop, as needed to spot an identical one. */
export interface ActiveRequest {
  reference: string;
  status: 'unconfirmed' | 'requested';
  school: string;
  otherSchool?: string;
  email: string;
}

/**
 * The places in the booking periods. A request whose address the school confirmed, and a
 * confirmed booking, hold one session of their period; a declined or expired one gives it
 * back. Every method is one SQL statement (or runs inside the caller's transaction), so
 * capacity holds under concurrent requests.
 */
export class BookingStore {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  /** Records a new request, which holds no session until the school confirms its address. */
  open(booking: { reference: string; period: string; workshop: string }, now: number): void {
    this.#db
      .prepare("INSERT INTO workshop_bookings (reference, period, workshop, status, created_at) VALUES (?, ?, ?, 'unconfirmed', ?)")
      .run(booking.reference, booking.period, booking.workshop, now);
  }

  /** The requests for a workshop in a period that are still open, with who asked. */
  activeRequests(period: string, workshop: string): ActiveRequest[] {
    const rows = this.#db
      .prepare(
        `SELECT b.reference, b.status, json_extract(s.payload, '$.school') AS school, json_extract(s.payload, '$.andereSchool') AS other, json_extract(s.payload, '$.email') AS email
           FROM workshop_bookings b JOIN submissions s USING (reference)
          WHERE b.period = ? AND b.workshop = ? AND b.status IN ('unconfirmed', 'requested')`,
      )
      .all(period, workshop) as { reference: string; status: ActiveRequest['status']; school: string | null; other: string | null; email: string | null }[];
    return rows.map((r) => ({ reference: r.reference, status: r.status, school: r.school ?? '', otherSchool: r.other ?? undefined, email: r.email ?? '' }));
  }

  /** The school confirmed its address: the request now holds a session. False when it was not waiting for that. */
  confirmAddress(reference: string, now: number): boolean {
    const result = this.#db.prepare("UPDATE workshop_bookings SET status = 'requested', address_confirmed_at = ? WHERE reference = ? AND status = 'unconfirmed'").run(now, reference);
    return result.changes === 1;
  }

  /** Forgets a request that never held a session (unconfirmed too long, or no room left at confirmation). */
  remove(reference: string): void {
    this.#db.prepare("DELETE FROM workshop_bookings WHERE reference = ? AND status = 'unconfirmed'").run(reference);
  }

  /** Requests whose address was not confirmed before `before`. */
  unconfirmedSince(before: number): string[] {
    return this.column("SELECT reference FROM workshop_bookings WHERE status = 'unconfirmed' AND created_at <= ?", before);
  }

  /** Undecided requests, not reminded yet, that went to the coordinator at or before `before` but after `after`. */
  dueForReminder(before: number, after: number): string[] {
    return this.column("SELECT reference FROM workshop_bookings WHERE status = 'requested' AND reminded_at IS NULL AND address_confirmed_at <= ? AND address_confirmed_at > ?", before, after);
  }

  markReminded(reference: string, now: number): void {
    this.#db.prepare('UPDATE workshop_bookings SET reminded_at = ? WHERE reference = ?').run(now, reference);
  }

  /** Undecided requests that went to the coordinator at or before `before`. */
  undecidedSince(before: number): string[] {
    return this.column("SELECT reference FROM workshop_bookings WHERE status = 'requested' AND address_confirmed_at <= ?", before);
  }

  /** Nobody decided in time: the request gives its session back. False when it was decided meanwhile. */
  expire(reference: string, now: number): boolean {
    return this.#db.prepare("UPDATE workshop_bookings SET status = 'expired', decided_at = ? WHERE reference = ? AND status = 'requested'").run(now, reference).changes === 1;
  }

  /** Expired requests whose notice to the school went out, so their submission can go. */
  expiredAndDelivered(): string[] {
    return this.column("SELECT b.reference FROM workshop_bookings b JOIN submissions s USING (reference) WHERE b.status = 'expired' AND s.delivered_at IS NOT NULL");
  }

  private column(sql: string, ...params: number[]): string[] {
    return (this.#db.prepare(sql).all(...params) as { reference: string }[]).map((r) => r.reference);
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
        `SELECT b.reference, b.period, b.workshop, b.status, b.session_date, b.starts_at, b.ends_at, b.created_at, b.address_confirmed_at, b.decided_at, r.reason
           FROM workshop_bookings b LEFT JOIN workshop_decline_reasons r USING (reference)
          WHERE b.reference = ?`,
      )
      .get(reference) as
      | { reference: string; period: string; workshop: string; status: BookingStatus; session_date: string | null; starts_at: string | null; ends_at: string | null; created_at: number; address_confirmed_at: number | null; decided_at: number | null; reason: string | null }
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
      addressConfirmedAt: row.address_confirmed_at ?? undefined,
      decidedAt: row.decided_at ?? undefined,
    };
  }

  /**
   * True while a request waits for the school's address or the coordinator's decision; its
   * data must not be erased by the retention purge yet (the booking housekeeping handles it).
   */
  isActive(reference: string): boolean {
    return this.#db.prepare("SELECT 1 FROM workshop_bookings WHERE reference = ? AND status IN ('unconfirmed', 'requested')").get(reference) !== undefined;
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
