/**
 * The one module that writes dates for people. Pages, mails and the inbox all show dates the
 * same way: in Flemish words and in Belgian time, whatever the locale of the server or the
 * reader's browser. Calendar rules for bookings (parsing, weekdays, today) live in
 * src/forms/booking-dates.ts; they work on ISO days ("2027-03-15") and format nothing.
 */

const BRUSSELS = 'Europe/Brussels';
const dateFormat = new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: BRUSSELS });
const dayFormat = new Intl.DateTimeFormat('nl-BE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: BRUSSELS });
const momentFormat = new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: BRUSSELS });
const weekdayMomentFormat = new Intl.DateTimeFormat('nl-BE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: BRUSSELS });

/** An ISO day is a calendar day, not a moment: read it at noon so no time zone moves it. */
const asDate = (date: Date | string) => (typeof date === 'string' ? new Date(`${date}T12:00:00Z`) : date);

/** "22 november 2026", as Flemish readers write dates. Takes a Date or an ISO day. */
export function formatDate(date: Date | string): string {
  return dateFormat.format(asDate(date));
}

/** "maandag 15 maart 2027": a day someone has to plan for, such as a workshop. */
export function formatDay(day: Date | string): string {
  return dayFormat.format(asDate(day));
}

/** "30 november 2026 om 15:04", or with `weekday` "maandag 30 november 2026 om 15:04". */
export function formatMoment(at: number, { weekday = false } = {}): string {
  return (weekday ? weekdayMomentFormat : momentFormat).format(new Date(at));
}
