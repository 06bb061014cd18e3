import type { DatabaseSync } from 'node:sqlite';
import type { AddressOutcome, NewBookingRequest, OpenRefusal } from '../../app/services.ts';
import { OTHER_SCHOOL } from '../../forms/booking-catalogue.ts';
import { LINK_VALIDITY_MS } from '../../forms/booking-decision.ts';
import { storedBooking } from '../../forms/booking-form.ts';
import { BOOKING_MESSAGES } from '../../forms/booking-messages.ts';
import { ADDRESS_CONFIRMATION_MS, DECISION_REMINDER_AFTER_MS } from '../../forms/booking-timing.ts';
import { errorKind } from '../../lib/error-kind.ts';
import { transaction } from '../storage/database.ts';
import type { SubmissionStore } from '../storage/submission-store.ts';
import type { BookingStore } from './booking-store.ts';
import type { ClientHolds } from './client-holds.ts';

/**
 * The life of a workshop request, so that no client can take the sessions from real schools:
 *
 * 1. A new request holds no session. The school gets a signed link to confirm its e-mail address.
 * 2. Confirming the address takes a session, inside one transaction that checks that the period
 *    still has room, and only then is the request mailed to the coordinator.
 * 3. The coordinator confirms or declines (handle-decision.ts).
 *
 * The periodic housekeeping lapses requests whose address was not confirmed in time, reminds the
 * coordinator before their links expire, and releases the session of a request nobody decided
 * on: its personal data is erased and the school is told it may ask again.
 */

export interface HousekeepingReport {
  lapsed: number;
  reminded: number;
  expired: number;
  erased: number;
}

export interface BookingFlowOptions {
  db: DatabaseSync;
  store: SubmissionStore;
  bookings: BookingStore;
  holds: ClientHolds;
  /** Who receives workshop requests (`routing.workshop`). */
  coordinators: readonly string[];
  now(): number;
  /** Called after mail was queued, so it goes out at once. */
  queued(): void;
}

class Refused extends Error {
  readonly outcome: AddressOutcome;
  constructor(outcome: AddressOutcome) {
    super(outcome);
    this.outcome = outcome;
  }
}

/** A school as typed: a listed school by its id; another school by its name, however it is capitalised or spaced. */
function schoolKey(school: string, otherSchool: string | undefined): string {
  if (school !== OTHER_SCHOOL) return school;
  return `${OTHER_SCHOOL}:${(otherSchool ?? '').normalize('NFKC').toLocaleLowerCase('nl').replace(/\s+/g, ' ').trim()}`;
}

export class BookingFlow {
  readonly #o: BookingFlowOptions;

  constructor(options: BookingFlowOptions) {
    this.#o = options;
  }

