import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A signed timestamp in a hidden field: when the form was first shown. A submission that
 * arrives faster than a person can type was sent by a bot. Old tokens stay valid, so a
 * person who left the page open for a day never loses a report.
 */
export function issueFormToken(secret: Buffer, now: number): string {
  const issued = String(now);
  return `${issued}.${sign(secret, issued)}`;
}

export type TokenVerdict = 'ok' | 'too-fast' | 'invalid';

export function checkFormToken(secret: Buffer, token: string | undefined, now: number, minFillMs: number): TokenVerdict {
  const [issued, signature] = (token ?? '').split('.');
  if (!issued || !signature || !/^\d{1,15}$/.test(issued)) return 'invalid';
  const expected = Buffer.from(sign(secret, issued));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  return now - Number(issued) < minFillMs ? 'too-fast' : 'ok';
}

function sign(secret: Buffer, value: string): string {
  return createHmac('sha256', secret).update(`form-token:${value}`).digest('base64url');
}
