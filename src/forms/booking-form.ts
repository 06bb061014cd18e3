import { z } from 'astro/zod';
import type { FormKind, Option, RoutedForm, StoredPayload } from './definition.ts';
import { choiceAnswer, textAnswer } from './validation.ts';
import { rule } from '../schemas/dutch-errors.ts';
import { phonePattern } from './concern-form.ts';
import { OTHER_SCHOOL, findPeriod, findWorkshop, schoolName, type BookingCatalogue, type CataloguePeriod } from './booking-catalogue.ts';
import { isWeekday, parseDay, todayInBrussels } from './booking-dates.ts';
import { formatDate } from '../lib/dates.ts';
import { isPlaceholder } from '../lib/promises.ts';

/**
 * "Een workshop aanvragen": what the coordinator needs to plan a session, and nothing more.
 * The choices (schools, workshops) and the date rules come from the content, so the form is
 * built from the catalogue; it is served and validated by the same machinery as every form.
 */
export const BOOKING_FORM_ID = 'boeking' satisfies FormKind;

/** The preferred-date fields, in order; the first two are required. */
export const DATE_FIELDS = ['datum1', 'datum2', 'datum3'] as const;
const dateLabels = { datum1: 'Eerste voorkeur', datum2: 'Tweede voorkeur', datum3: 'Derde voorkeur' } as const;

export const MAX_PUPILS = 100;

export interface BookingFormOptions {
  /** Sessions still free per period, to show next to each workshop; leave out when unknown. */
  sessionsLeft?(period: string): number | undefined;
  /** The clock for "a day after today"; tests move it. */
  now?(): number;
}

/** A preferred day: a real date, typed as the browser's date field sends it or as people write it. */
function dayAnswer(required: boolean) {
  return textAnswer(20, { required })
    .refine((v) => v === undefined || parseDay(v) !== undefined, rule('moet een datum zijn, zoals 15/03/2027'))
    .transform((v) => (v === undefined ? undefined : parseDay(v)));
}

function bookingSchema(catalogue: BookingCatalogue, now: () => number) {
  const schoolIds: [string, ...string[]] = [OTHER_SCHOOL, ...catalogue.schools.map((s) => s.id)];
  const workshopIds = catalogue.workshops.map((w) => w.id) as unknown as [string, ...string[]];
  return z
    .strictObject({
      school: choiceAnswer(schoolIds, true),
      andereSchool: textAnswer(150),
      naam: textAnswer(100, { required: true }),
      email: textAnswer(200, { required: true }).refine((v) => v === undefined || z.email().safeParse(v).success, {
        error: 'Vul een e-mailadres in zoals naam@school.be.',
      }),
      telefoon: textAnswer(30, { required: true }).refine((v) => v === undefined || phonePattern.test(v), {
        error: 'Vul een telefoonnummer in zoals 03 123 45 67 of 0470 12 34 56.',
      }),
      klas: textAnswer(100, { required: true }),
      leerlingen: textAnswer(5, { required: true })
        .refine((v) => v === undefined || (/^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_PUPILS), {
          error: `Vul het aantal leerlingen in als getal, tussen 1 en ${MAX_PUPILS}.`,
        })
        .transform((v) => (v === undefined ? undefined : Number(v))),
      workshop: choiceAnswer(workshopIds, true),
      datum1: dayAnswer(true),
      datum2: dayAnswer(true),
      datum3: dayAnswer(false),
      opmerkingen: textAnswer(2000),
    })
    .superRefine(
      (data, ctx) => {
        const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
        // The error map puts the question's words in front: "Je tweede voorkeur moet …".
        const wrongDay = (path: string, predicate: string) => ctx.addIssue({ code: 'custom', path: [path], ...rule(predicate) });
        if (data.school === OTHER_SCHOOL && !data.andereSchool) add('andereSchool', 'Vul de naam van je school in.');
        const period = findPeriod(catalogue, findWorkshop(catalogue, String(data.workshop ?? ''))?.period ?? '');
        if (!period) return;
        const today = todayInBrussels(now());
        if (period.end <= today) {
          add('workshop', 'De periode van deze workshop is voorbij. Kies een andere workshop.');
          return;
        }
        const seen = new Set<string>();
        for (const field of DATE_FIELDS) {
          const day = data[field];
          // Runs on partly invalid answers too: a day that failed its own check is skipped.
          if (typeof day !== 'string' || parseDay(day) !== day) continue;
          if (!isWeekday(day)) wrongDay(field, 'moet een schooldag zijn, van maandag tot vrijdag');
          else if (day <= today) wrongDay(field, 'moet een dag na vandaag zijn');
          else if (day < period.start || day > period.end) wrongDay(field, `moet tussen ${formatDate(period.start)} en ${formatDate(period.end)} liggen. Dan loopt de workshop`);
          else if (seen.has(day)) wrongDay(field, 'moet een andere dag zijn dan je andere voorkeuren');
          seen.add(day);
        }
      },
      // Also when other answers are wrong, so every problem shows at once.
      { when: () => true },
    )
    // Validation guarantees the required answers; the name of another school is only kept
    // when "Een andere school" was chosen.
    .transform((data) => ({
      ...data,
      school: data.school!,
      andereSchool: data.school === OTHER_SCHOOL ? data.andereSchool : undefined,
      naam: data.naam!,
      email: data.email!,
      telefoon: data.telefoon!,
      klas: data.klas!,
      leerlingen: data.leerlingen!,
      workshop: data.workshop!,
      datum1: data.datum1!,
      datum2: data.datum2!,
    }));
}


