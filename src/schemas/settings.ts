import { z } from 'astro/zod';

/**
 * The schema of `src/settings.ts`: everything that differs from one municipality to the next.
 * Messages are in Dutch because the people who edit the settings are the city's editors.
 */

/** Marks a value that a municipality still has to fill in; the build warns while one remains. */
export const PLACEHOLDER_PATTERN = /example\.(org|com|net)|\[in te vullen/i;

const text = (what: string) =>
  z.string({ error: `Vul ${what} in (tekst).` }).trim().min(1, { error: `${what} mag niet leeg zijn.` });

/** A value that is nothing but a visible placeholder, for fields whose real value has another shape. */
const placeholderText = z.string().regex(PLACEHOLDER_PATTERN);

const email = (what: string) =>
  z.email({ error: `${what} moet een geldig e-mailadres zijn, bijvoorbeeld naam@example.org.` });

/** A Belgian phone number as people write it, or a visible placeholder. */
const phone = (what: string) =>
  text(what).refine((v) => PLACEHOLDER_PATTERN.test(v) || /^\+?[0-9][0-9 ./]{5,18}[0-9]$/.test(v), {
    error: `${what} moet een telefoonnummer zijn (alleen cijfers, spaties, punten of schuine strepen).`,
  });

const recipients = (what: string) =>
  z.array(email(what), { error: `${what} moet een lijst van e-mailadressen zijn.` }).min(1, {
    error: `${what} heeft minstens één e-mailadres nodig.`,
  });

export const settingsSchema = z.strictObject(
  {
    /** The municipality, as residents write it. */
    city: text('de naam van de stad of gemeente'),
    /** The public name of the contact point, used in the header and page titles. */
    contactPointName: text('de naam van het aanspreekpunt'),
    /** The service the expert works in; shown wherever we say who reads a report. */
    expertService: text('de naam van de dienst van de deskundige'),
    /** The function title of the expert, as the action plan names it. */
    expertTitle: text('de functie van de deskundige'),
    /** How people reach the contact point. Shipped as placeholders until the city fills them in. */
    contact: z.strictObject({
      /** Phone number of the contact point. */
      phone: phone('contact.phone'),
      /** E-mail address of the contact point. */
      email: email('contact.email'),
      /** Visiting address, one line. */
      address: text('contact.address'),
      /** When the contact point answers, in plain words. */
      openingHours: text('contact.openingHours'),
    }),
    /** The promise "je krijgt binnen N werkdagen antwoord". */
    responseWorkingDays: z
      .number({ error: 'responseWorkingDays moet een getal zijn.' })
      .int({ error: 'responseWorkingDays moet een geheel getal zijn.' })
      .min(1, { error: 'responseWorkingDays moet minstens 1 zijn.' })
      .max(20, { error: 'responseWorkingDays mag hoogstens 20 zijn.' }),
    /** Emergency numbers. Belgian values; only change them if the law changes. */
    emergency: z.strictObject({
      /** European emergency number for immediate danger. */
      general: z.literal('112', { error: 'emergency.general moet 112 zijn.' }),
      /** Belgian police emergency number. */
      police: z.literal('101', { error: 'emergency.police moet 101 zijn.' }),
    }),
    /** The privacy facts the privacy statement needs; the city's DPO confirms them. */
    privacy: z.strictObject({
      /** The controller (verwerkingsverantwoordelijke). */
      controller: text('privacy.controller'),
      /** E-mail address of the data protection officer. */
      dpoEmail: email('privacy.dpoEmail'),
      /** Legal basis for processing reports, as the city states it. */
      legalBasis: text('privacy.legalBasis'),
      /** Days a delivered report or booking stays on the web server before it is erased. */
      retentionDays: z
        .number({ error: 'privacy.retentionDays moet een getal zijn.' })
        .int({ error: 'privacy.retentionDays moet een geheel getal zijn.' })
        .min(0, { error: 'privacy.retentionDays mag niet negatief zijn.' })
        .max(90, { error: 'privacy.retentionDays mag hoogstens 90 zijn.' }),
    }),
    /** Who receives what: each form kind goes to its own list of recipients. */
    routing: z.strictObject({
      /** A worry about a person who may be radicalising. */
      concernPerson: recipients('routing.concernPerson'),
      /** A worry about tensions or polarisation in a group, class, club or neighbourhood. */
      concernGroup: recipients('routing.concernGroup'),
      /** A question or a request for advice. */
      question: recipients('routing.question'),
      /** Workshop booking requests. */
      workshop: recipients('routing.workshop'),
    }),
    /** The workshop coordinator, who confirms or declines bookings. */
    workshopCoordinator: z.strictObject({
      /** Name or function shown to schools. */
      name: text('workshopCoordinator.name'),
      /** Address that receives booking requests. */
      email: email('workshopCoordinator.email'),
    }),
    /** Where "Verlaat deze pagina" goes: a neutral page that gives nothing away. */
    quickExitUrl: z.url({ protocol: /^https$/, error: 'quickExitUrl moet een https-adres zijn.' }),
    /**
     * The date the city last checked the site against WCAG 2.1 AA for its accessibility statement
     * (YYYY-MM-DD), or a placeholder until it has. The launch check lists it, and a date older than
     * 12 months.
     */
    accessibilityReviewed: z.union([placeholderText, z.iso.date()], {
      error: 'accessibilityReviewed moet een datum zijn (JJJJ-MM-DD).',
    }),
    /** How that check was done, in plain Dutch (the model statement asks for it). */
    accessibilityMethod: text('accessibilityMethod'),
    /** The city's complaints service: where someone goes when an accessibility problem is not solved. */
    complaintsService: z.strictObject({
      /** Its name, as residents know it. */
      name: text('complaintsService.name'),
      /** Its web page (https). */
      url: z.url({ protocol: /^https$/, error: 'complaintsService.url moet een https-adres zijn.' }),
    }),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Onbekend veld: ${issue.keys.join(', ')}.` : undefined) },
);

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

/** Parses settings and throws one readable message that names the file and every bad field. */
export function parseSettings(input: unknown, file = 'src/settings.ts'): Settings {
  const result = settingsSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const field = issue.path.join('.') || '(hoofdniveau)';
    return `  - ${field}: ${issue.message}`;
  });
  throw new Error(`De instellingen in ${file} kloppen niet:\n${lines.join('\n')}`);
}

/** Lists every field that still holds a placeholder value, as dotted paths. */
export function findPlaceholders(value: unknown, path: string[] = []): string[] {
  if (typeof value === 'string') return PLACEHOLDER_PATTERN.test(value) ? [path.join('.')] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => findPlaceholders(v, [...path, String(i)]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => findPlaceholders(v, [...path, k]));
  }
  return [];
}
