import type { BookingData } from '../../forms/booking-form.ts';
import { findPeriod, findWorkshop, type BookingCatalogue } from '../../forms/booking-catalogue.ts';
import { BOOKING_MESSAGES } from '../../forms/booking-messages.ts';
import { FormRejection } from '../forms/pipeline.ts';
import type { AppServices, OpenRefusal } from '../services.ts';

/** What the school reads on the form when its request cannot be opened; what it typed stays. */
function refusalMessage(refusal: OpenRefusal, coordinatorEmail: string | undefined): string {
  // While the coordinator's address is a placeholder, no sentence points to it.
  const orMail = coordinatorEmail ? `, of mail ${coordinatorEmail}` : '';
  switch (refusal) {
    case 'full':
      return `Deze workshop is volzet: alle sessies in de periode zijn al aangevraagd. Kies een andere workshop${orMail}. Wat je invulde, staat nog hieronder.`;
    case 'duplicate':
      return `Je school vroeg deze workshop al aan. De coördinator beslist daar nog over.${coordinatorEmail ? ` Wil je hem voor meer klassen? Mail dan ${coordinatorEmail} en noem het referentienummer van die aanvraag.` : ''}`;
    case 'already-sent':
      return 'Je vroeg deze workshop al aan met dit e-mailadres. Kijk in je mailbox, ook bij ongewenste e-mail, en bevestig je e-mailadres met de link in die e-mail.';
    case 'client-limit':
      return `Vanaf deze verbinding wachten al aanvragen op een bevestiging van het e-mailadres of op een beslissing. Bevestig eerst je e-mailadres in de e-mail die je kreeg${orMail}. Wil je de workshop voor meer klassen? Schrijf ze allemaal in één aanvraag.`;
  }
}

/**
 * What a booking adds to the routed-form pipeline: an acknowledgement to the school with the
 * link to confirm its address, and an unconfirmed request, opened in the same transaction that
 * stores it. It holds no session yet, and the coordinator gets it only after the school
 * confirmed its address (`services.bookings.confirmAddress`).
 */
export function bookingOptions(catalogue: BookingCatalogue, services: AppServices, coordinatorEmail: string | undefined) {
  return {
    routeLater: true,
    extraMessages: (data: BookingData) => [{ message: BOOKING_MESSAGES.received, recipient: data.email }],
    // The client address is the one the pipeline counts posts by, so the caps agree.
    reserve: (data: BookingData, reference: string, clientAddress: string): void => {
      const workshop = findWorkshop(catalogue, data.workshop)!;
      const period = findPeriod(catalogue, workshop.period)!;
      const refusal = services.bookings.open({
        reference,
        period: period.id,
        workshop: workshop.id,
        capacity: period.sessions,
        school: data.school,
        andereSchool: data.andereSchool,
        email: data.email,
        clientAddress,
      });
      if (refusal) throw new FormRejection('workshop', refusalMessage(refusal, coordinatorEmail));
    },
  };
}
