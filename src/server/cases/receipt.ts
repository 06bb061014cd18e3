import { randomInt, scrypt } from 'node:crypto';
import { promisify } from 'node:util';

import { RECEIPT_DIGITS } from '../../lib/receipt.ts';

/** A new receipt from a cryptographically secure source: 10^16 possibilities (53 bits). */
export function generateReceipt(random: (max: number) => number = randomInt): string {
  let receipt = '';
  for (let i = 0; i < RECEIPT_DIGITS; i++) receipt += String(random(10));
  return receipt;
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
