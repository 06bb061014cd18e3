/** A phone number as a `tel:` URI, or undefined while it is a placeholder. */
export function telHref(phone: string): string | undefined {
  const digits = phone.replace(/[^0-9+]/g, '');
  return /^\+?[0-9]{6,}$/.test(digits) ? `tel:${digits}` : undefined;
}
