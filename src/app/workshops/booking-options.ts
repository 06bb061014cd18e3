import type { BookingData } from '../../forms/booking-form.ts';
import { findPeriod, findWorkshop, type BookingCatalogue } from '../../forms/booking-catalogue.ts';
import { BOOKING_MESSAGES } from '../../forms/booking-messages.ts';
import { FormRejection } from '../forms/pipeline.ts';
import type { AppServices } from '../services.ts';

/**
 * What a booking adds to the routed-form pipeline: an acknowledgement to the school, and a
 * place in the period, taken in the same transaction that stores the request. The count and
 * the new place cannot be separated by another request, so a period never holds more
 * bookings than it has sessions.
 */
export function bookingOptions(catalogue: BookingCatalogue, services: AppServices, coordinatorEmail: string | undefined) {
  return {
    extraMessages: (data: BookingData) => [{ message: BOOKING_MESSAGES.received, recipient: data.email }],
    reserve: (data: BookingData, reference: string): void => {
      const workshop = findWorkshop(catalogue, data.workshop)!;
      const period = findPeriod(catalogue, workshop.period)!;
      if (!services.bookings.reserve({ reference, period: period.id, workshop: workshop.id }, period.sessions)) {
        throw new FormRejection(
          'workshop',
          `Deze workshop is volzet: alle sessies in de periode zijn net aangevraagd. Kies een andere workshop${coordinatorEmail ? `, of mail ${coordinatorEmail}` : ''}. Wat je invulde, staat nog hieronder.`,
        );
      }
    },
  };
}
