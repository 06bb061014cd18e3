import type { AppServices } from '../app/services.ts';
import type { Settings } from '../schemas/settings.ts';
import { preferredDays, storedBooking } from '../forms/booking-form.ts';
import { BOOKING_MESSAGES } from '../forms/booking-messages.ts';
import { checkFormToken, formTokenKey, issueFormToken, parseFormToken } from './forms/form-token.ts';
import type { RateLimiter } from './forms/rate-limit.ts';
import type { UsedTokens } from './forms/used-tokens.ts';
import type { SubmissionStore } from './storage/submission-store.ts';
import type { BookingStore } from './workshops/booking-store.ts';
import type { BookingFlow } from './workshops/booking-flow.ts';
import { MemoryTokens } from './cases/memory-tokens.ts';
import { CONFIRMATION_MS } from './cases/services.ts';
import { signedLinkPath, verifyAddressLink, verifyLink } from './workshops/signed-link.ts';

export interface AppServiceParts {
  store: SubmissionStore;
  bookings: BookingStore;
  /** Workshop requests: address confirmation, sessions, caps. */
  bookingFlow: BookingFlow;
  /** Every form post per client (generous) and stored submissions per client (tight). */
  rateLimiter: RateLimiter;
  storedLimiter: RateLimiter;
  usedTokens: UsedTokens;
  /** Signs form tokens and the coordinator's links; it never leaves the host. */
  secret: Buffer;
  minFillMs: number;
  siteOrigin: string;
  routing: Settings['routing'];
  now(): number;
  /** Called after anything was queued for delivery, so it goes out at once. */
  queued(): void;
  /** Confidential reporting, built by src/server/cases/start.ts; tests of other features may leave it out. */
  cases?: Pick<AppServices, 'reports' | 'followUp' | 'inbox'>;
}

/**
 * The narrow services the pages get as `Astro.locals.services`. Each closes over what it needs
 * (the database, the secret, the routing table); none of those is reachable from a page.
 */
export function createAppServices(parts: AppServiceParts): AppServices {
  const { store, bookings, secret, now } = parts;
  const useToken = (token: string) => {
    const parsed = parseFormToken(secret, token);
    return parsed !== undefined && parts.usedTokens.use(parsed.id, parsed.expiresAt);
  };
  // What a form token stored, by a hash of the token: a resend within the life of the
  // confirmation page is led to that same page. Memory only; it holds no report content.
  const storedOnce = new MemoryTokens<Promise<string>>(now, CONFIRMATION_MS);

  /** Records a decision and queues the school's mail about it in one transaction; false when decided already. */
  const decide = (reference: string, message: string, record: () => boolean): boolean => {
    const school = store.payload(reference, storedBooking)?.email;
    if (!school) return false;
    try {
      store.addMessage(reference, message, school, now(), () => {
        if (!record()) throw new AlreadyDecided();
      });
    } catch (error) {
      if (error instanceof AlreadyDecided) return false;
      throw error;
    }
    parts.queued();
    return true;
  };

  return {
    ...(parts.cases ?? notWired),
    clock: { now },
    forms: {
      issueToken: () => issueFormToken(secret, now()),
      checkToken: (token, minFillMs) => checkFormToken(secret, token, now(), minFillMs),
      allowPost: (clientAddress) => parts.rateLimiter.allow(clientAddress, now()),
      mayStore: (clientAddress) => parts.storedLimiter.check(clientAddress, now()),
      stored: (clientAddress) => parts.storedLimiter.record(clientAddress, now()),
      useToken,
      storeOnce(token, run) {
        const key = formTokenKey(token);
        const first = storedOnce.get(key, { touch: false });
        if (first) return first;
        if (!useToken(token)) return Promise.resolve(undefined);
        const result = run();
        storedOnce.set(key, result);
        // A failed store is not remembered: the person is asked to send again with a new token.
        result.catch(() => storedOnce.delete(key));
        return result;
      },
      minFillMs: parts.minFillMs,
      siteOrigin: parts.siteOrigin,
    },
    submissions: {
      save(submission, during) {
        const reference = store.save(
          {
            form: submission.form,
            version: submission.version,
            route: submission.route,
            payload: submission.payload,
            messages: [
              ...(submission.routeLater ? [] : parts.routing[submission.route].map((recipient) => ({ message: submission.form, recipient }))),
              ...submission.extraMessages,
            ],
            tokenKey: submission.token === undefined ? undefined : formTokenKey(submission.token),
          },
          now(),
          during,
        );
        parts.queued();
        return reference;
      },
      payload: (reference, stored) => store.payload(reference, stored),
    },
    bookings: {
      takenByPeriod: () => bookings.takenByPeriod(),
      open: (request) => parts.bookingFlow.open(request),
      confirmAddress: (reference, capacity) => parts.bookingFlow.confirmAddress(reference, capacity),
      get: (reference) => bookings.get(reference),
      preferredDays: (reference) => {
        const request = store.payload(reference, storedBooking);
        return request && preferredDays(request);
      },
      confirm: (reference, choice) => decide(reference, BOOKING_MESSAGES.confirmed, () => bookings.confirm(reference, choice, now())),
      decline: (reference, reason) => decide(reference, BOOKING_MESSAGES.declined, () => bookings.decline(reference, reason, now())),
    },
    links: {
      path: (reference, action, expiresAt) => signedLinkPath(secret, reference, action, expiresAt),
      verify: (reference, segment) => verifyLink(secret, reference, segment, now()),
      verifyAddress: (reference, segment) => verifyAddressLink(secret, reference, segment, now()),
    },
  };
}

class AlreadyDecided extends Error {}

const missing = () => {
  throw new Error('confidential reporting is not wired into these services');
};
const notWired: Pick<AppServices, 'reports' | 'followUp' | 'inbox'> = {
  reports: { submit: missing, confirmation: missing, forget: missing },
  followUp: { open: missing, view: missing, add: missing },
  inbox: { idleMinutes: 15, login: missing, confirmSetUp: missing, session: missing, logout: missing, cases: missing, open: missing, act: missing },
};
