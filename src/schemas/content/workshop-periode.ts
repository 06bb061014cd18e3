import { z } from 'astro/zod';
import { nonEmpty } from './shared.ts';
import { rule } from '../dutch-errors.ts';

/** A calendar day; YAML turns 2027-02-01 into a date, so both a date and text are accepted. */
const day = z.coerce.date().transform((date) => date.toISOString().slice(0, 10));

/**
 * A booking period (src/content/boekingsperiodes/*.yaml): the days in which workshops can be
 * given and how many sessions there are in total. Every requested or confirmed booking in the
 * period takes one session; the booking pages show how many are left.
 */
export const periodeSchema = z
  .strictObject({
    /** How schools call the period, e.g. "voorjaar 2027". */
    name: nonEmpty,
    /** The first day a workshop can take place (JJJJ-MM-DD). */
    start: day,
    /** The last day a workshop can take place (JJJJ-MM-DD). */
    end: day,
    /** How many sessions StampMedia can give in this period, for all its workshops together. */
    sessions: z
      .number()
      .int()
      .min(1)
      .max(1000),
  })
  .refine((period) => period.end >= period.start, { ...rule('ligt voor start: de periode moet eindigen na ze begint'), path: ['end'] });
export type PeriodeData = z.infer<typeof periodeSchema>;
