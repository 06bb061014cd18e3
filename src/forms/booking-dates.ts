/**
 * Calendar days for workshop bookings, as ISO strings ("2027-03-15"). Days are compared as
 * text, which orders them correctly; the time zone only matters for "today", which is the
 * day in Brussels, where the schools are.
 */

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;
/** How people type a date when the browser shows a plain text box: 15/3/2027, 15-03-2027, 15.3.2027. */
const writtenDay = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** The ISO day for a typed date, or undefined when it is not a real calendar day. */
export function parseDay(input: string): string | undefined {
  const text = input.trim();
  const iso = isoDay.exec(text);
  const written = iso ? undefined : writtenDay.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : written ? [written[3], written[2], written[1]] : [];
  if (!year || !month || !day) return undefined;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  // Date.UTC rolls 31 April over to 1 May; a real day survives the round trip.
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Monday to Friday: the days a school can host a workshop. */
export function isWeekday(day: string): boolean {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

const brusselsDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Brussels. */
export function todayInBrussels(now: number): string {
  return brusselsDay.format(new Date(now));
}

/** The next day, as an ISO day. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** A time of day as people type it (10:00, 10.30, 10u, 9u45), as "HH:MM"; undefined when it is none. */
export function parseTime(input: string): string | undefined {
  const match = /^(\d{1,2})(?:[:.uh](\d{2})?)?$/i.exec(input.trim().replace(/\s+/g, ''));
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
