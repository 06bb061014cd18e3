import { findPlaceholders, type Settings } from '../schemas/settings.ts';
import { isStale, STALE_AFTER_MONTHS } from './content-integrity.ts';
import { formatDate } from './dates.ts';
import { isPlaceholder, NEUTRAL_EXIT_PATH } from './placeholders.ts';

/**
 * What the city must still fill in or confirm before the site goes live, in Dutch for the
 * people who do it. Built from the settings' placeholders (so a new placeholder field is listed
 * without any change here), the signposting entries and placeholders left in content files.
 * `scripts/launch-check.ts` reads the files and prints the list; this module only decides.
 */

export interface LaunchItem {
  /** The heading it is listed under. */
  section: string;
  /** The field or file it is about. */
  subject: string;
  /** What to do, in plain Dutch. */
  todo: string;
}

/** What the launch check needs of one signposting (wegwijzer) entry. */
export interface Signpost {
  file: string;
  name: string;
  /** Where its facts come from. */
  source: string;
  /** The date the page shows for it, if any. */
  date?: Date;
  /** True when someone recorded a check of the organisation's own current information. */
  checked: boolean;
  /** Facts fixed by law (the emergency numbers) that never go stale. */
  permanent?: boolean;
}

export interface LaunchCheckInput {
  settings: Settings;
  signposts: Signpost[];
  /** Placeholders found in content files: file, dotted field and the placeholder text. */
  contentPlaceholders: { file: string; field: string; value: string }[];
  today: Date;
}

const routeLabels: Record<string, string> = {
  concernPerson: 'een bezorgdheid over een persoon',
  concernGroup: 'spanningen in een groep',
  question: 'een vraag of advies',
  workshop: 'een workshopaanvraag',
};

/** Section and explanation per settings field; a field not listed here gets the generic one. */
function explain(field: string): { section: string; todo: string } {
  const [top, sub] = field.split('.');
  switch (top) {
    case 'contact': {
      const what: Record<string, string> = {
        phone: 'Vul het telefoonnummer van het aanspreekpunt in.',
        email: 'Vul het e-mailadres van het aanspreekpunt in.',
        address: 'Vul het bezoekadres van het aanspreekpunt in.',
        openingHours: 'Vul in wanneer het aanspreekpunt bereikbaar is.',
      };
      return { section: 'Contactgegevens', todo: `${what[sub!] ?? 'Vul dit gegeven van het aanspreekpunt in.'} Tot dan toont de website het niet.` };
    }
    case 'routing':
      return {
        section: 'Meldingen doorsturen',
        todo:
          `Vul in wie een bericht krijgt over ${routeLabels[sub!] ?? sub}. Met een voorbeeldadres komt een bericht nergens aan, ` +
          'terwijl de bezoeker leest dat het goed is aangekomen.',
      };
    case 'privacy':
      return sub === 'legalBasis'
        ? { section: 'Privacy', todo: 'De functionaris voor gegevensbescherming vult de rechtsgrond in en keurt de privacypagina goed.' }
        : { section: 'Privacy', todo: `Vul ${sub === 'dpoEmail' ? 'het e-mailadres van de functionaris voor gegevensbescherming' : 'dit gegeven'} in.` };
    case 'workshopCoordinator':
      return { section: 'Workshops', todo: `Vul ${sub === 'email' ? 'het e-mailadres' : 'de naam of functie'} van de coördinator van de workshops in.` };
    case 'quickExitUrl':
      return {
        section: 'Snelle uitgang',
        todo:
          'Kies de neutrale website waar de knop "Verlaat deze pagina" naartoe gaat, bijvoorbeeld een weerbericht (zoals GOV.UK doet). ' +
          `Tot dan gaat de knop naar een lege pagina van deze website (${NEUTRAL_EXIT_PATH}).`,
      };
    case 'responseWorkingDays':
      return { section: 'Beloftes', todo: 'Beslis binnen hoeveel werkdagen de deskundige antwoordt. Tot dan belooft de website geen termijn.' };
    case 'anonymousReporting':
      return { section: 'Beloftes', todo: 'Beslis of de stad een bezorgdheid zonder naam aanvaardt. Tot dan belooft de website geen anonimiteit.' };
    case 'accessibilityReviewed':
      return { section: 'Toegankelijkheid', todo: 'Kijk de toegankelijkheidsverklaring na en vul de datum van die controle in.' };
    case 'complaintsService':
      return { section: 'Toegankelijkheid', todo: `Vul ${sub === 'url' ? 'de webpagina' : 'de naam'} van de klachtendienst van de stad in.` };
    default:
      return { section: 'Nog te beslissen of in te vullen', todo: 'Beslis wat de stad hier belooft of meldt, en vul het in.' };
  }
}

