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
  /** Where the facts on this entry come from: a source document or the organisation's own page. */
  source: nonEmpty('source'),
  /** The date of that source, when it has one (JJJJ-MM-DD). Without a check, the page shows this date. */
  sourceDate: z.coerce.date({ error: 'Het veld "sourceDate" moet een datum zijn (JJJJ-MM-DD).' }).optional(),
  /**
   * When someone last checked the organisation's OWN current information (its website, a phone call),
   * JJJJ-MM-DD. Only for a real check: it needs `checkedHow`. Reading the source again is no check.
   */
  lastChecked: z.coerce.date({ error: 'Het veld "lastChecked" moet een datum zijn (JJJJ-MM-DD).' }).optional(),
  /** What was checked on `lastChecked`, e.g. "website unia.be, pagina Hoe reageren?". */
  checkedHow: z.string().trim().min(1).optional(),
  /** Facts fixed by law that do not go stale (the emergency numbers): no date is shown. */
  permanent: z.boolean().default(false),
  /** Order on the signposting page; lower comes first. */
  order: z.number().int().default(100),
}).superRefine((data, ctx) => {
  if (data.lastChecked && !data.checkedHow) {
    ctx.addIssue({
      code: 'custom',
      path: ['checkedHow'],
      message:
        'Het veld "lastChecked" is alleen voor een echte controle van de eigen, actuele gegevens van de organisatie. Vul "checkedHow" in (wat je nakeek), of laat "lastChecked" weg: dan toont de wegwijzer de datum van de bron.',
    });
  }
  if (data.checkedHow && !data.lastChecked) {
    ctx.addIssue({ code: 'custom', path: ['lastChecked'], message: 'Vul bij "checkedHow" ook de datum van de controle in ("lastChecked", JJJJ-MM-DD).' });
  }
});
export type OrganisatieData = z.infer<typeof organisatieSchema>;
