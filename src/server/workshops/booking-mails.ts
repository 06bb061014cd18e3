import type { Settings } from '../../schemas/settings.ts';
import { workshopQuestionsText } from '../../lib/promises.ts';
import { findWorkshop, schoolName, type BookingCatalogue } from '../../forms/booking-catalogue.ts';
import { createBookingForm, preferredDays, storedBooking } from '../../forms/booking-form.ts';
import { BOOKING_MESSAGES } from '../../forms/booking-messages.ts';
import { formatDay, formatMoment } from '../../lib/dates.ts';
import { ADDRESS_CONFIRMATION_HOURS, ADDRESS_CONFIRMATION_MS } from '../../forms/booking-timing.ts';
import { formatReference } from '../../forms/reference.ts';
import { composeSubmissionMail, type MailContent } from '../mail/compose.ts';
import { readPayload, type DeliveryJob } from '../storage/submission-store.ts';
import type { Booking, BookingStore } from './booking-store.ts';
import { calendarFile } from './ics.ts';
import { addressLinkPath, decisionDeadline, signedLinkPath } from './signed-link.ts';

export interface BookingMailOptions {
  bookings: BookingStore;
  catalogue(): BookingCatalogue;
  secret: Buffer;
  /** The public address of the site, for links in mails. */
  siteUrl: string;
  /** For calendar UIDs: the domain of the sender address. */
  mailDomain: string;
  settings: Pick<Settings, 'city' | 'contactPointName' | 'workshopCoordinator'>;
}

type Composer = (job: DeliveryJob) => MailContent;

