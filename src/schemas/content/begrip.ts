import { z } from 'astro/zod';
import { nonEmpty, references, sources, type SchemaReferences } from './shared.ts';

/** A glossary term (src/content/begrippen/*.md); the body may add a longer explanation. */
export const begripSchema = (context: SchemaReferences) => z.strictObject({
  /** The term as it is written in a sentence, e.g. "stille midden". */
  term: nonEmpty,
  /** A short, plain definition of one or two sentences. */
  definition: nonEmpty,
  /** Other words for the same thing, which search also finds. */
  synonyms: z.array(nonEmpty).default([]),
  /** Where the definition comes from (at least one). */
  sources,
  /** An article that explains the term further, by file name without extension. */
  related: references(context, 'artikels'),
});
export type BegripData = z.infer<ReturnType<typeof begripSchema>>;
