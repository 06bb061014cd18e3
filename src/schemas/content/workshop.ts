import { z } from 'astro/zod';
import { description, nonEmpty, sources, type SchemaReferences } from './shared.ts';

const list = (field: string) =>
  z.array(nonEmpty(field), { error: `Het veld "${field}" moet een lijst zijn.` }).min(1, {
    error: `Het veld "${field}" heeft minstens één punt nodig.`,
  });

/**
 * A youth-resilience workshop (src/content/workshops/*.md); the body describes it. The file
 * name is its address (/workshops/<name>) and the value the booking form stores.
 * Facts the action plan does not give (duration, group size, what the school provides) are
 * shipped as "[in te vullen: …]" and shown as such until the city fills them in.
 */
export const workshopSchema = ({ reference }: SchemaReferences) => z.strictObject({
  /** The page title and h1, e.g. "Workshop complotdenken". */
  title: nonEmpty('title'),
  /** The topic in a few words, as it appears in lists and in the booking form. */
  topic: nonEmpty('topic'),
  /** One or two sentences, at most 160 characters. */
  description,
  /** What pupils learn or do, one point per line. */
  learn: list('learn'),
  /** For whom, in words: the grade and the kind of school. */
  forWhom: nonEmpty('forWhom'),
  /** How long one session takes, in words. */
  duration: nonEmpty('duration'),
  /** How many pupils one session is for, in words. */
  groupSize: nonEmpty('groupSize'),
  /** What the school arranges: a room, a projector … */
  schoolProvides: list('schoolProvides'),
  /** Who gives the workshop. */
  provider: nonEmpty('provider'),
  /** What it costs the school, in words ("Gratis"). */
  price: nonEmpty('price'),
  /** The booking period it is booked in: a file name in src/content/boekingsperiodes, without extension. */
  period: reference('boekingsperiodes'),
  /** Where the facts come from (at least one). */
  sources,
  /** Order in the catalogue; lower comes first. */
  order: z.number({ error: 'Het veld "order" moet een getal zijn.' }).int().default(100),
});
export type WorkshopData = z.infer<ReturnType<typeof workshopSchema>>;
