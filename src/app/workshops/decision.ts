import type { z } from 'astro/zod';
import type { FormDefinition, FormValues } from '../../forms/definition.ts';
import type { FieldError } from '../../forms/validation.ts';
import { preferredDays, storedBooking, type BookingData } from '../../forms/booking-form.ts';
import { createConfirmForm, declineForm, type BookingAction } from '../../forms/booking-decision.ts';
import { receiveForm, type FormRequest } from '../forms/pipeline.ts';
import type { Booking } from '../services.ts';

export type DecisionOutcome =
  /** Tampered with, malformed, or for a booking that does not exist. */
  | { kind: 'invalid' }
  | { kind: 'expired' }
  /** The stored request cannot be read (an operator was alerted). */
  | { kind: 'unreadable' }
  /** The booking was decided already; `justNow` when this link's own form just did it. */
  | { kind: 'decided'; booking: Booking; action: BookingAction; justNow: boolean }
  | { kind: 'form'; status: number; action: BookingAction; expiresAt: number; booking: Booking; data: BookingData; definition: FormDefinition; values: FormValues; errors: FieldError[]; token: string; notice?: string }
  | { kind: 'redirect'; location: string };

interface DecisionRequest extends FormRequest {
  reference: string;
  /** The last path segment: action, expiry and signature. */
  segment: string;
}

/** Marks the query of the page shown right after a decision, so it can say "done" instead of "already used". */
const DONE_PARAM = 'klaar';

/**
 * The pages behind the coordinator's signed links. GET only shows (mail scanners open links);
 * a POST of the page's form passes the same checks as every form post, then records the
 * decision and queues the school's mail in one transaction. A link that was tampered with,
 * has expired or was used already changes nothing.
 */
export async function handleDecision(input: DecisionRequest): Promise<DecisionOutcome> {
  const { request, services, reference, segment } = input;
  const verdict = services.links.verify(reference, segment);
  if (!verdict.ok) return { kind: verdict.reason };
  const { action } = verdict;

  const booking = services.bookings.get(reference);
  if (!booking) return { kind: 'invalid' };
  const url = new URL(request.url);
  if (booking.status !== 'requested') {
    const matches = (action === 'bevestigen') === (booking.status === 'confirmed');
    return { kind: 'decided', booking, action, justNow: url.searchParams.has(DONE_PARAM) && matches };
  }
  // An undecided booking's submission is never erased (see the purge in the host).
  let data: BookingData | undefined;
  try {
    data = services.submissions.payload(reference, storedBooking);
  } catch {
    return { kind: 'unreadable' };
  }
  if (!data) return { kind: 'invalid' };

  const form = { kind: 'form' as const, action, expiresAt: verdict.expiresAt, booking, data };
  /** Runs the decision form through the one pipeline; `apply` records the decision when it is valid. */
  const decide = async <S extends z.ZodType>(definition: FormDefinition<S>, apply: (answer: z.output<S>) => boolean): Promise<DecisionOutcome> => {
    const received = await receiveForm(definition, input, { minFillMs: 0 });
    if (received.kind === 'show') return { ...form, definition, status: received.status, values: received.values, errors: received.errors, token: received.token, notice: received.notice };
    if (received.kind === 'bot') return { ...form, definition, status: 200, values: {}, errors: [], token: services.forms.issueToken() };
    if (!apply(received.data)) return { kind: 'decided', booking: services.bookings.get(reference)!, action, justNow: false };
    return { kind: 'redirect', location: `${url.pathname}?${DONE_PARAM}` };
  };
  return action === 'bevestigen'
    ? decide(createConfirmForm(preferredDays(data)), (answer) => services.bookings.confirm(reference, { date: answer.dag, startsAt: answer.begin, endsAt: answer.einde }))
    : decide(declineForm, (answer) => services.bookings.decline(reference, answer.reden));
}
