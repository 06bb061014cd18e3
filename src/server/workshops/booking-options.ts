import type { BookingData } from '../../forms/booking-form.ts';
import { findPeriod, findWorkshop, type BookingCatalogue } from '../../forms/booking-catalogue.ts';
import type { FormServices } from '../forms/form-services.ts';
import { FormRejection, type ExtraMessage } from '../forms/handle-form.ts';
import { BookingStore } from './booking-store.ts';
import { BOOKING_MESSAGES } from './booking-mails.ts';

/**
 * What a booking adds to the standard form handling: an acknowledgement to the school, and a
 * place in the period, taken in the same transaction that stores the request. The count and
 * the new place cannot be separated by another request, so a period never holds more
 * bookings than it has sessions.
 */
export function bookingOptions(catalogue: BookingCatalogue, coordinatorEmail: string | undefined) {
  return {
    extraMessages: (data: BookingData): ExtraMessage[] => [{ message: BOOKING_MESSAGES.received, recipient: data.email }],
    reserve: (data: BookingData, reference: string, services: FormServices): void => {
      const workshop = findWorkshop(catalogue, data.workshop)!;
      const period = findPeriod(catalogue, workshop.period)!;
      const bookings = new BookingStore(services.store.db);
      if (!bookings.reserve({ reference, period: period.id, workshop: workshop.id }, period.sessions, services.now())) {
        throw new FormRejection(
          'workshop',
          `Deze workshop is volzet: alle sessies in de periode zijn net aangevraagd. Kies een andere workshop${coordinatorEmail ? `, of mail ${coordinatorEmail}` : ''}. Wat je invulde, staat nog hieronder.`,
        );
      }
    },
  };
}
