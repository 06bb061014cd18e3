import { z } from 'astro/zod';
import { settings } from '../settings.ts';
import { anonymitySentence, callbackSentence } from '../lib/promises.ts';
import type { Option, RoutedForm } from './definition.ts';
import { choiceAnswer, choicesAnswer, textAnswer } from './validation.ts';

/**
 * "Bezorgdheid delen": only what the expert needs to start a conversation (data minimisation).
 * No date of birth, national number or address of the person: an age band and a district suffice.
 */
const topics = ['persoon', 'groep', 'vraag'] as const;
const roles = ['inwoner', 'ouder', 'jongere', 'leerkracht', 'jeugdwerker', 'hulpverlener', 'andere'] as const;
const since = ['recent', 'maanden', 'lang', 'onbekend'] as const;
const ages = ['minderjarig', 'volwassen', 'onbekend'] as const;
const yesNoUnknown = ['ja', 'nee', 'onbekend'] as const;
const contactChoice = ['anoniem', 'contact'] as const;
const yesNo = ['ja', 'nee'] as const;
const moments = ['voormiddag', 'namiddag', 'avond'] as const;

const options = <T extends readonly string[]>(values: T, labels: Record<T[number], string>, hints: Partial<Record<T[number], string>> = {}): Option[] =>
  values.map((value) => ({ value, label: labels[value as T[number]], hint: hints[value as T[number]] }));

/** Belgian numbers as people type them: digits, spaces, dots, slashes, an optional leading +. */
export const phonePattern = /^\+?[0-9][0-9 ./-]{7,18}[0-9]$/;

/** The questions after "Neem contact met mij op"; ignored when the person stays anonymous. */
const contactFields = ['naam', 'telefoon', 'email', 'terugbellen', 'momenten', 'bericht'] as const;

/**
 * Without JavaScript the contact questions stay visible after "Ik blijf anoniem", so someone may
 * have typed in them. Anonymous means anonymous: those answers are dropped before validation,
 * never stored and never checked.
 */
function dropContactWhenAnonymous(input: unknown): unknown {
  if (!input || typeof input !== 'object' || (input as Record<string, unknown>).contact !== 'anoniem') return input;
  const kept = { ...(input as Record<string, unknown>) };
  for (const name of contactFields) kept[name] = undefined;
  return kept;
}

export const concernSchema = z.preprocess(dropContactWhenAnonymous, z
  .strictObject({
    soort: choiceAnswer(topics, true),
    rol: choiceAnswer(roles, true),
    bezorgdheid: textAnswer(5000, { required: true, min: 10 }),
    sinds: choiceAnswer(since),
    leeftijd: choiceAnswer(ages),
    plaats: textAnswer(80),
    anderen: choiceAnswer(yesNoUnknown),
    contact: choiceAnswer(contactChoice, true),
    naam: textAnswer(100),
    telefoon: textAnswer(30).refine((v) => v === undefined || phonePattern.test(v), {
      error: 'Vul een telefoonnummer in zoals 03 123 45 67 of 0470 12 34 56.',
    }),
    email: textAnswer(200).refine((v) => v === undefined || z.email().safeParse(v).success, {
      error: 'Vul een e-mailadres in zoals naam@voorbeeld.be.',
    }),
    terugbellen: choiceAnswer(yesNo),
    momenten: choicesAnswer(moments),
    bericht: choiceAnswer(yesNo),
  })
  .superRefine((data, ctx) => {
    const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (data.contact === 'contact') {
      if (!data.naam) add('naam', 'Vul je naam in, zodat we weten wie we contacteren.');
      if (!data.telefoon && !data.email) add('telefoon', 'Vul een telefoonnummer of een e-mailadres in, zodat we je kunnen bereiken.');
      if (data.terugbellen === 'ja' && !data.telefoon) add('telefoon', 'Vul je telefoonnummer in als we je mogen terugbellen.');
    }
    // Run even when other answers are wrong, so the person sees every problem at once.
  }, { when: () => true })
  // Validation guarantees the required answer.
  .transform((data) => ({ ...data, bezorgdheid: data.bezorgdheid! })));