const sectionOrder = [
  'Meldingen doorsturen',
  'Contactgegevens',
  'Snelle uitgang',
  'Beloftes',
  'Nog te beslissen of in te vullen',
  'Privacy',
  'Toegankelijkheid',
  'Workshops',
  'Wegwijzer',
  'Inhoud',
];

export function launchCheckItems({ settings, signposts, contentPlaceholders, today }: LaunchCheckInput): LaunchItem[] {
  const items: LaunchItem[] = findPlaceholders(settings).map((field) => ({ subject: field, ...explain(field) }));

  const reviewed = settings.accessibilityReviewed;
  if (!isPlaceholder(reviewed) && isStale(new Date(`${reviewed}T12:00:00Z`), today)) {
    items.push({
      section: 'Toegankelijkheid',
      subject: 'accessibilityReviewed',
      todo: `De toegankelijkheidsverklaring is nagekeken op ${formatDate(reviewed)}: langer dan ${STALE_AFTER_MONTHS} maanden geleden. Kijk ze opnieuw na.`,
    });
  }

  for (const signpost of signposts.filter((s) => !s.permanent)) {
    const reasons: string[] = [];
    if (!signpost.checked) reasons.push(`Niemand heeft de gegevens nagekeken bij de organisatie zelf (bron: ${signpost.source}).`);
    if (!signpost.date) reasons.push('Er staat geen datum bij.');
    else if (isStale(signpost.date, today)) reasons.push(`De datum (${formatDate(signpost.date)}) ligt meer dan ${STALE_AFTER_MONTHS} maanden terug.`);
    if (reasons.length) {
      items.push({
        section: 'Wegwijzer',
        subject: `${signpost.name} (${signpost.file})`,
        todo: `${reasons.join(' ')} Kijk de eigen, actuele gegevens van de organisatie na en noteer wanneer en hoe.`,
      });
    }
  }

  for (const { file, field, value } of contentPlaceholders) {
    items.push({ section: 'Inhoud', subject: `${file}: ${field}`, todo: `Vervang de voorbeeldwaarde door wat de stad beslist heeft ("${value}").` });
  }

  const rank = (section: string) => (sectionOrder.includes(section) ? sectionOrder.indexOf(section) : sectionOrder.length);
  return items.map((item, index) => ({ item, index })).sort((a, b) => rank(a.item.section) - rank(b.item.section) || a.index - b.index).map(({ item }) => item);
}

/** The list as the script prints it: a summary line, then the items per section. */
export function formatLaunchCheck(items: LaunchItem[]): string {
  if (items.length === 0) return 'Lanceercontrole: alles is ingevuld en nagekeken. De website kan live gaan.';
  const lines = [`Lanceercontrole: nog ${items.length} ${items.length === 1 ? 'punt' : 'punten'} voor de website live kan gaan.`];
  let section = '';
  for (const item of items) {
    if (item.section !== section) {
      section = item.section;
      lines.push('', section);
    }
    lines.push(`  - ${item.subject}: ${item.todo}`);
  }
  return lines.join('\n');
}
