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

/**
 * The build's warning for a wegwijzer entry whose facts are stale, in Dutch for the editor;
 * undefined while they are current. The site integration prints it once per build.
 */
export function staleSignpostWarning(file: string, entry: SignpostDates & { name: string }, now: Date = new Date()): string | undefined {
  const status = signpostStatus(entry, now);
  if (!status.stale) return undefined;
  const age = status.date ? `${status.checked ? 'laatst nagekeken' : 'bron van'} ${status.date.toISOString().slice(0, 10)}` : 'de bron heeft geen datum';
  return (
    `${file}: de gegevens van "${entry.name}" zijn meer dan ${STALE_AFTER_MONTHS} maanden oud of nooit nagekeken (${age}). ` +
    'Kijk de eigen, actuele gegevens van de organisatie na en vul "lastChecked" en "checkedHow" in.'
  );
}
