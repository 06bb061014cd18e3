import { randomInt } from 'node:crypto';

/**
 * Reference numbers people read aloud on the phone: 8 characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L), from a cryptographically secure source. 31^8 ≈ 8.5 × 10^11
 * possibilities make guessing another person's reference hopeless.
 */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const REFERENCE_LENGTH = 8;
const referencePattern = new RegExp(`^[${REFERENCE_ALPHABET}]{${REFERENCE_LENGTH}}$`);

export function generateReference(random: (max: number) => number = randomInt): string {
  let reference = '';
  for (let i = 0; i < REFERENCE_LENGTH; i++) reference += REFERENCE_ALPHABET[random(REFERENCE_ALPHABET.length)];
  return reference;
}

export function isReference(value: string): boolean {
  return referencePattern.test(value);
}

/** Shows a reference in two groups of four, easier to read and copy: "ABCD 2345". */
export function formatReference(reference: string): string {
  return `${reference.slice(0, 4)} ${reference.slice(4)}`;
}
