import { randomInt, scrypt } from 'node:crypto';
import { promisify } from 'node:util';

/**
 * The secret receipt of a case: 16 digits, shown in four groups like a phone number, so a
 * reporter can note it down or hide it among their contacts. 10^16 possibilities (53 bits):
 * with a slow hash and limited attempts, guessing one is hopeless.
 */
export const RECEIPT_DIGITS = 16;

export function generateReceipt(random: (max: number) => number = randomInt): string {
  let receipt = '';
  for (let i = 0; i < RECEIPT_DIGITS; i++) receipt += String(random(10));
  return receipt;
}

/** "1234 5678 9012 3456". */
export function formatReceipt(receipt: string): string {
  return receipt.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** The receipt as typed (with spaces, dots or dashes) to its 16 digits; undefined when it is not one. */
export function normaliseReceipt(input: string): string | undefined {
  const digits = input.replace(/[\s.\-/]/g, '');
  return /^\d{16}$/.test(digits) ? digits : undefined;
}

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: { N: number; r: number; p: number; maxmem: number }) => Promise<Buffer>;

/**
 * The only form in which a receipt is stored: scrypt (node:crypto, off the main thread) with a
 * salt kept in the database. The salt is the same for every case, so a typed receipt can be
 * looked up; the receipt's 53 bits make an offline search through 10^16 slow hashes hopeless.
 */
export async function hashReceipt(receipt: string, salt: Buffer, cost = 2 ** 15): Promise<string> {
  const key = await scryptAsync(receipt, salt, 32, { N: cost, r: 8, p: 1, maxmem: 256 * cost * 8 });
  return key.toString('base64url');
}

/** The scrypt work factor for a case key wrapped with its receipt (53 bits of entropy already). */
export const RECEIPT_WORK_FACTOR = 12;
