import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bookingCatalogueSchema, type BookingCatalogue } from '../../forms/booking-catalogue.ts';

/** Where the build writes the catalogue (src/pages/workshops/aanbod.json.ts). */
export function catalogueFile(distDir: string): string {
  return path.join(distDir, 'client', 'workshops', 'aanbod.json');
}

/**
 * The workshop catalogue for code that runs outside Astro (the mail worker), read from the
 * build once, on first use. The build is the single source, so mails name workshops, schools
 * and periods exactly as the pages do.
 */
export function lazyCatalogue(file: string): () => BookingCatalogue {
  let catalogue: BookingCatalogue | undefined;
  return () => (catalogue ??= bookingCatalogueSchema.parse(JSON.parse(readFileSync(file, 'utf8'))));
}