  /**
   * Records a new, unconfirmed request, or says why not. Must run inside the transaction that
   * stores the submission, so two requests cannot both pass the checks.
   */
  open(request: NewBookingRequest): OpenRefusal | undefined {
    const { bookings, holds } = this.#o;
    // Only address-confirmed requests hold a session; a full period is said at once, so nobody
    // confirms an address for nothing. The final check is at address confirmation.
    if (bookings.taken(request.period) >= request.capacity) return 'full';
    const key = schoolKey(request.school, request.andereSchool);
    const email = request.email.toLowerCase();
    for (const other of bookings.activeRequests(request.period, request.workshop)) {
      if (schoolKey(other.school, other.otherSchool) !== key) continue;
      // A request by someone else whose address is unconfirmed does not block the school:
      // otherwise anyone could block a school by asking in its name with another address.
      if (other.status === 'requested') return 'duplicate';
      if (other.email.toLowerCase() === email) return 'already-sent';
    }
    if (!holds.allows(request.clientAddress, (reference) => bookings.isActive(reference))) return 'client-limit';
    bookings.open(request, this.#o.now());
    holds.add(request.clientAddress, request.reference);
    return undefined;
  }

  /**
   * The school confirmed its address: in one transaction, check that the period still has room
   * and that the school has no other request for this workshop with the coordinator, take the
   * session and queue the request for the coordinator. A request that cannot get a session is
   * erased at once: it reached nobody.
   */
  confirmAddress(reference: string, capacity: number): AddressOutcome {
    const { store, bookings, now } = this.#o;
    try {
      const messages = this.#o.coordinators.map((recipient) => ({ message: BOOKING_MESSAGES.coordinator, recipient }));
      store.addMessages(reference, messages, now(), () => {
        const booking = bookings.get(reference);
        if (!booking) throw new Refused('gone');
        if (booking.status !== 'unconfirmed') throw new Refused('already');
        if (bookings.taken(booking.period) >= capacity) throw new Refused('full');
        const open = bookings.activeRequests(booking.period, booking.workshop);
        const mine = open.find((r) => r.reference === reference);
        if (!mine) throw new Refused('gone');
        const key = schoolKey(mine.school, mine.otherSchool);
        if (open.some((r) => r.status === 'requested' && schoolKey(r.school, r.otherSchool) === key)) throw new Refused('duplicate');
        bookings.confirmAddress(reference, now());
      });
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      if (error.outcome === 'full' || error.outcome === 'duplicate') this.#erase([reference], () => bookings.remove(reference));
      return error.outcome;
    }
    this.#o.queued();
    return 'confirmed';
  }

  /** The periodic job (run with the retention purge): lapse, remind, expire, erase. */
  housekeeping(): HousekeepingReport {
    const { store, bookings, holds, now } = this.#o;
    const at = now();

    const lapsed = bookings.unconfirmedSince(at - ADDRESS_CONFIRMATION_MS);
    this.#erase(lapsed, (reference) => bookings.remove(reference));

    // Reminders carry no personal data: the reference, the workshop and the links.
    // Not for a request whose links have expired already (say, after a long outage): it expires below.
    const reminded = bookings.dueForReminder(at - DECISION_REMINDER_AFTER_MS, at - LINK_VALIDITY_MS).filter((reference) => {
      const messages = this.#o.coordinators.map((recipient) => ({ message: BOOKING_MESSAGES.reminder, recipient }));
      store.addMessages(reference, messages, at, () => bookings.markReminded(reference, at));
      return true;
    });

    const expired = bookings.undecidedSince(at - LINK_VALIDITY_MS).filter((reference) => {
      const school = bookingEmail(store, reference);
      let done = false;
      store.addMessages(reference, school ? [{ message: BOOKING_MESSAGES.expired, recipient: school }] : [], at, () => {
        done = bookings.expire(reference, at);
        // The notice to the school is fixed text about the workshop: it needs nothing the school typed.
        if (done) store.erasePayload(reference);
      });
      return done;
    });

    // Once the notice went out, nothing of the request is left but the counted session.
    const erased = bookings.expiredAndDelivered();
    this.#erase(erased, () => undefined);

    holds.sweep((reference) => bookings.isActive(reference));
    if (reminded.length + expired.length > 0) this.#o.queued();
    if (expired.length > 0) this.#checkpoint();
    return { lapsed: lapsed.length, reminded: reminded.length, expired: expired.length, erased: erased.length };
  }

  /** Erases submissions (with their mails) and whatever else `also` removes, then the WAL copy. */
  #erase(references: string[], also: (reference: string) => void): void {
    if (references.length === 0) return;
    transaction(this.#o.db, () => {
      for (const reference of references) {
        also(reference);
        this.#o.store.remove(reference);
      }
    });
    this.#checkpoint();
  }

  /** No copy of erased data lingers in the write-ahead log (as in the retention purge). */
  #checkpoint(): void {
    this.#o.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  }
}

/**
 * The school's address from a stored request; undefined when it is gone or cannot be read (the
 * request still expires and releases its session; the operator sees why in the log).
 */
function bookingEmail(store: SubmissionStore, reference: string): string | undefined {
  try {
    return store.payload(reference, storedBooking)?.email;
  } catch (error) {
    console.error(`[bookings] ALERT request ${reference} expired, but its school could not be told (${errorKind(error)})`);
    return undefined;
  }
}
