import { z } from 'astro/zod';

/**
 * What booking needs to know about the workshop content: which workshops, schools and
 * periods exist. The site builds it from the content collections (src/lib/workshops.ts); the
 * build leaves a private copy in dist/server for the mail worker, which runs outside Astro
 * (src/server/workshops/catalogue.ts). Node-safe: no Astro imports.
 */

/** The private build artefact the mail worker reads, in dist/server. */
export const BOOKING_CATALOGUE_FILE = 'booking-catalogue.json';

/** The prerendered route that renders the catalogue at build time; never served. */
export const BOOKING_CATALOGUE_ROUTE = 'workshops/aanbod.json';
const day = z.iso.date();

export const bookingCatalogueSchema = z.strictObject({
  workshops: z.array(
    z.strictObject({ id: z.string().min(1), title: z.string().min(1), topic: z.string().min(1), provider: z.string().min(1), period: z.string().min(1) }),
  ),
  schools: z.array(z.strictObject({ id: z.string().min(1), name: z.string().min(1) })),
  periods: z.array(z.strictObject({ id: z.string().min(1), name: z.string().min(1), start: day, end: day, sessions: z.number().int().min(1) })),
});

export type BookingCatalogue = z.infer<typeof bookingCatalogueSchema>;
export type CatalogueWorkshop = BookingCatalogue['workshops'][number];
export type CataloguePeriod = BookingCatalogue['periods'][number];

/** The value of "Een andere school" in the form; no school file may use it as its name. */
export const OTHER_SCHOOL = 'andere';

/** Addresses under /workshops that are pages of their own, so no workshop may use them. */
const reservedSlugs = new Set(['boeken', 'boeking', 'aanbod']);

/** Mistakes in the content that would break booking, as Dutch lines naming the file. */
export function catalogueProblems(catalogue: BookingCatalogue): string[] {
  const problems: string[] = [];
  for (const workshop of catalogue.workshops) {
    if (reservedSlugs.has(workshop.id)) problems.push(`src/content/workshops/${workshop.id}.md: de naam "${workshop.id}" is al een andere pagina. Kies een andere bestandsnaam.`);
  }
  for (const school of catalogue.schools) {
    if (school.id === OTHER_SCHOOL) problems.push(`src/content/scholen/${school.id}.yaml: de naam "${OTHER_SCHOOL}" is voorbehouden voor "Een andere school". Kies een andere bestandsnaam.`);
  }
  return problems;
}

export function findWorkshop(catalogue: BookingCatalogue, id: string): CatalogueWorkshop | undefined {
  return catalogue.workshops.find((w) => w.id === id);
}

export function findPeriod(catalogue: BookingCatalogue, id: string): CataloguePeriod | undefined {
  return catalogue.periods.find((p) => p.id === id);
}

/** The school as the school wrote it: a listed school's name, or the name typed under "andere school". */
export function schoolName(catalogue: BookingCatalogue, data: { school: string; andereSchool?: string }): string {
  if (data.school === OTHER_SCHOOL) return data.andereSchool ?? 'een andere school';
  return catalogue.schools.find((s) => s.id === data.school)?.name ?? data.school;
}
