import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A signed hidden field: when the form was first shown, and a random id. A submission that
 * arrives faster than a person can type was sent by a bot. A token is valid for a day (a page
 * left open overnight still works) and for one stored submission: its id is remembered until
 * it expires (see `UsedTokens`), so a captured post cannot be replayed.
 */
export const FORM_TOKEN_VALIDITY_MS = 24 * 60 * 60 * 1000;

export function issueFormToken(secret: Buffer, now: number): string {
  const payload = `${now}.${randomBytes(12).toString('base64url')}`;
  return `${payload}.${sign(secret, payload)}`;
}

export type TokenVerdict = 'ok' | 'too-fast' | 'expired' | 'invalid';

export function checkFormToken(secret: Buffer, token: string | undefined, now: number, minFillMs: number): TokenVerdict {
  const parsed = parseFormToken(secret, token);
  if (!parsed) return 'invalid';
  const age = now - parsed.issuedAt;
  if (age >= FORM_TOKEN_VALIDITY_MS || age < -60_000) return 'expired';
  return age < minFillMs ? 'too-fast' : 'ok';
}

/** The token's issue time and id when its signature is right; undefined otherwise. */
export function parseFormToken(secret: Buffer, token: string | undefined): { issuedAt: number; id: string; expiresAt: number } | undefined {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(token ?? '');
  if (!match) return undefined;
  const expected = Buffer.from(sign(secret, `${match[1]}.${match[2]}`));
  const given = Buffer.from(match[3]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  const issuedAt = Number(match[1]);
  return { issuedAt, id: match[2]!, expiresAt: issuedAt + FORM_TOKEN_VALIDITY_MS };
}

function sign(secret: Buffer, value: string): string {
  return createHmac('sha256', secret).update(`form-token:${value}`).digest('base64url');
}
