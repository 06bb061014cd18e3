import { parseSettings } from './schemas/settings.ts';

/**
 * Everything that is specific to one municipality lives here. Another municipality rebrands
 * the site by editing this file and the content in src/content, and nothing else.
 *
 * Values that are not in the city's source documents ship as visible placeholders
 * ("example.org", "[in te vullen: …]"); `npm run build` warns while any remains.
 */
export const settings = parseSettings({
  city: 'Sint-Niklaas',
  contactPointName: 'Aanspreekpunt extremisme en polarisering',
  // Action plan 2022, "Preventie 1": the expert of this service takes up the contact point.
  expertService: 'dienst Diversiteit, Samenleving en Preventie',
  expertTitle: 'deskundige extremisme en polarisering',
  contact: {
    phone: '[in te vullen: telefoonnummer]',
    email: 'aanspreekpunt@example.org',
    address: '[in te vullen: adres van het aanspreekpunt]',
    openingHours: '[in te vullen: wanneer het aanspreekpunt bereikbaar is]',
  },
  // Decisions only the city can take; pages promise nothing while they are placeholders.
  responseWorkingDays: '[in te vullen: binnen hoeveel werkdagen de deskundige antwoordt]',
  anonymousReporting: '[in te vullen: true als de stad meldingen zonder naam aanvaardt, anders false]',
  emergency: { general: '112', police: '101' },
  privacy: {
    controller: 'Stad en OCMW Sint-Niklaas',
    dpoEmail: 'privacy@example.org',
    legalBasis:
      '[in te vullen door de functionaris voor gegevensbescherming: de rechtsgrond voor het verwerken van meldingen]',
    retentionDays: 7,
  },
  routing: {
    concernPerson: ['deskundige@example.org'],
    concernGroup: ['deskundige@example.org'],
    question: ['aanspreekpunt@example.org'],
    workshop: ['workshops@example.org'],
  },
  workshopCoordinator: {
    name: '[in te vullen: naam of functie van de coördinator]',
    email: 'workshops@example.org',
  },
  quickExitUrl: 'https://example.org/',
  accessibilityReviewed: '2026-11-22',
});
