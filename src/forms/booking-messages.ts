import { BOOKING_FORM_ID } from './booking-form.ts';

/**
 * The message types of a booking's mails, stored with each delivery job. The coordinator's
 * mail uses the form id, as every routed form's mail does. Shared by the pipeline (which
 * queues the acknowledgement) and the host's mail composers.
 */
export const BOOKING_MESSAGES = {
  coordinator: BOOKING_FORM_ID,
  received: 'boeking-ontvangen',
  confirmed: 'boeking-bevestigd',
  declined: 'boeking-geweigerd',
} as const;
