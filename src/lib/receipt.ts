/**
 * The secret receipt of a case, as people see and type it: 16 digits in four groups, like a
 * phone number, so it is easy to note down or hide among one's contacts.
 */
export const RECEIPT_DIGITS = 16;

/** "1234 5678 9012 3456". */
export function formatReceipt(receipt: string): string {
  return receipt.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** The receipt as typed (with spaces, dots or dashes) to its 16 digits; undefined when it is not one. */
export function normaliseReceipt(input: string): string | undefined {
  const digits = input.replace(/[\s.\-/]/g, '');
  return /^\d{16}$/.test(digits) ? digits : undefined;
}