/** Builds the booking mails; registered with the delivery worker's composer by message type. */
export function bookingComposers(options: BookingMailOptions): Record<string, Composer> {
  const { bookings, settings } = options;
  const link = (path: string) => new URL(path, options.siteUrl).href;
  // A school never gets a placeholder as the address to write to.
  const signature = [
    '',
    '--',
    `${settings.contactPointName}, stad ${settings.city}`,
    `${workshopQuestionsText(settings)} Noem je referentienummer.`,
  ];

  /** What every mail about a booking needs: its form data and how the pages name things. */
  const context = (job: DeliveryJob) => {
    const data = readPayload(storedBooking, job);
    const catalogue = options.catalogue();
    const workshop = findWorkshop(catalogue, data.workshop);
    return { data, catalogue, topic: workshop?.topic ?? data.workshop, provider: workshop?.provider, school: schoolName(catalogue, data), reference: formatReference(job.reference) };
  };

  const decided = (job: DeliveryJob, status: Booking['status']): Booking => {
    const booking = bookings.get(job.reference);
    if (booking?.status !== status) throw new Error(`booking ${job.reference} is not ${status}`);
    return booking;
  };

  /** The coordinator's two links and until when they work; the same in every mail about one request. */
  const decisionLinks = (reference: string) => {
    const booking = bookings.get(reference);
    if (!booking) throw new Error(`booking ${reference} does not exist`);
    // Links expire a fixed time after the request reached the coordinator, so a resent mail carries the same links.
    const expiresAt = decisionDeadline(booking);
    return [
      'Bevestigen (je kiest een van de voorkeurdagen en het uur):',
      link(signedLinkPath(options.secret, reference, 'bevestigen', expiresAt)),
      '',
      'Weigeren (je schrijft de school waarom):',
      link(signedLinkPath(options.secret, reference, 'weigeren', expiresAt)),
      '',
      `De links werken tot ${formatMoment(expiresAt, { weekday: true })}. Een link openen verandert nog niets: je beslist op de pagina die opent.`,
      'Beslist niemand tegen dan? Dan vervalt de aanvraag: de sessie komt weer vrij, de gegevens worden gewist en de school krijgt een e-mail dat ze opnieuw kan aanvragen.',
    ];
  };

  return {
    [BOOKING_MESSAGES.coordinator]: (job) => {
      const { catalogue, data } = context(job);
      const base = composeSubmissionMail(createBookingForm(catalogue), job.reference, data, new Date(job.createdAt));
      return {
        subject: base.subject,
        text: ['Een school vraagt een workshop aan. Bevestig of weiger de aanvraag met een van deze links.', '', ...decisionLinks(job.reference), '', base.text].join('\n'),
      };
    },

    // Content-free enough for any mailbox: no school, no name, only what is needed to act.
    [BOOKING_MESSAGES.reminder]: (job) => {
      const booking = bookings.get(job.reference);
      const topic = booking ? (findWorkshop(options.catalogue(), booking.workshop)?.topic ?? booking.workshop) : 'een workshop';
      return {
        subject: `Herinnering: een aanvraag voor een workshop wacht op je beslissing [${formatReference(job.reference)}]`,
        text: [
          `Een school wacht nog op je beslissing over de workshop ${topic}.`,
          `Referentie: ${formatReference(job.reference)}. De gegevens van de school zie je als je een link opent.`,
          '',
          ...decisionLinks(job.reference),
          ...signature.slice(0, 3),
        ].join('\n'),
      };
    },

    // Fixed text about the workshop: the school's own data was erased when the request expired.
    [BOOKING_MESSAGES.expired]: (job) => {
      const booking = bookings.get(job.reference);
      const topic = booking ? (findWorkshop(options.catalogue(), booking.workshop)?.topic ?? booking.workshop) : 'een workshop';
      const reference = formatReference(job.reference);
      return {
        subject: `Je aanvraag voor een workshop is vervallen [${reference}]`,
        text: [
          'Dag,',
          '',
          `Je vroeg de workshop ${topic} aan. Je referentienummer is ${reference}.`,
          'De coördinator heeft binnen 30 dagen niet beslist. Daarom vervalt je aanvraag. Dat spijt ons.',
          '',
          'De sessie is weer vrij. We hebben de gegevens van je aanvraag gewist.',
          '',
          'Wil je de workshop nog? Vraag hem dan opnieuw aan:',
          link('/workshops/boeken'),
          ...signature,
        ].join('\n'),
      };
    },

    // This mail goes to whatever address was typed in the form, from the city's sender, before
    // anyone checked the request: it carries only fixed text, the workshop's name from our own
    // catalogue, the validated dates, the reference and our own links. Never a name, a class,
    // "another school" or remarks from the form, so it cannot carry someone else's text or link.
    [BOOKING_MESSAGES.received]: (job) => {
      const { data, catalogue, reference } = context(job);
      const topic = findWorkshop(catalogue, data.workshop)?.topic;
      return {
        subject: `We ontvingen je aanvraag voor een workshop [${reference}]`,
        text: [
          'Dag,',
          '',
          `We ontvingen je aanvraag voor ${topic ? `de workshop ${topic}` : 'een workshop'}.`,
          `Je referentienummer is ${reference}.`,
          '',
          'Bevestig eerst je e-mailadres. Open deze link en klik op de knop:',
          link(addressLinkPath(options.secret, job.reference, job.createdAt + ADDRESS_CONFIRMATION_MS)),
          `Doe dat vóór ${formatMoment(job.createdAt + ADDRESS_CONFIRMATION_MS, { weekday: true })}. Dat is binnen ${ADDRESS_CONFIRMATION_HOURS} uur. Anders vervalt je aanvraag en wissen we je gegevens.`,
          'Heb jij niets aangevraagd? Dan hoef je niets te doen.',
          '',
          'Je voorkeurdagen:',
          ...preferredDays(data).map((day) => `- ${formatDay(day)}`),
          '',
          'Wat gebeurt er nu?',
          'Na je bevestiging gaat je aanvraag naar de coördinator van de workshops. Die kiest een van je dagen. Je krijgt dan een e-mail met een agenda-item.',
          'Past geen enkele dag? Dan krijg je ook een e-mail.',
          '',
          'Vroeg je deze workshop niet aan? Dan hoef je niets te doen.',
          `Meer over de workshops: ${link('/workshops')}`,
          ...signature,
        ].join('\n'),
      };
    },

    [BOOKING_MESSAGES.confirmed]: (job) => {
      const { data, topic, provider, school, reference } = context(job);
      const booking = decided(job, 'confirmed');
      const when = `${formatDay(booking.sessionDate!)}, van ${booking.startsAt} tot ${booking.endsAt}`;
      const ics = calendarFile({
        uid: `${job.reference}@${options.mailDomain}`,
        stamp: new Date(booking.decidedAt ?? job.createdAt),
        date: booking.sessionDate!,
        startsAt: booking.startsAt!,
        endsAt: booking.endsAt!,
        summary: `Workshop ${topic}${provider ? ` (${provider})` : ''}`,
        location: school,
        description: [`Workshop ${topic} voor klas ${data.klas}.`, `Referentie: ${reference}.`, workshopQuestionsText(settings)].join('\n'),
        prodId: `-//Stad ${settings.city}//${settings.contactPointName}//NL`,
      });
      return {
        subject: `Je workshop is bevestigd: ${formatDay(booking.sessionDate!)} [${reference}]`,
        text: [
          `Dag ${data.naam},`,
          '',
          `Goed nieuws: de workshop ${topic} gaat door.`,
          '',
          `Wanneer: ${when}`,
          `Waar: ${school}`,
          `Voor: klas ${data.klas}`,
          ...(provider ? [`Door: ${provider}`] : []),
          `Referentie: ${reference}`,
          '',
          'In de bijlage zit een agenda-item. Open het om de workshop in je agenda te zetten.',
          `Wat de school voorziet, lees je op ${link(`/workshops/${data.workshop}`)}.`,
          ...signature,
        ].join('\n'),
        attachments: [{ filename: `workshop-${job.reference}.ics`, content: ics, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }],
      };
    },

    [BOOKING_MESSAGES.declined]: (job) => {
      const { data, topic, school, reference } = context(job);
      const booking = decided(job, 'declined');
      return {
        subject: `Je aanvraag voor een workshop gaat niet door [${reference}]`,
        text: [
          `Dag ${data.naam},`,
          '',
          `Je aanvraag voor de workshop ${topic} voor ${school} kan niet doorgaan.`,
          '',
          'De coördinator schrijft:',
          ...(booking.reason ?? '').split('\n').map((line) => `  ${line}`),
          '',
          'Wil je andere dagen vragen? Doe dan een nieuwe aanvraag:',
          link('/workshops/boeken'),
          ...signature,
        ].join('\n'),
      };
    },
  };
}
