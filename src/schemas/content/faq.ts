import { z } from 'astro/zod';
import { audiences, nonEmpty, references, sources, themes, type SchemaReferences } from './shared.ts';

/** A question with its answer in the body, or a myth with the facts (src/content/faq/*.md). */
export const faqSchema = (context: SchemaReferences) => z.strictObject({
  /** The question as a visitor would ask it; for a myth, the myth itself. */
  question: nonEmpty,
  /** "vraag" for a question, "fabel" for a myth that the answer corrects. */
  kind: z.enum(['vraag', 'fabel']),
  /** Theme, so the answer can also appear on the theme page. */
  theme: z.enum(themes).optional(),
  /** Who asks this. */
  audiences: z.array(z.enum(audiences)).default([]),
  /** Where the answer comes from (at least one). */
  sources,
  /** Articles that tell more, by file name without extension. */
  related: references(context, 'artikels'),
  /** Order on the FAQ page; lower comes first. */
  order: z.number().int().default(100),
});
export type FaqData = z.infer<ReturnType<typeof faqSchema>>;
