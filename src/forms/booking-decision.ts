import { z } from 'astro/zod';
import type { FormDefinition } from './definition.ts';
import { choiceAnswer, textAnswer } from './validation.ts';
import { rule } from '../schemas/dutch-errors.ts';
import { parseTime } from './booking-dates.ts';
import { formatDay } from '../lib/dates.ts';

/**
 * The coordinator's two small forms behind the signed links in the booking mail. They are
 * rendered and validated like every other form (FormRenderer, validateForm); what happens on
 * success is not a new submission but a decision on an existing one (src/app/workshops/decision.ts).
 */

/** What the coordinator can do with a booking; the last-but-one segment of a signed link. */
export const BOOKING_ACTIONS = ['bevestigen', 'weigeren'] as const;
export type BookingAction = (typeof BOOKING_ACTIONS)[number];

/** How long the coordinator's links work: long enough for a coordinator on holiday. */
export const LINK_VALIDITY_MS = 30 * 24 * 60 * 60 * 1000;

function timeAnswer() {
  return textAnswer(10, { required: true })
    .refine((v) => v === undefined || parseTime(v) !== undefined, rule('moet een uur zijn, zoals 10:00 of 13:30'))
    .transform((v) => (v === undefined ? undefined : parseTime(v)));
}

function confirmSchema(days: [string, ...string[]]) {
  return z
    .strictObject({
      dag: choiceAnswer(days, true),
      begin: timeAnswer(),
      einde: timeAnswer(),
    })
    .refine((data) => !data.begin || !data.einde || data.einde > data.begin, { ...rule('moet later zijn dan het beginuur'), path: ['einde'] })
    .transform((data) => ({ dag: data.dag!, begin: data.begin!, einde: data.einde! }));
}

export type ConfirmData = z.infer<ReturnType<typeof confirmSchema>>;

/** "Bevestigen": one of the school's preferred days, and the hours agreed with StampMedia. */
export function createConfirmForm(preferredDays: string[]): FormDefinition<ReturnType<typeof confirmSchema>> {
  return {
    id: 'boeking-bevestigen',
    maxBodyBytes: 4 * 1024,
    schema: confirmSchema(preferredDays as [string, ...string[]]),
    sections: [
      {
        id: 'sessie',
        legend: 'Wanneer gaat de workshop door?',
        hint: 'De school krijgt een e-mail met deze dag en uren, en een agenda-item.',
        fields: [
          { name: 'dag', type: 'radios', label: 'Kies een van de voorkeurdagen van de school', inSentence: 'de dag waarop de workshop doorgaat', options: preferredDays.map((day) => ({ value: day, label: formatDay(day) })) },
          { name: 'begin', type: 'text', label: 'Beginuur', inSentence: 'het beginuur', hint: 'Bijvoorbeeld 10:00.', maxLength: 10, width: 'short', autocomplete: 'off', inputmode: 'numeric' },
          { name: 'einde', type: 'text', label: 'Einduur', inSentence: 'het einduur', hint: 'Bijvoorbeeld 11:40.', maxLength: 10, width: 'short', autocomplete: 'off', inputmode: 'numeric' },
        ],
      },
    ],
  };
}

const declineSchema = z
  .strictObject({
    reden: textAnswer(2000, { required: true, min: 10 }),
  })
  .transform((data) => ({ reden: data.reden! }));

export type DeclineData = z.infer<typeof declineSchema>;

/** "Weigeren": the reason, which the school reads in its mail. */
export const declineForm: FormDefinition<typeof declineSchema> = {
  id: 'boeking-weigeren',
  maxBodyBytes: 8 * 1024,
  schema: declineSchema,
  sections: [
    {
      id: 'reden',
      legend: 'Waarom gaat de workshop niet door?',
      hint: 'De school leest dit in een e-mail. Schrijf kort en vriendelijk, en zeg wat de school nu kan doen.',
      fields: [{ name: 'reden', type: 'textarea', label: 'De reden voor de school', inSentence: 'de reden', maxLength: 2000, rows: 6 }],
    },
  ],
};
