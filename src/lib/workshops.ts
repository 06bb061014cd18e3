import { getCollection, type CollectionEntry } from 'astro:content';
import { catalogueProblems, type BookingCatalogue } from '../forms/booking-catalogue.ts';
import { findPlaceholders } from '../schemas/settings.ts';

export type Workshop = CollectionEntry<'workshops'>;
export type Periode = CollectionEntry<'boekingsperiodes'>;

export const workshopUrl = (workshop: Pick<Workshop, 'id'>) => `/workshops/${workshop.id}`;
export const bookingUrl = (workshop?: Pick<Workshop, 'id'>) => (workshop ? `/workshops/boeken?workshop=${workshop.id}` : '/workshops/boeken');

export async function getWorkshops(): Promise<Workshop[]> {
  return (await getCollection('workshops')).sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title, 'nl'));
}

export async function getPeriods(): Promise<Map<string, Periode>> {
  return new Map((await getCollection('boekingsperiodes')).map((p) => [p.id, p]));
}

/** The workshops, schools and periods as booking sees them, in the order the site shows them. */
export async function getBookingCatalogue(): Promise<BookingCatalogue> {
  const [workshops, schools, periods] = await Promise.all([getWorkshops(), getCollection('scholen'), getCollection('boekingsperiodes')]);
  return {
    workshops: workshops.map((w) => ({ id: w.id, title: w.data.title, topic: w.data.topic, provider: w.data.provider, period: w.data.period.id })),
    schools: schools
      .sort((a, b) => a.data.order - b.data.order || a.data.name.localeCompare(b.data.name, 'nl'))
      .map((s) => ({ id: s.id, name: s.data.name })),
    periods: periods.sort((a, b) => a.data.start.localeCompare(b.data.start)).map((p) => ({ id: p.id, ...p.data })),
  };
}

/**
 * Fails the build on content that would break booking, and lists the fields that still hold
 * a placeholder. Called once, by the build of the catalogue route (see BOOKING_CATALOGUE_ROUTE).
 */
export async function checkBookingCatalogue(catalogue: BookingCatalogue): Promise<void> {
  const problems = catalogueProblems(catalogue);
  if (problems.length) throw new Error(`De workshops kloppen niet:\n  - ${problems.join('\n  - ')}`);
  const [workshops, periods] = await Promise.all([getWorkshops(), getCollection('boekingsperiodes')]);
  const placeholders = [
    ...workshops.flatMap((w) => findPlaceholders(w.data).map((field) => `src/content/workshops/${w.id}.md: ${field}`)),
    ...periods.flatMap((p) => findPlaceholders(p.data).map((field) => `src/content/boekingsperiodes/${p.id}.yaml: ${field}`)),
  ];
  if (placeholders.length) {
    console.warn(`[workshops] WARN ${placeholders.length} veld(en) bevatten nog een voorbeeldwaarde; vul ze in voor de lancering:\n  - ${placeholders.join('\n  - ')}`);
  }
}