/** GOV.UK's conditional reveal: with JavaScript the contact questions appear once this answer is chosen. */
const contactChosen = { field: 'contact', value: 'contact' } as const;

/** A concern as stored: the schema's output, read back with this after any deploy. */
const storedConcern = z.strictObject({
  soort: z.enum(topics),
  rol: z.enum(roles),
  bezorgdheid: z.string(),
  sinds: z.enum(since).optional(),
  leeftijd: z.enum(ages).optional(),
  plaats: z.string().optional(),
  anderen: z.enum(yesNoUnknown).optional(),
  contact: z.enum(contactChoice),
  naam: z.string().optional(),
  telefoon: z.string().optional(),
  email: z.string().optional(),
  terugbellen: z.enum(yesNo).optional(),
  momenten: z.array(z.enum(moments)),
  bericht: z.enum(yesNo).optional(),
});

export type ConcernData = z.output<typeof storedConcern>;

export const concernForm: RoutedForm<ConcernData, typeof concernSchema> = {
  id: 'melding',
  maxBodyBytes: 48 * 1024,
  schema: concernSchema,
  stored: { version: 1, schema: storedConcern },
  route: (data) => ({ persoon: 'concernPerson', groep: 'concernGroup', vraag: 'question' } as const)[data.soort],
  subject: (data) =>
    ({ persoon: 'Bezorgdheid over een persoon', groep: 'Spanningen in een groep', vraag: 'Vraag of advies' } as const)[data.soort],
  // An opaque one-time token: the address holds neither the receipt nor the reference.
  confirmationPath: (token) => `/melden/ontvangen/${token}`,
  checkAnswers: true,
  sections: [
    {
      id: 'onderwerp',
      legend: 'Waarover gaat het?',
      fields: [
        {
          name: 'soort',
          type: 'radios',
          label: 'Waarover gaat je bericht?',
          inSentence: 'waarover je bericht gaat',
          options: options(topics, {
            persoon: 'Ik maak me zorgen over een persoon',
            groep: 'Ik maak me zorgen over spanningen in een groep, klas, club of buurt',
            vraag: 'Ik heb een vraag of wil advies',
          }),
        },
      ],
    },
    {
      id: 'over-jou',
      legend: 'Over jou',
      fields: [
        {
          name: 'rol',
          type: 'radios',
          label: 'Wie ben jij?',
          inSentence: 'wie je bent',
          hint: 'Zo weet de deskundige vanuit welke plek je de situatie ziet.',
          options: options(roles, {
            inwoner: 'Inwoner',
            ouder: 'Ouder of familielid',
            jongere: 'Jongere, leerling of student',
            leerkracht: 'Leerkracht of iemand van een school',
            jeugdwerker: 'Jeugdwerker',
            hulpverlener: 'Hulpverlener of maatschappelijk werker',
            andere: 'Iemand anders',
          }),
        },
      ],
    },
    {
      id: 'bezorgdheid',
      legend: 'Je bezorgdheid',
      fields: [
        {
          name: 'bezorgdheid',
          type: 'textarea',
          label: 'Wat maakt je ongerust?',
          inSentence: 'wat je ongerust maakt',
          hint: 'Vertel in je eigen woorden wat je gezien of gehoord hebt. Je hoeft geen namen te noemen.',
          maxLength: 5000,
          rows: 8,
        },
        {
          name: 'sinds',
          type: 'radios',
          label: 'Sinds wanneer merk je dit?',
          inSentence: 'sinds wanneer je dit merkt',
          optional: true,
          options: options(since, {
            recent: 'Minder dan een maand',
            maanden: 'Een tot zes maanden',
            lang: 'Langer dan zes maanden',
            onbekend: 'Ik weet het niet',
          }),
        },
        {
          name: 'leeftijd',
          type: 'radios',
          label: 'Hoe oud is de persoon over wie je je zorgen maakt?',
          inSentence: 'hoe oud de persoon is',
          hint: 'Gaat je bericht over een persoon? Dan helpt dit de deskundige. Je mag het ook leeg laten. We vragen geen geboortedatum.',
          optional: true,
          options: options(ages, { minderjarig: 'Jonger dan 18 jaar', volwassen: '18 jaar of ouder', onbekend: 'Ik weet het niet' }),
        },
        {
          name: 'plaats',
          type: 'text',
          label: 'In welke wijk of deelgemeente speelt dit?',
          inSentence: 'de wijk of deelgemeente',
          hint: `Bijvoorbeeld de naam van een wijk in ${settings.city}. Geen adres.`,
          optional: true,
          maxLength: 80,
          width: 'medium',
          autocomplete: 'off',
        },
        {
          name: 'anderen',
          type: 'radios',
          label: 'Zijn er nog anderen bij betrokken?',
          inSentence: 'of er nog anderen bij betrokken zijn',
          optional: true,
          inline: true,
          options: options(yesNoUnknown, { ja: 'Ja', nee: 'Nee', onbekend: 'Ik weet het niet' }),
        },
      ],
    },
    {
      id: 'contact',
      legend: 'Mogen we je contacteren?',
      hint: [anonymitySentence(), 'Zonder contactgegevens kunnen we je niet antwoorden, maar je krijgt wel een referentienummer.'].filter(Boolean).join(' '),
      fields: [
        {
          name: 'contact',
          type: 'radios',
          label: 'Hoe wil je verdergaan?',
          inSentence: 'of je anoniem blijft of dat we je mogen contacteren',
          options: options(contactChoice, {
            anoniem: 'Ik geef geen naam of contactgegevens',
            contact: 'Neem contact met mij op',
          }),
        },
        { name: 'naam', shownWhen: contactChosen, type: 'text', label: 'Je naam', hint: 'Alleen als we je mogen contacteren.', optional: true, autocomplete: 'name', maxLength: 100, width: 'long', spellcheck: false },
        { name: 'telefoon', shownWhen: contactChosen, type: 'tel', label: 'Je telefoonnummer', hint: 'Vul een telefoonnummer of een e-mailadres in, of allebei.', optional: true, autocomplete: 'tel', inputmode: 'tel', maxLength: 30, width: 'medium' },
        { name: 'email', shownWhen: contactChosen, type: 'email', label: 'Je e-mailadres', optional: true, autocomplete: 'email', inputmode: 'email', maxLength: 200, width: 'long', spellcheck: false },
        {
          name: 'terugbellen',
          shownWhen: contactChosen,
          type: 'radios',
          label: 'Mogen we je terugbellen?',
          inSentence: 'of we je mogen terugbellen',
          optional: true,
          inline: true,
          options: options(yesNo, { ja: 'Ja', nee: 'Nee, liever per e-mail' }),
        },
        {
          name: 'momenten',
          shownWhen: contactChosen,
          type: 'checkboxes',
          label: 'Wanneer bereiken we je het best?',
          inSentence: 'wanneer we je het best bereiken',
          // Only the reporter's preference: when the expert calls back is the city's decision (contact.openingHours).
          hint: [callbackSentence(), 'Kies alles wat past.'].filter(Boolean).join(' '),
          optional: true,
          options: options(moments, { voormiddag: 'In de voormiddag', namiddag: 'In de namiddag', avond: 'In de vooravond' }),
        },
        {
          name: 'bericht',
          shownWhen: contactChosen,
          type: 'radios',
          label: 'Mogen we een bericht achterlaten als je niet opneemt?',
          inSentence: 'of we een bericht mogen achterlaten',
          hint: 'Denk eraan wie je telefoon of mailbox nog kan zien.',
          optional: true,
          inline: true,
          options: options(yesNo, { ja: 'Ja', nee: 'Nee' }),
        },
      ],
    },
  ],
};
