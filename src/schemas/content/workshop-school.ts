import { z } from 'astro/zod';
import { nonEmpty } from './shared.ts';

/**
 * A school that can book a workshop (src/content/scholen/*.yaml). The city adds a file per
 * school; the booking form always offers "een andere school" as well, with a text field.
 */
export const schoolSchema = z.strictObject({
  /** The school's name as schools write it themselves, e.g. "CDO Newton". */
  name: nonEmpty,
  /** Order in the booking form; lower comes first, then alphabetical. */
  order: z.number().int().default(100),
});
export type SchoolData = z.infer<typeof schoolSchema>;
