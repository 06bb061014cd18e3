import { z } from 'astro/zod';
import { description, nonEmpty, sources, type SchemaReferences } from './shared.ts';

const list = z.array(nonEmpty).min(1);

/**
 * A youth-resilience workshop (src/content/workshops/*.md); the body describes it. The file
 * name is its address (/workshops/<name>) and the value the booking form stores.
 * Facts the action plan does not give (duration, group size, what the school provides) are
 * shipped as "[in te vullen: …]" and shown as such until the city fills them in.
 */
export const workshopSchema = ({ reference }: SchemaReferences) => z.strictObject({
  /** The page title and h1, e.g. "Workshop complotdenken". */
  title: nonEmpty,
  /** The topic in a few words, as it appears in lists and in the booking form. */
  topic: nonEmpty,
  /** One or two sentences, at most 160 characters. */
  description,
  /** What pupils learn or do, one point per line. */
  learn: list,
  /** For whom, in words: the grade and the kind of school. */
  forWhom: nonEmpty,
  /** How long one session takes, in words. */
  duration: nonEmpty,
  /** How many pupils one session is for, in words. */
  groupSize: nonEmpty,
  /** What the school arranges: a room, a projector … */
  schoolProvides: list,
  /** Who gives the workshop. */
  provider: nonEmpty,
  /** What it costs the school, in words ("Gratis"). */
  price: nonEmpty,
  /** The booking period it is booked in: a file name in src/content/boekingsperiodes, without extension. */
  period: reference('boekingsperiodes'),
  /** Where the facts come from (at least one). */
  sources,
  /** Order in the catalogue; lower comes first. */
  order: z.number().int().default(100),
});
export type WorkshopData = z.infer<ReturnType<typeof workshopSchema>>;
