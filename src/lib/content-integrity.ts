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

/** The dates that make a signposting entry's facts current or not. */
export interface SignpostDates {
  sourceDate?: Date;
  lastChecked?: Date;
  permanent?: boolean;
}

/**
 * How current a signposting entry is: a recorded check of the organisation's own information wins;
 * otherwise the entry is as old as its source. No date at all, or older than 12 months, means
 * someone must check it ("nog te controleren").
 */
export function signpostStatus(entry: SignpostDates, now: Date = new Date()): { date?: Date; checked: boolean; stale: boolean } {
  if (entry.permanent) return { checked: false, stale: false };
  const date = entry.lastChecked ?? entry.sourceDate;
  return { date, checked: entry.lastChecked !== undefined, stale: !date || isStale(date, now) };
}
