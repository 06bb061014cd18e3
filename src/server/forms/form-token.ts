import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A signed timestamp in a hidden field: when the form was first shown. A submission that
 * arrives faster than a person can type was sent by a bot. Old tokens stay valid, so a
 * person who left the page open for a day never loses a report. A random id makes every
 * shown form's token unique, so a second post of the same form (a refresh, a resend after
 * Back) is recognised and not stored twice (see `formTokenKey`).
 */
export function issueFormToken(secret: Buffer, now: number): string {
  const value = `${now}.${randomBytes(12).toString('base64url')}`;
  return `${value}.${sign(secret, value)}`;
}

export type TokenVerdict = 'ok' | 'too-fast' | 'invalid';

export function checkFormToken(secret: Buffer, token: string | undefined, now: number, minFillMs: number): TokenVerdict {
  const [issued, id, signature, ...rest] = (token ?? '').split('.');
  if (!issued || !id || !signature || rest.length > 0 || !/^\d{1,15}$/.test(issued)) return 'invalid';
  const expected = Buffer.from(sign(secret, `${issued}.${id}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  return now - Number(issued) < minFillMs ? 'too-fast' : 'ok';
}

function sign(secret: Buffer, value: string): string {
  return createHmac('sha256', secret).update(`form-token:${value}`).digest('base64url');
}

/**
 * What is stored with a submission to recognise its token again: a hash, so the stored value
 * says nothing about when the form was shown.
 */
export function formTokenKey(token: string): string {
  return createHash('sha256').update(`form-token-key:${token}`).digest('base64url');
}
