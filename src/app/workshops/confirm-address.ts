import { validateForm } from '../../forms/validation.ts';
import { addressForm } from '../../forms/booking-address.ts';
import type { FormServices } from '../../server/forms/form-services.ts';
import { HONEYPOT_FIELD, TOKEN_FIELD, readBody, sameOrigin } from '../../server/forms/handle-form.ts';
import { checkFormToken, issueFormToken } from '../../server/forms/form-token.ts';
import { BookingStore, type Booking } from '../../server/workshops/booking-store.ts';
import type { AddressOutcome } from '../../server/workshops/booking-flow.ts';
import { verifyAddressLink } from '../../server/workshops/signed-link.ts';

export type AddressPageOutcome =
  | { kind: 'unavailable' }
  /** Tampered with or malformed. */
  | { kind: 'invalid' }
  /** Too late: the request lapsed and its data was erased. */
  | { kind: 'expired' }
  /** The button, with the request's workshop. */
  | { kind: 'ask'; status: number; booking: Booking; expiresAt: number; token: string; notice?: string }
  /** What the click did, or had done before (`justNow` right after this link's own post). */
  | { kind: 'done'; status: number; outcome: AddressOutcome; booking?: Booking; justNow: boolean }
  | { kind: 'redirect'; location: string };

interface AddressRequest {
  request: Request;
  services: FormServices | undefined;
  reference: string;
  /** The last path segment: expiry and signature. */
  segment: string;
  /** Sessions in a period, from the catalogue. */
  capacity(period: string): number;
}

const DONE_PARAM = 'klaar';

/**
 * The page behind the school's link to confirm its e-mail address. GET shows a button and
 * changes nothing (mail scanners open links); the POST confirms the address, and only then does
 * the request take a session and go to the coordinator (BookingFlow.confirmAddress).
 */
export async function handleAddressConfirmation({ request, services, reference, segment, capacity }: AddressRequest): Promise<AddressPageOutcome> {
  if (!services) return { kind: 'unavailable' };
  const now = services.now();
  const verdict = verifyAddressLink(services.secret, reference, segment, now);
  if (!verdict.ok) return { kind: verdict.reason };
  const bookings = new BookingStore(services.store.db);
  const booking = bookings.get(reference);
  if (!booking) return { kind: 'done', status: 410, outcome: 'gone', justNow: false };
  const url = new URL(request.url);
  if (booking.status !== 'unconfirmed') return { kind: 'done', status: 200, outcome: 'already', booking, justNow: url.searchParams.has(DONE_PARAM) };

  const token = issueFormToken(services.secret, now);
  const ask = (status: number, notice?: string): AddressPageOutcome => ({ kind: 'ask', status, booking, expiresAt: verdict.expiresAt, token, notice });
  if (request.method === 'GET' || request.method === 'HEAD') return ask(200);
  if (request.method !== 'POST') return ask(405, 'Dit kan alleen met de knop hieronder.');
  if (!sameOrigin(request, services.siteOrigin)) return ask(403, 'Je klik kwam niet van deze website. Er is niets veranderd. Klik hieronder opnieuw.');
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return ask(415, 'Je klik kon niet gelezen worden. Klik hieronder opnieuw.');
  }
  const body = await readBody(request, addressForm.maxBodyBytes);
  if (body === undefined) return ask(413, 'Je klik kon niet gelezen worden. Klik hieronder opnieuw.');
  const params = new URLSearchParams(body);
  if ((params.get(HONEYPOT_FIELD) ?? '') !== '' || checkFormToken(services.secret, params.get(TOKEN_FIELD) ?? undefined, now, 0) !== 'ok') {
    return ask(400, 'Je klik kon niet gecontroleerd worden. Er is niets veranderd. Klik hieronder opnieuw.');
  }
  params.delete(TOKEN_FIELD);
  params.delete(HONEYPOT_FIELD);
  if (!validateForm(addressForm, Object.fromEntries(params)).ok) return ask(422, 'Je klik kon niet gelezen worden. Klik hieronder opnieuw.');

  const outcome = services.bookingFlow.confirmAddress(reference, capacity(booking.period));
  if (outcome === 'confirmed') return { kind: 'redirect', location: `${url.pathname}?${DONE_PARAM}` };
  return { kind: 'done', status: outcome === 'already' ? 200 : 409, outcome, booking: bookings.get(reference) ?? booking, justNow: false };
}
