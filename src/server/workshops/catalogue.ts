import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BOOKING_CATALOGUE_FILE, bookingCatalogueSchema, type BookingCatalogue } from '../../forms/booking-catalogue.ts';

/**
 * The workshop catalogue for the mail worker, read once, on first use, from the private build
 * artefact `dist/server/booking-catalogue.json` (written by src/integrations/site.ts). The build
 * is the single source, so mails name workshops, schools and periods exactly as the pages do.
 */
export function lazyCatalogue(distDir: string): () => BookingCatalogue {
  let catalogue: BookingCatalogue | undefined;
  const file = path.join(distDir, 'server', BOOKING_CATALOGUE_FILE);
  return () => (catalogue ??= bookingCatalogueSchema.parse(JSON.parse(readFileSync(file, 'utf8'))));
}
