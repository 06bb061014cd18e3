import { z } from 'astro/zod';
import { contrastRatio, hexPattern } from '../lib/colour.ts';
import { forEditors, rule } from './dutch-errors.ts';

/**
 * The schema of `src/settings.ts`: everything that differs from one municipality to the next.
 * Messages are in Dutch because the people who edit the settings are the city's editors; the
 * one error map (src/schemas/dutch-errors.ts) writes them and names each field by its path.
 */

/** Marks a value that a municipality still has to fill in; the build warns while one remains. */
export const PLACEHOLDER_PATTERN = /example\.(org|com|net)|\[in te vullen/i;

const text = z.string().trim().min(1);

/** A value that is nothing but a visible placeholder, for fields whose real value has another shape. */
const placeholderText = z.string().regex(PLACEHOLDER_PATTERN);

const email = z.email();

/** A Belgian phone number as people write it, or a visible placeholder. */
const phone = text.refine(
  (v) => PLACEHOLDER_PATTERN.test(v) || /^\+?[0-9][0-9 ./]{5,18}[0-9]$/.test(v),
  rule('moet een telefoonnummer zijn (alleen cijfers, spaties, punten of schuine strepen)'),
);

const recipients = z.array(email).refine((list) => list.length > 0, rule('heeft minstens één e-mailadres nodig'));

const colour = z.string().refine((v) => hexPattern.test(v), rule('moet een kleur zijn zoals #0d524c'));

/**
 * The colour pairs the design relies on, with the WCAG AA minimum each needs:
 * 4.5 for text, 3 for the focus indicator against what surrounds it.
 */
export const colourPairs = [
  { what: 'witte tekst op colours.brand (knoppen)', fg: '#ffffff', bg: 'brand', min: 4.5 },
  { what: 'witte tekst op colours.brandDark (kopbalk, voettekst)', fg: '#ffffff', bg: 'brandDark', min: 4.5 },
  { what: 'colours.brand op colours.page (links)', fg: 'brand', bg: 'page', min: 4.5 },
  { what: 'colours.brand op colours.brandTint', fg: 'brand', bg: 'brandTint', min: 4.5 },
  { what: 'colours.brandDark op colours.page (koppen)', fg: 'brandDark', bg: 'page', min: 4.5 },
  { what: 'colours.text op colours.page', fg: 'text', bg: 'page', min: 4.5 },
  { what: 'colours.focusText op colours.focus (link met focus)', fg: 'focusText', bg: 'focus', min: 4.5 },
  { what: 'colours.focusText tegen colours.page (focusrand)', fg: 'focusText', bg: 'page', min: 3 },
  { what: 'colours.focus tegen colours.brand (focus op een knop)', fg: 'focus', bg: 'brand', min: 3 },
  { what: 'colours.focus tegen colours.brandDark (focus in de kopbalk)', fg: 'focus', bg: 'brandDark', min: 3 },
] as const;

const identity = z
  .strictObject({
    /** The logo mark beside the city's name in the header: an SVG file in `public/`, as a path from the site root. */
    logo: z.string().refine((v) => /^\/[\w./-]+\.svg$/.test(v), rule('moet een SVG-bestand in public/ zijn, zoals /logo.svg')),
    /** The few colours the design is built from; lighter and darker shades are derived from them. */
    colours: z.strictObject({
      /** Main colour: buttons, links, accents. White text must be readable on it. */
      brand: colour,
      /** Darkest colour: header band, footer, headings. */
      brandDark: colour,
      /** A very light tint of the brand for calm backgrounds. */
      brandTint: colour,
      /** Body text. */
      text: colour,
      /** Page background. */
      page: colour,
      /** Focus highlight (GOV.UK uses yellow): behind focused links, around focused fields and buttons. */
      focus: colour,
      /** Text and outer ring of the focus highlight. */
      focusText: colour,
    }),
  })
  .superRefine((value, ctx) => {
    const pick = (name: string) => (name.startsWith('#') ? name : value.colours[name as keyof typeof value.colours]);
    // A colour that is not #rrggbb already has its own message; contrast needs all of them.
    if (!Object.values(value.colours).every((c) => hexPattern.test(c))) return;
    for (const pair of colourPairs) {
      const ratio = contrastRatio(pick(pair.fg), pick(pair.bg));
      if (ratio < pair.min) {
        ctx.addIssue({ code: 'custom', path: ['colours'], ...rule(`heeft te weinig contrast: ${pair.what} is ${ratio.toFixed(2)}:1, minstens ${pair.min}:1 nodig`) });
      }
    }
  });

export const settingsSchema = z.strictObject(
  {
    /** The look: logo and colours (see `identity` above). */
    identity,
    /** The municipality, as residents write it. */
    city: text,
    /** The public name of the contact point, used in the header and page titles. */
    contactPointName: text,
    /** The service the expert works in; shown wherever we say who reads a report. */
    expertService: text,
    /** The function title of the expert, as the action plan names it. */
    expertTitle: text,
    /** How people reach the contact point. Shipped as placeholders until the city fills them in. */
    contact: z.strictObject({
      /** Phone number of the contact point. */
      phone: phone,
      /** E-mail address of the contact point. */
      email: email,
      /** Visiting address, one line. */
      address: text,
      /** When the contact point answers, in plain words. */
      openingHours: text,
    }),
    /**
     * The promise "je krijgt binnen N werkdagen antwoord". No source document sets it: the city
     * decides it. Until then it is a placeholder text and pages promise no number of days.
     */
    responseWorkingDays: z.union(
      [
        z.number().int().min(1).max(20),
        z.string().regex(PLACEHOLDER_PATTERN),
      ],
    ).meta(rule('moet een geheel aantal werkdagen zijn (1 tot 20), of "[in te vullen: …]" zolang de stad niet beslist heeft').params),
    /**
     * Whether the city accepts a concern without the reporter's name (a product choice, not in the
     * action plan). `true` lets pages say "je kunt anoniem blijven"; until the city decides, pages
     * only say that a name is not required. `false` removes the promise; then also remove the
     * anonymous choice from src/forms/concern-form.ts.
     */
    anonymousReporting: z
      .union([z.boolean(), z.string().regex(PLACEHOLDER_PATTERN)])
      .meta(rule('moet true of false zijn, of "[in te vullen: …]" zolang de stad niet beslist heeft').params),
    /** Emergency numbers. Belgian values; only change them if the law changes. */
    emergency: z.strictObject({
      /** European emergency number for immediate danger. */
      general: z.literal('112'),
      /** Belgian police emergency number. */
      police: z.literal('101'),
    }),
    /** The privacy facts the privacy statement needs; the city's DPO confirms them. */
    privacy: z.strictObject({
      /** The controller (verwerkingsverantwoordelijke). */
      controller: text,
      /** E-mail address of the data protection officer. */
      dpoEmail: email,
      /** Legal basis for processing reports, as the city states it. */
      legalBasis: text,
      /** Days a delivered report or booking stays on the web server before it is erased. */
      retentionDays: z.number().int().min(0).max(90),
    }),
    /** Who receives what: each form kind goes to its own list of recipients. */
    routing: z.strictObject({
      /** A worry about a person who may be radicalising. */
      concernPerson: recipients,
      /** A worry about tensions or polarisation in a group, class, club or neighbourhood. */
      concernGroup: recipients,
      /** A question or a request for advice. */
      question: recipients,
      /** Workshop booking requests. */
      workshop: recipients,
    }),
    /** The workshop coordinator, who confirms or declines bookings. */
    workshopCoordinator: z.strictObject({
      /** Name or function shown to schools. */
      name: text,
      /** Address that receives booking requests. */
      email: email,
    }),
    /** Where "Verlaat deze pagina" goes: a neutral page that gives nothing away. */
    quickExitUrl: z.url({ protocol: /^https$/ }),
    /**
     * The date the city last checked the site against WCAG 2.1 AA for its accessibility statement
     * (YYYY-MM-DD), or a placeholder until it has. The launch check lists it, and a date older than
     * 12 months.
     */
    accessibilityReviewed: z.union([placeholderText, z.iso.date()]).meta(rule('moet een datum zijn (JJJJ-MM-DD)').params),
    /** How that check was done, in plain Dutch (the model statement asks for it). */
    accessibilityMethod: text,
    /** The city's complaints service: where someone goes when an accessibility problem is not solved. */
    complaintsService: z.strictObject({
      /** Its name, as residents know it. */
      name: text,
      /** Its web page (https). */
      url: z.url({ protocol: /^https$/ }),
    }),
  },
);

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

/** Parses settings and throws one readable message that names the file and every bad field. */
export function parseSettings(input: unknown, file = 'src/settings.ts'): Settings {
  const result = settingsSchema.safeParse(input, forEditors);
  if (result.success) return result.data;
  // Each message names its field already.
  const lines = result.error.issues.map((issue) => `  - ${issue.message}`);
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
