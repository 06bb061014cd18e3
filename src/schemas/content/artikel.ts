import { z } from 'astro/zod';
import { audiences, description, keywords, nonEmpty, references, reviewedDate, sources, themes, type SchemaReferences } from './shared.ts';

/** A knowledge article (src/content/artikels/*.mdx). */
export const artikelSchema = (context: SchemaReferences) => z.strictObject({
  /** The page title and h1. */
  title: nonEmpty,
  /** One or two sentences, at most 160 characters. */
  description,
  /** Who the article is written for (at least one). */
  audiences: z
    .array(z.enum(audiences))
    .min(1),
  /** The theme it belongs to; "aanpak" articles are published under /over-ons. */
  theme: z.enum(themes),
  /** Search words residents might use that the text itself may not contain. */
  keywords,
  /** Where the facts come from (at least one). */
  sources,
  /** When an editor last checked the text (JJJJ-MM-DD). */
  lastReviewed: reviewedDate,
  /** Order within its theme; lower comes first. */
  order: z.number().int().default(100),
  /** Related articles, by file name without extension. */
  related: references(context, 'artikels'),
  /** Related conversation tips, by file name without extension. */
  relatedTips: references(context, 'gesprekstips'),
});
export type ArtikelData = z.infer<ReturnType<typeof artikelSchema>>;
