import { addressForm } from '../../forms/booking-address.ts';
import { receiveForm, type FormRequest } from '../forms/pipeline.ts';
import type { AddressOutcome, Booking } from '../services.ts';

export type AddressPageOutcome =
  /** Tampered with or malformed. */
  | { kind: 'invalid' }
  /** Too late: the request lapsed and its data was erased. */
  | { kind: 'expired' }
  /** The button, with the request's workshop. */
  | { kind: 'ask'; status: number; booking: Booking; token: string; notice?: string }
  /** What the click did, or had done before (`justNow` right after this link's own post). */
  | { kind: 'done'; status: number; outcome: AddressOutcome; booking?: Booking; justNow: boolean }
  | { kind: 'redirect'; location: string };

interface AddressRequest extends FormRequest {
  reference: string;
  /** The last path segment: expiry and signature. */
  segment: string;
  /** Sessions in a period, from the catalogue. */
  capacity(period: string): number;
}

const DONE_PARAM = 'klaar';

/**
 * The page behind the school's link to confirm its e-mail address. GET shows a button and
 * changes nothing (mail scanners open links); the button's post passes the same checks as
 * every form post, and only then does the request take a session and go to the coordinator.
 */
export async function handleAddressConfirmation(input: AddressRequest): Promise<AddressPageOutcome> {
  const { request, services, reference, segment, capacity } = input;
  const verdict = services.links.verifyAddress(reference, segment);
  if (!verdict.ok) return { kind: verdict.reason };
  const booking = services.bookings.get(reference);
  if (!booking) return { kind: 'done', status: 410, outcome: 'gone', justNow: false };
  const url = new URL(request.url);
  if (booking.status !== 'unconfirmed') return { kind: 'done', status: 200, outcome: 'already', booking, justNow: url.searchParams.has(DONE_PARAM) };

  const received = await receiveForm(addressForm, input, { minFillMs: 0 });
  if (received.kind === 'show') return { kind: 'ask', status: received.status, booking, token: received.token, notice: received.notice };
  if (received.kind === 'bot') return { kind: 'ask', status: 200, booking, token: services.forms.issueToken() };

  const outcome = services.bookings.confirmAddress(reference, capacity(booking.period));
  if (outcome === 'confirmed') return { kind: 'redirect', location: `${url.pathname}?${DONE_PARAM}` };
  return { kind: 'done', status: outcome === 'already' ? 200 : 409, outcome, booking: services.bookings.get(reference) ?? booking, justNow: false };
}
