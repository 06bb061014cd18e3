import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { REFERENCE_ALPHABET, formatReference, generateReference, isReference } from '../../src/forms/reference.ts';
import { checkFormToken, issueFormToken } from '../../src/server/forms/form-token.ts';
import { RateLimiter } from '../../src/server/forms/rate-limit.ts';

describe('reference numbers', () => {
  it('are 8 characters from an alphabet without look-alikes', () => {
    for (let i = 0; i < 2000; i++) {
      const reference = generateReference();
      expect(reference).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
      expect(isReference(reference)).toBe(true);
    }
    for (const lookAlike of ['0', 'O', '1', 'I', 'L']) expect(REFERENCE_ALPHABET).not.toContain(lookAlike);
  });

  it('use every character of the alphabet (a secure random source, not a fixed sequence)', () => {
    const seen = new Set<string>();
    const references = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const reference = generateReference();
      references.add(reference);
      for (const c of reference) seen.add(c);
    }
    expect(seen.size).toBe(REFERENCE_ALPHABET.length);
    expect(references.size).toBe(1000);
  });

  it('take each character from the random source', () => {
    expect(generateReference(() => 0)).toBe('22222222');
    expect(generateReference((max) => max - 1)).toBe('ZZZZZZZZ');
  });

  it('reject anything else as a reference', () => {
    fc.assert(fc.property(fc.string(), (s) => isReference(s) === /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/.test(s)));
    expect(isReference('ABCD2O45')).toBe(false);
  });

  it('are shown in two groups of four', () => {
    expect(formatReference('ABCD2345')).toBe('ABCD 2345');
  });
});

describe('form tokens', () => {
  const secret = randomBytes(32);

  it('let a person through who took their time', () => {
    const token = issueFormToken(secret, 1_000_000);
    expect(checkFormToken(secret, token, 1_004_000, 3000)).toBe('ok');
  });

  it('stay valid for a day, then expire (the form page shows the form again with a fresh token)', () => {
    const token = issueFormToken(secret, 1_000_000);
    expect(checkFormToken(secret, token, 1_000_000 + 86_400_000 - 1, 3000)).toBe('ok');
    expect(checkFormToken(secret, token, 1_000_000 + 86_400_000, 3000)).toBe('expired');
  });

  it('each carry their own random id', () => {
    expect(issueFormToken(secret, 1_000_000)).not.toBe(issueFormToken(secret, 1_000_000));
  });

  it('flag a submission faster than a person can type', () => {
    const token = issueFormToken(secret, 1_000_000);
    expect(checkFormToken(secret, token, 1_001_000, 3000)).toBe('too-fast');
  });

  it('refuse a missing, forged or tampered token', () => {
    const token = issueFormToken(secret, 1_000_000);
    expect(checkFormToken(secret, undefined, 2_000_000, 3000)).toBe('invalid');
    expect(checkFormToken(secret, 'abc', 2_000_000, 3000)).toBe('invalid');
    expect(checkFormToken(secret, token.replace(/^\d+/, '900000'), 2_000_000, 3000)).toBe('invalid');
    expect(checkFormToken(secret, token.replace(/\.[^.]+\./, '.AAAAAAAAAAAAAAAA.'), 2_000_000, 3000)).toBe('invalid');
    expect(checkFormToken(randomBytes(32), token, 2_000_000, 3000)).toBe('invalid');
  });
});

describe('rate limiter', () => {
  it('allows the limit within the window, then refuses, then forgets', () => {
    const limiter = new RateLimiter(3, 60_000);
    expect([0, 1, 2, 3].map((i) => limiter.allow('192.0.2.1', 1000 + i))).toEqual([true, true, true, false]);
    expect(limiter.allow('192.0.2.2', 1004)).toBe(true);
    expect(limiter.allow('192.0.2.1', 1000 + 60_001)).toBe(true);
  });
});
