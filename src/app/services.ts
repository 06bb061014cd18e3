/**
 * The contract between the host process (src/server/) and the code that runs inside Astro's
 * request handling (pages, components, src/app/). The host builds these services once and
 * hands them to Astro as `Astro.locals.services`; src/middleware.ts guarantees they exist.
 *
 * Each service is as narrow as the pages need: no database handle, no secret, no settings
 * beyond what a question needs. Types only: the host imports them with `import type`.
 */
import type { FormKind, RouteName, StoredPayload } from '../forms/definition.ts';
import type { BookingAction } from '../forms/booking-decision.ts';
import type { FollowUp, Inbox, Reports } from './cases/services.ts';

export interface AppServices {
  clock: Clock;
  forms: FormGuard;
  submissions: Submissions;
  bookings: Bookings;
  links: BookingLinks;
  /** Confidential reporting (README, "Confidential reporting"; types in src/app/cases/services.ts). */
  reports: Reports;
  followUp: FollowUp;
  inbox: Inbox;
}

/** The host's clock; tests move it (see README, TEST_CLOCK). */
export interface Clock {
  now(): number;
}

export type TokenVerdict = 'ok' | 'too-fast' | 'expired' | 'invalid';

/** What the one form pipeline needs to tell a person from a bot or a flood. */
export interface FormGuard {
  /** A signed token that records when a form was shown. */
  issueToken(): string;
  /** Checks a token; `minFillMs` is how long a person needs at least (0 for a short form). */
  checkToken(token: string | undefined, minFillMs: number): TokenVerdict;
  /**
   * Counts a post of any kind from this client against a generous budget (it stops floods;
   * someone with ten typing mistakes still has room); false when the client is over it.
   */
  allowPost(clientAddress: string): boolean;
  /** Whether this client may store one more submission now (a tight budget); counts nothing. */
  mayStore(clientAddress: string): boolean;
  /** Counts a stored submission against the client's tight budget. */
  stored(clientAddress: string): void;
  /**
   * Marks a valid token as used, inside `submissions.save`'s `during`, so one token stores one
   * submission until it expires; false when it was used already (a replayed post).
   */
  useToken(token: string): boolean;
  /**
   * Stores once per form token, for forms stored outside `submissions` (the concern form's
   * encrypted case). The first post marks the token used and runs `store`; a second post with
   * the same token (a refresh, a resend after Back, a double click) gets the first one's answer
   * while the host remembers it (in memory, as long as a confirmation page lives). Undefined
   * when the token stored something the host no longer remembers.
   */
  storeOnce(token: string, store: () => Promise<string>): Promise<string | undefined>;
  /** How long a person needs at least to fill in a long form. */
  minFillMs: number;
  /** The public origin, accepted as the Origin of form posts. */
  siteOrigin: string;
}

/** A submission as the form pipeline hands it over: validated data, nothing else. */
export interface NewSubmission {
  form: FormKind;
  /** The version of the form's stored payload (`RoutedForm.stored.version`). */
  version: number;
  /** The routing-table entry whose recipients receive it; the host knows the addresses. */
  route: RouteName;
  payload: unknown;
  /** Messages beyond the routed recipients, e.g. an acknowledgement to the sender. */
  extraMessages: { message: string; recipient: string }[];
  /**
   * The routed recipients get it later, not now: a workshop request reaches the coordinator
   * only once the school confirmed its address (`Bookings.confirmAddress`).
   */
  routeLater?: boolean;
  /**
   * The form token it was sent with. A second submission with the same token (a refresh, a
   * resend after Back) is not stored again: `save` returns the first one's reference.
   */
  token?: string;
}

export interface Submissions {
  /**
   * Stores a submission and its delivery jobs durably, in one transaction, and returns its new
   * reference only after the commit. `during` runs inside that transaction with the reference
   * (e.g. to take a workshop place) and may throw to abort: then nothing is stored.
   */
  save(submission: NewSubmission, during?: (reference: string) => void): string;
  /**
   * The stored payload of a submission, parsed with the stored schema of its form; undefined
   * when it was erased. An unreadable payload (another version, another shape) throws after
   * the host alerted the operator.
   */
  payload<Data>(reference: string, stored: StoredPayload<Data>): Data | undefined;
}

/**
 * 'unconfirmed': the school has not confirmed its e-mail address yet; holds no session.
 * 'requested': address confirmed, waiting for the coordinator; holds a session.
 * 'confirmed' / 'declined': the coordinator decided. 'expired': nobody decided in time.
 */
export type BookingStatus = 'unconfirmed' | 'requested' | 'confirmed' | 'declined' | 'expired';

export interface Booking {
  reference: string;
  period: string;
  workshop: string;
  status: BookingStatus;
  /** The day and times the coordinator chose, once confirmed. */
  sessionDate?: string;
  startsAt?: string;
  endsAt?: string;
  /** Why the coordinator declined; erased together with the submission. */
  reason?: string;
  createdAt: number;
  /** When the school confirmed its e-mail address: the request went to the coordinator then. */
  addressConfirmedAt?: number;
  decidedAt?: number;
}

export interface SessionChoice {
  date: string;
  startsAt: string;
  endsAt: string;
}

export interface Bookings {
  /** Sessions held per period by requested and confirmed bookings. */
  takenByPeriod(): Map<string, number>;
  /**
   * Records a new request that holds no session yet, or says why it is refused. Only inside
   * `submissions.save`'s `during` (the checks and the insert are one transaction).
   */
  open(request: NewBookingRequest): OpenRefusal | undefined;
  /**
   * The school confirmed its address: checks room and duplicates, takes the session and queues
   * the request for the coordinator, in one transaction.
   */
  confirmAddress(reference: string, capacity: number): AddressOutcome;
  get(reference: string): Booking | undefined;
  /**
   * The days the school asked for, in order of preference, so its confirmation page can repeat
   * them; undefined once the request was erased. Nothing else of the stored request.
   */
  preferredDays(reference: string): string[] | undefined;
  /** Confirms an undecided booking and queues the school's mail in one transaction; false when decided already. */
  confirm(reference: string, choice: SessionChoice): boolean;
  /** Declines an undecided booking (freeing its place) and queues the school's mail; false when decided already. */
  decline(reference: string, reason: string): boolean;
}

export interface NewBookingRequest {
  reference: string;
  period: string;
  workshop: string;
  /** Sessions in the period. */
  capacity: number;
  school: string;
  andereSchool?: string;
  email: string;
  /** Who sent it: counted in memory only (per-client cap), never stored. */
  clientAddress: string;
}

/**
 * Why a new request is refused: the period is full; the school has an open request for this
 * workshop with the coordinator; this address already sent it and has not confirmed; this
 * client has too many open requests.
 */
export type OpenRefusal = 'full' | 'duplicate' | 'already-sent' | 'client-limit';

/** What the school's click on "bevestig mijn e-mailadres" did. */
export type AddressOutcome = 'confirmed' | 'already' | 'full' | 'duplicate' | 'gone';

export type LinkVerdict = { ok: true; action: BookingAction; expiresAt: number } | { ok: false; reason: 'invalid' | 'expired' };

/** The coordinator's signed links; the secret that signs them stays in the host. */
export interface BookingLinks {
  /** The path of a link for `action` on `reference`, valid until `expiresAt`. */
  path(reference: string, action: BookingAction, expiresAt: number): string;
  verify(reference: string, segment: string): LinkVerdict;
  /** Checks the last segment of the school's link to confirm its address. */
  verifyAddress(reference: string, segment: string): { ok: true; expiresAt: number } | { ok: false; reason: 'invalid' | 'expired' };
}
