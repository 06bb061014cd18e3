import { z } from 'astro/zod';
import { audiences, nonEmpty } from './shared.ts';
import { rule } from '../dutch-errors.ts';

/** An organisation on the signposting page (src/content/organisaties/*.md). */
export const organisatieSchema = z.strictObject({
  /** The organisation's name. */
  name: nonEmpty,
  /** What it does, in one or two plain sentences. */
  whatItDoes: nonEmpty,
  /** For whom, in words. */
  forWhom: nonEmpty,
  /** Audiences, for filters and landing pages. */
  audiences: z.array(z.enum(audiences)).default([]),
  /** Contact facts: only values from the project's list of checked facts. */
  contact: z
    .strictObject({
      phone: z.string().refine((v) => /^[0-9 +]+$/.test(v), rule('mag alleen cijfers en spaties bevatten')).optional(),
      email: z.email().optional(),
      website: z.url({ protocol: /^https?$/ }).optional(),
    })
    .default({}),
  /** A caution visitors must read, e.g. that a helpline is not a reporting line. */
  note: z.string().optional(),
  /** Where the facts on this entry come from: a source document or the organisation's own page. */
  source: nonEmpty,
  /** The date of that source, when it has one (JJJJ-MM-DD). Without a check, the page shows this date. */
  sourceDate: z.coerce.date().optional(),
  /**
   * When someone last checked the organisation's OWN current information (its website, a phone call),
   * JJJJ-MM-DD. Only for a real check: it needs `checkedHow`. Reading the source again is no check.
   */
  lastChecked: z.coerce.date().optional(),
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
      ...rule(
        'ontbreekt. "lastChecked" is alleen voor een echte controle van de eigen, actuele gegevens van de organisatie. Vul "checkedHow" in (wat je nakeek), of laat "lastChecked" weg: dan toont de wegwijzer de datum van de bron',
      ),
    });
  }
  if (data.checkedHow && !data.lastChecked) {
    ctx.addIssue({ code: 'custom', path: ['lastChecked'], ...rule('ontbreekt: vul bij "checkedHow" ook de datum van de controle in (JJJJ-MM-DD)') });
  }
});
export type OrganisatieData = z.infer<typeof organisatieSchema>;
