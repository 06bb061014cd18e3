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
  responseWorkingDays: 3,
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