/**
 * A booking as stored: the schema's output. It does not depend on the catalogue or the date,
 * so a booking stored before a content change or a deploy is still read back.
 */
const day = z.iso.date();
const storedBookingSchema = z.strictObject({
  school: z.string(),
  andereSchool: z.string().optional(),
  naam: z.string(),
  email: z.string(),
  telefoon: z.string(),
  klas: z.string(),
  leerlingen: z.number().int(),
  workshop: z.string(),
  datum1: day,
  datum2: day,
  datum3: day.optional(),
  opmerkingen: z.string().optional(),
});

export type BookingData = z.output<typeof storedBookingSchema>;

export const storedBooking: StoredPayload<BookingData> = { version: 1, schema: storedBookingSchema };

/** The preferred days of a booking, in the order of preference. */
export function preferredDays(data: Pick<BookingData, 'datum1' | 'datum2' | 'datum3'>): string[] {
  return DATE_FIELDS.flatMap((field) => (data[field] ? [data[field]] : []));
}

/** "Nog 3 van de 10 sessies vrij", or that the period is full. */
export function sessionsLeftText(left: number, period: CataloguePeriod): string {
  if (left <= 0) return 'Volzet: er is geen sessie meer vrij.';
  return left === 1 ? `Nog 1 van de ${period.sessions} sessies vrij.` : `Nog ${left} van de ${period.sessions} sessies vrij.`;
}

