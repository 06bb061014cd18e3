const dateFormat = new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' });

/** "22 november 2026", as Flemish readers write dates. */
export function formatDate(date: Date | string): string {
  return dateFormat.format(typeof date === 'string' ? new Date(`${date}T12:00:00Z`) : date);
}

const momentFormat = new Intl.DateTimeFormat('nl-BE', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Brussels' });

/** "30 november 2026 om 15:04": when a message arrived, in Belgian time. */
export function formatMoment(at: number): string {
  return momentFormat.format(new Date(at));
}

/** A phone number as a `tel:` URI, or undefined while it is a placeholder. */
export function telHref(phone: string): string | undefined {
  const digits = phone.replace(/[^0-9+]/g, '');
  return /^\+?[0-9]{6,}$/.test(digits) ? `tel:${digits}` : undefined;
}
