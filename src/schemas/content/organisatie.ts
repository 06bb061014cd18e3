import { z } from 'astro/zod';
import { audiences, nonEmpty } from './shared.ts';

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
  lastChecked: z.coerce.date({ error: 'Het veld "lastChecked" moet een datum zijn (JJJJ-MM-DD).' }),
  /** Order on the signposting page; lower comes first. */
  order: z.number().int().default(100),
});
export type OrganisatieData = z.infer<typeof organisatieSchema>;
