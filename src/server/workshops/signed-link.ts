import { createHmac, timingSafeEqual } from 'node:crypto';
import { isReference } from '../../forms/reference.ts';
import { BOOKING_ACTIONS, type BookingAction } from '../../forms/booking-decision.ts';
import type { LinkVerdict } from '../../app/services.ts';

/**
 * The coordinator's links to confirm or decline a booking. The link itself is the permission:
 * an HMAC-SHA256 with the server secret over the reference, the action and the expiry, so
 * nobody can make one for another booking or action, or stretch its life. Opening a link
 * changes nothing (mail scanners open links); only posting the form on its page does.
 *
 * Shape: /workshops/boeking/<reference>/<action>.<expires>.<signature>, expires in Unix seconds.
 */
function signature(secret: Buffer, reference: string, action: BookingAction, expires: number): string {
  return createHmac('sha256', secret).update(`workshop-link\n${reference}\n${action}\n${expires}`).digest('base64url');
}

/** The last path segment of a signed link. */
export function signLinkSegment(secret: Buffer, reference: string, action: BookingAction, expiresAt: number): string {
  const expires = Math.floor(expiresAt / 1000);
  return `${action}.${expires}.${signature(secret, reference, action, expires)}`;
}

/** The path of a signed link, valid until `expiresAt` (milliseconds). */
export function signedLinkPath(secret: Buffer, reference: string, action: BookingAction, expiresAt: number): string {
  return `/workshops/boeking/${reference}/${signLinkSegment(secret, reference, action, expiresAt)}`;
}

/** Checks a link's signature first, then its expiry: a tampered link is never called merely "expired". */
export function verifyLink(secret: Buffer, reference: string, segment: string, now: number): LinkVerdict {
  const match = /^([a-z]+)\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(segment);
  const action = match?.[1] as BookingAction | undefined;
  if (!match || !isReference(reference) || !action || !BOOKING_ACTIONS.includes(action)) return { ok: false, reason: 'invalid' };
  const expires = Number(match[2]);
  const expected = Buffer.from(signature(secret, reference, action, expires));
  const given = Buffer.from(match[3]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  if (now >= expires * 1000) return { ok: false, reason: 'expired' };
  return { ok: true, action, expiresAt: expires * 1000 };
}