export function createBookingForm(catalogue: BookingCatalogue, options: BookingFormOptions = {}): RoutedForm<BookingData, ReturnType<typeof bookingSchema>> {
  const now = options.now ?? Date.now;
  const schema = bookingSchema(catalogue, now);
  const schoolOptions: Option[] = [...catalogue.schools.map((s) => ({ value: s.id, label: s.name })), { value: OTHER_SCHOOL, label: 'Een andere school' }];
  const workshopOptions: Option[] = catalogue.workshops.map((workshop) => {
    const period = findPeriod(catalogue, workshop.period);
    const left = period ? options.sessionsLeft?.(period.id) : undefined;
    // Example periods (a placeholder name) show no dates or session counts: they must not look bookable.
    if (period && isPlaceholder(period.name)) return { value: workshop.id, label: workshop.topic, hint: 'De data liggen nog niet vast.' };
    const when = period ? `Periode: ${period.name}, van ${formatDate(period.start)} tot ${formatDate(period.end)}.` : undefined;
    return { value: workshop.id, label: workshop.topic, hint: [when, left === undefined || !period ? undefined : sessionsLeftText(left, period)].filter(Boolean).join(' ') };
  });

  return {
    id: BOOKING_FORM_ID,
    maxBodyBytes: 16 * 1024,
    schema,
    stored: storedBooking,
    route: () => 'workshop',
    subject: (data) => `Aanvraag workshop ${findWorkshop(catalogue, data.workshop)?.topic ?? data.workshop} voor ${schoolName(catalogue, data)}`,
    confirmationPath: (reference) => `/workshops/boeking/${reference}`,
    sections: [
      {
        id: 'school',
        legend: 'Je school',
        fields: [
          {
            name: 'school',
            // Radios are easiest to use; a long list is easier to scan as a drop-down.
            type: schoolOptions.length > 10 ? 'select' : 'radios',
            label: 'Voor welke school vraag je de workshop aan?',
            inSentence: 'je school',
            options: schoolOptions,
          },
          {
            name: 'andereSchool',
            type: 'text',
            label: 'De naam van je school',
            hint: 'Alleen als je school niet in de lijst staat.',
            optional: true,
            maxLength: 150,
            width: 'long',
            autocomplete: 'organization',
          },
        ],
      },
      {
        id: 'contactpersoon',
        legend: 'Contactpersoon',
        hint: 'De coördinator van de workshops neemt contact op met deze persoon.',
        fields: [
          { name: 'naam', type: 'text', label: 'Je naam', autocomplete: 'name', maxLength: 100, width: 'long', spellcheck: false },
          {
            name: 'email',
            type: 'email',
            label: 'Je e-mailadres',
            hint: 'Hierheen sturen we de bevestiging en het agenda-item.',
            autocomplete: 'email',
            inputmode: 'email',
            maxLength: 200,
            width: 'long',
            spellcheck: false,
          },
          {
            name: 'telefoon',
            type: 'tel',
            label: 'Je telefoonnummer',
            hint: 'Zo kan de coördinator je bellen als er iets verandert.',
            autocomplete: 'tel',
            inputmode: 'tel',
            maxLength: 30,
            width: 'medium',
          },
        ],
      },
      {
        id: 'klas',
        legend: 'De klas',
        fields: [
          { name: 'klas', type: 'text', label: 'Voor welke klas of graad?', inSentence: 'de klas of graad', hint: 'Bijvoorbeeld 3B, of het hele derde jaar.', maxLength: 100, width: 'medium', autocomplete: 'off' },
          { name: 'leerlingen', type: 'number', label: 'Hoeveel leerlingen zijn er?', inSentence: 'het aantal leerlingen', inputmode: 'numeric', width: 'short', autocomplete: 'off' },
        ],
      },
      {
        id: 'welke-workshop',
        legend: 'De workshop',
        fields: [{ name: 'workshop', type: 'radios', label: 'Welke workshop wil je?', inSentence: 'een workshop', options: workshopOptions }],
      },
      {
        id: 'wanneer',
        legend: 'Wanneer?',
        hint: 'Kies twee of drie schooldagen, van maandag tot vrijdag, in de periode van de workshop. De coördinator kiest er één en laat het je weten.',
        fields: DATE_FIELDS.map((name) => ({
          name,
          // A text box, not type="date": a date picker shows the browser's locale (mm/dd in an
          // English browser), while the hint and the server read day/month/year.
          type: 'text' as const,
          label: dateLabels[name],
          inSentence: `je ${dateLabels[name].toLowerCase()}`,
          hint: 'Dag/maand/jaar, bijvoorbeeld 15/03/2027.',
          optional: name === 'datum3',
          width: 'short' as const,
          autocomplete: 'off',
        })),
      },
      {
        id: 'opmerkingen',
        legend: 'Nog iets?',
        fields: [
          {
            name: 'opmerkingen',
            type: 'textarea',
            label: 'Opmerkingen',
            inSentence: 'je opmerkingen',
            hint: 'Bijvoorbeeld welk lesuur het best past. Schrijf hier geen namen van leerlingen.',
            optional: true,
            maxLength: 2000,
            rows: 4,
          },
        ],
      },
    ],
  };
}
