import { z } from 'astro/zod';
import { audiences, nonEmpty } from './shared.ts';
import { unsupportedCheckDate } from '../../lib/content-integrity.ts';

const date = (field: string) => z.coerce.date({ error: `Het veld "${field}" moet een datum zijn (JJJJ-MM-DD).` });

/** An organisation on the signposting page (src/content/organisaties/*.md). */
export const organisatieSchema = z.strictObject({
  /** The organisation's name. */
  name: nonEmpty('name'),
  /** What it does, in one or two plain sentences. */
  whatItDoes: nonEmpty('whatItDoes'),
  /** For whom, in words. */
  forWhom: nonEmpty('forWhom'),
  /** Audiences, for filters and landing pages. */
  audiences: z.array(z.enum(audiences, { error: `Het veld "audiences" bevat een onbekende doelgroep. Kies uit: ${audiences.join(', ')}.` })).default([]),
  /** Contact facts: only values from the project's list of checked facts. */
  contact: z
    .strictObject({
      phone: z.string().regex(/^[0-9 +]+$/, { error: 'Het veld "contact.phone" mag alleen cijfers en spaties bevatten.' }).optional(),
      email: z.email({ error: 'Het veld "contact.email" moet een geldig e-mailadres zijn.' }).optional(),
      website: z.url({ protocol: /^https?$/, error: 'Het veld "contact.website" moet een webadres zijn.' }).optional(),
    })
    .default({}),
  /** A caution visitors must read, e.g. that a helpline is not a reporting line. */
  note: z.string().optional(),
  /** Where the facts were checked. */
  checkedAt: nonEmpty('checkedAt'),
  /** When the facts were last checked (JJJJ-MM-DD); the build warns after 12 months. */
  lastChecked: date('lastChecked'),
  /**
   * The date of the newest source document the facts come from (JJJJ-MM-DD). Without a real
   * check (`verified`), "lastChecked" may not be later than this date.
   */
  sourceDate: date('sourceDate').optional(),
  /** A real check: someone compared the facts with the organisation's own current information. */
  verified: z
    .strictObject({
      /** The day of that check (JJJJ-MM-DD). */
      date: date('verified.date'),
      /** Who checked, and how, e.g. "dienst Communicatie, website van de organisatie en telefonisch". */
      by: nonEmpty('verified.by'),
    })
    .optional(),
  /** Order on the signposting page; lower comes first. */
  order: z.number().int().default(100),
}).superRefine((data, ctx) => {
  const problem = unsupportedCheckDate(data);
  if (problem) ctx.addIssue({ code: 'custom', path: ['lastChecked'], message: problem });
});
export type OrganisatieData = z.infer<typeof organisatieSchema>;
