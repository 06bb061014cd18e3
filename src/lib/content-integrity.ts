/**
 * Cross-entry checks that a single schema cannot do: every `related` reference must name an
 * existing entry. Messages are Dutch, for editors, and name the file and the field.
 */
export interface ReferenceSource {
  /** Path of the entry's file, e.g. src/content/artikels/wat-is-polarisering.mdx. */
  file: string;
  /** Field name → referenced slugs and the collection they must exist in. */
  references: { field: string; collection: string; slugs: string[] }[];
}

export function findBrokenReferences(entries: ReferenceSource[], existing: Record<string, Set<string>>): string[] {
  const problems: string[] = [];
  for (const entry of entries) {
    for (const { field, collection, slugs } of entry.references) {
      for (const slug of slugs) {
        if (!existing[collection]?.has(slug)) {
          problems.push(`${entry.file} → ${field}: "${slug}" bestaat niet in src/content/${collection}.`);
        }
      }
    }
  }
  return problems;
}

/** Signposting facts go stale; an entry checked longer ago than this makes the build warn. */
export const STALE_AFTER_MONTHS = 12;

export function isStale(lastChecked: Date, now: Date = new Date()): boolean {
  const limit = new Date(now);
  limit.setMonth(limit.getMonth() - STALE_AFTER_MONTHS);
  return lastChecked < limit;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * A "last checked" date must be backed by something: the date of the newest source document the
 * facts come from, or a recorded real check with the organisation itself. A later date would
 * claim a check that did not happen, and would also keep the 12-month warning from firing.
 * Entries that record neither are not judged here; the launch check lists them.
 */
export function unsupportedCheckDate(entry: { lastChecked: Date; sourceDate?: Date; verified?: { date: Date } }): string | undefined {
  const backing = [entry.sourceDate, entry.verified?.date].filter((d): d is Date => d instanceof Date);
  if (backing.length === 0) return undefined;
  const latest = new Date(Math.max(...backing.map((d) => d.getTime())));
  if (day(entry.lastChecked) <= day(latest)) return undefined;
  return entry.verified
    ? `Het veld "lastChecked" (${day(entry.lastChecked)}) ligt na de laatste echte controle (verified.date ${day(entry.verified.date)}). Gebruik de datum van die controle.`
    : `Het veld "lastChecked" (${day(entry.lastChecked)}) ligt na de nieuwste bron (sourceDate ${day(latest)}), maar er is geen echte controle vastgelegd. ` +
        'Zet "lastChecked" op de datum van de bron, of vul "verified" in (datum, en wie het naging en hoe).';
}
