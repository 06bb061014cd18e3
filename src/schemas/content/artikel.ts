import { z } from 'astro/zod';
import { audiences, description, keywords, nonEmpty, references, reviewedDate, sources, themes, type SchemaReferences } from './shared.ts';

/** A knowledge article (src/content/artikels/*.mdx). */
export const artikelSchema = (context: SchemaReferences) => z.strictObject({
  /** The page title and h1. */
  title: nonEmpty('title'),
  /** One or two sentences, at most 160 characters. */
  description,
  /** Who the article is written for (at least one). */
  audiences: z
    .array(z.enum(audiences, { error: `Het veld "audiences" bevat een onbekende doelgroep. Kies uit: ${audiences.join(', ')}.` }))
    .min(1, { error: 'Het veld "audiences" heeft minstens één doelgroep nodig.' }),
  /** The theme it belongs to; "aanpak" articles are published under /over-ons. */
  theme: z.enum(themes, { error: `Het veld "theme" moet een van deze zijn: ${themes.join(', ')}.` }),
  /** Search words residents might use that the text itself may not contain. */
  keywords,
  /** Where the facts come from (at least one). */
  sources,
  /** When an editor last checked the text (JJJJ-MM-DD). */
  lastReviewed: reviewedDate('lastReviewed'),
  /** Order within its theme; lower comes first. */
  order: z.number({ error: 'Het veld "order" moet een getal zijn.' }).int().default(100),
  /** Related articles, by file name without extension. */
  related: references(context, 'artikels'),
  /** Related conversation tips, by file name without extension. */
  relatedTips: references(context, 'gesprekstips'),
});
export type ArtikelData = z.infer<ReturnType<typeof artikelSchema>>;
