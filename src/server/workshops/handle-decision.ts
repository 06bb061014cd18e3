import type { FormDefinition, FormValues } from '../../forms/definition.ts';
import { formValues, validateForm, type FieldError } from '../../forms/validation.ts';
import { preferredDays, type BookingData } from '../../forms/booking-form.ts';
import { createConfirmForm, declineForm, type ConfirmData, type DeclineData } from '../../forms/booking-decision.ts';
import type { FormServices } from '../forms/form-services.ts';
import { HONEYPOT_FIELD, TOKEN_FIELD, readBody, sameOrigin } from '../forms/handle-form.ts';
import { issueFormToken } from '../forms/form-token.ts';
import { BookingStore, type Booking, type SessionChoice } from './booking-store.ts';
import { BOOKING_MESSAGES } from './booking-mails.ts';
import { verifyLink, type BookingAction } from './signed-link.ts';

export type DecisionOutcome =
  | { kind: 'unavailable' }
  /** Tampered with, malformed, or for a booking that does not exist. */
  | { kind: 'invalid' }
  | { kind: 'expired' }
  /** The booking was decided already; `justNow` when this link's own form just did it. */
  | { kind: 'decided'; booking: Booking; action: BookingAction; justNow: boolean }
  | { kind: 'form'; status: number; action: BookingAction; expiresAt: number; booking: Booking; data: BookingData; definition: FormDefinition; values: FormValues; errors: FieldError[]; token: string; notice?: string }
  | { kind: 'redirect'; location: string };

interface DecisionRequest {
  request: Request;
  services: FormServices | undefined;
  reference: string;
  /** The last path segment: action, expiry and signature. */
  segment: string;
}

/** Marks the query of the page shown right after a decision, so it can say "done" instead of "already used". */
const DONE_PARAM = 'klaar';

/**
 * The pages behind the coordinator's signed links. GET only shows (mail scanners open links);
 * a POST of the page's form, checked like every form post, records the decision and queues
 * the school's mail in one transaction. A link that was tampered with, has expired or was
 * used already changes nothing.
 */
export async function handleDecision({ request, services, reference, segment }: DecisionRequest): Promise<DecisionOutcome> {
  if (!services) return { kind: 'unavailable' };
  const now = services.now();
  const verdict = verifyLink(services.secret, reference, segment, now);
  if (!verdict.ok) return { kind: verdict.reason };
  const { action } = verdict;

  const bookings = new BookingStore(services.store.db);
  const booking = bookings.get(reference);
  if (!booking) return { kind: 'invalid' };
  const url = new URL(request.url);
  if (booking.status !== 'requested') {
    const matches = (action === 'bevestigen') === (booking.status === 'confirmed');
    return { kind: 'decided', booking, action, justNow: url.searchParams.has(DONE_PARAM) && matches };
  }
  // An undecided booking's submission is never erased (see the purge in services.ts).
  const data = services.store.payload(reference) as BookingData | undefined;
  if (!data) return { kind: 'invalid' };

  const definition: FormDefinition = action === 'bevestigen' ? createConfirmForm(preferredDays(data)) : declineForm;
  const token = issueFormToken(services.secret, now);
  const form = (status: number, values: FormValues = {}, errors: FieldError[] = [], notice?: string): DecisionOutcome => ({
    kind: 'form', status, action, expiresAt: verdict.expiresAt, booking, data, definition, values, errors, token, notice,
  });

  if (request.method === 'GET' || request.method === 'HEAD') return form(200);
  if (request.method !== 'POST') return form(405, {}, [], 'Dit formulier kan alleen zo verstuurd worden.');
  if (!sameOrigin(request, services.siteOrigin)) return form(403, {}, [], 'Je keuze kwam niet van deze website en is niet bewaard. Kies hieronder opnieuw.');
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return form(415, {}, [], 'Je keuze kon niet gelezen worden. Kies hieronder opnieuw.');
  }
  const body = await readBody(request, definition.maxBodyBytes);
  if (body === undefined) return form(413, {}, [], 'Je tekst is te lang. Maak hem korter en probeer opnieuw.');
  const params = new URLSearchParams(body);
  params.delete(TOKEN_FIELD);
  params.delete(HONEYPOT_FIELD);
  const values = formValues(params, new Set());
  const result = validateForm(definition, values);
  if (!result.ok) return form(422, values, result.errors);

  const recorded =
    action === 'bevestigen'
      ? record(services, bookings, reference, data, BOOKING_MESSAGES.confirmed, (store) => store.confirm(reference, choiceFrom(result.data as ConfirmData), now))
      : record(services, bookings, reference, data, BOOKING_MESSAGES.declined, (store) => store.decline(reference, (result.data as DeclineData).reden, now));
  if (!recorded) return { kind: 'decided', booking: bookings.get(reference)!, action, justNow: false };
  return { kind: 'redirect', location: `${url.pathname}?${DONE_PARAM}` };
}

function choiceFrom(data: ConfirmData): SessionChoice {
  return { date: data.dag, startsAt: data.begin, endsAt: data.einde };
}

class AlreadyDecided extends Error {}

/**
 * Records the decision and queues the school's mail in one transaction: both happen, or
 * neither. False when another request decided first.
 */
function record(services: FormServices, bookings: BookingStore, reference: string, data: BookingData, message: string, decide: (store: BookingStore) => boolean): boolean {
  try {
    services.store.addMessage(reference, message, data.email, services.now(), () => {
      if (!decide(bookings)) throw new AlreadyDecided();
    });
  } catch (error) {
    if (error instanceof AlreadyDecided) return false;
    throw error;
  }
  services.submitted();
  return true;
}
