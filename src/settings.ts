import { parseSettings } from './schemas/settings.ts';
import { settingsFileOverride } from './lib/settings-override.ts';

/**
 * Everything that is specific to one municipality lives here. Another municipality rebrands
 * the site by editing this file and the content in src/content, and nothing else.
 *
 * Values that are not in the city's source documents ship as visible placeholders
 * ("example.org", "[in te vullen: …]"); `npm run build` warns while any remains.
 */
export const settings = parseSettings(settingsFileOverride() ?? {
  // A neutral, generic mark and calm colours; replace the SVG in public/ and these values with your own.
  identity: {
    logo: '/logo.svg',
    colours: {
      brand: '#0d524c',
      brandDark: '#072e2b',
      brandTint: '#eef7f6',
      text: '#1d2426',
      page: '#fbf9f5',
      focus: '#ffdd00',
      focusText: '#0b0c0c',
    },
  },
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
  // The city confirms the accessibility statement: the date of its own check and how it was done.
  accessibilityReviewed: '[in te vullen: datum waarop de stad de toegankelijkheid naging, JJJJ-MM-DD]',
  accessibilityMethod:
    'Bij elke nieuwe versie testen we elke pagina automatisch met axe-core, ook de foutmeldingen en bevestigingen van de formulieren. We testen ook of je alles met het toetsenbord kunt bedienen.',
  complaintsService: {
    name: '[in te vullen: naam van de klachtendienst van de stad]',
    url: 'https://example.org/klachten',
  },
});
