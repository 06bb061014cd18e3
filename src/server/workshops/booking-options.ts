import type { BookingData } from '../../forms/booking-form.ts';
import { findPeriod, findWorkshop, type BookingCatalogue } from '../../forms/booking-catalogue.ts';
import type { FormServices } from '../forms/form-services.ts';
import { FormRejection, type ExtraMessage } from '../forms/handle-form.ts';
import { BOOKING_MESSAGES } from './booking-mails.ts';
import type { OpenRefusal } from './booking-flow.ts';

/** What the school reads on the form when its request cannot be opened; what it typed stays. */
function refusalMessages(coordinatorEmail: string): Record<OpenRefusal, { field: string; message: string }> {
  return {
    full: {
      field: 'workshop',
      message: `Deze workshop is volzet: alle sessies in de periode zijn al aangevraagd. Kies een andere workshop, of mail ${coordinatorEmail}. Wat je invulde, staat nog hieronder.`,
    },
    duplicate: {
      field: 'workshop',
      message: `Je school vroeg deze workshop al aan. De coördinator beslist daar nog over. Wil je hem voor meer klassen? Mail dan ${coordinatorEmail} en noem het referentienummer van die aanvraag.`,
    },
    'already-sent': {
      field: 'workshop',
      message: 'Je vroeg deze workshop al aan met dit e-mailadres. Kijk in je mailbox, ook bij ongewenste e-mail, en bevestig je e-mailadres met de link in die e-mail.',
    },
    'client-limit': {
      field: 'workshop',
      message: `Vanaf deze verbinding wachten al aanvragen op een bevestiging van het e-mailadres of op een beslissing. Bevestig eerst je e-mailadres in de e-mail die je kreeg, of mail ${coordinatorEmail}. Wil je de workshop voor meer klassen? Schrijf ze allemaal in één aanvraag.`,
    },
  };
}

/**
 * What a booking adds to the standard form handling: an acknowledgement to the school with the
 * link to confirm its address, and an unconfirmed request, opened in the same transaction that
 * stores it. The coordinator gets the request only after the school confirmed (booking-flow.ts).
 */
export function bookingOptions(catalogue: BookingCatalogue, coordinatorEmail: string) {
  const refusals = refusalMessages(coordinatorEmail);
  return {
    routeLater: true,
    extraMessages: (data: BookingData): ExtraMessage[] => [{ message: BOOKING_MESSAGES.received, recipient: data.email }],
    reserve: (data: BookingData, reference: string, services: FormServices, clientAddress: string): void => {
      const workshop = findWorkshop(catalogue, data.workshop)!;
      const period = findPeriod(catalogue, workshop.period)!;
      const refusal = services.bookingFlow.open({
        reference,
        period: period.id,
        workshop: workshop.id,
        capacity: period.sessions,
        school: data.school,
        andereSchool: data.andereSchool,
        email: data.email,
        clientAddress,
      });
      if (refusal) throw new FormRejection(refusals[refusal].field, refusals[refusal].message);
    },
  };
}
