import { createHmac, timingSafeEqual } from 'node:crypto';
import { isReference } from '../../forms/reference.ts';
import { BOOKING_ACTIONS, LINK_VALIDITY_MS, type BookingAction } from '../../forms/booking-decision.ts';
import type { LinkVerdict } from '../../app/services.ts';

/**
 * The coordinator's links to confirm or decline a booking. The link itself is the permission:
 * an HMAC-SHA256 with the server secret over the reference, the action and the expiry, so
 * nobody can make one for another booking or action, or stretch its life. Opening a link
 * changes nothing (mail scanners open links); only posting the form on its page does.
 *
 * Shape: /workshops/boeking/<reference>/<action>.<expires>.<signature>, expires in Unix seconds.
 */
/**
 * The school's link to confirm its e-mail address is signed the same way, with its own action,
 * so it can never be turned into a coordinator's link or the other way round.
 */
export const ADDRESS_ACTION = 'adres';
type LinkAction = BookingAction | typeof ADDRESS_ACTION;

/**
 * Until when the coordinator can decide: the links work 30 days from the moment the request
 * reached them (the school confirmed its address). Older requests count from their creation.
 */
export function decisionDeadline(booking: { createdAt: number; addressConfirmedAt?: number }): number {
  return (booking.addressConfirmedAt ?? booking.createdAt) + LINK_VALIDITY_MS;
}

function signature(secret: Buffer, reference: string, action: LinkAction, expires: number): string {
  return createHmac('sha256', secret).update(`workshop-link\n${reference}\n${action}\n${expires}`).digest('base64url');
}

/** The last path segment of a signed link. */
export function signLinkSegment(secret: Buffer, reference: string, action: LinkAction, expiresAt: number): string {
  const expires = Math.floor(expiresAt / 1000);
  return `${action}.${expires}.${signature(secret, reference, action, expires)}`;
}

/** The path of a signed link, valid until `expiresAt` (milliseconds). */
export function signedLinkPath(secret: Buffer, reference: string, action: BookingAction, expiresAt: number): string {
  return `/workshops/boeking/${reference}/${signLinkSegment(secret, reference, action, expiresAt)}`;
}

/** The path of the school's link to confirm its address: /workshops/e-mailadres/<reference>/<expires>.<signature>. */
export function addressLinkPath(secret: Buffer, reference: string, expiresAt: number): string {
  return `/workshops/e-mailadres/${reference}/${signLinkSegment(secret, reference, ADDRESS_ACTION, expiresAt).slice(ADDRESS_ACTION.length + 1)}`;
}

/** Checks a link's signature first, then its expiry: a tampered link is never called merely "expired". */
export function verifyLink(secret: Buffer, reference: string, segment: string, now: number): LinkVerdict {
  const verdict = verifySegment(secret, reference, segment, now, BOOKING_ACTIONS);
  return verdict.ok ? { ...verdict, action: verdict.action as BookingAction } : verdict;
}

/** Checks the last segment of a school's address link (`addressLinkPath`). */
export function verifyAddressLink(secret: Buffer, reference: string, segment: string, now: number): { ok: true; expiresAt: number } | { ok: false; reason: 'invalid' | 'expired' } {
  const verdict = verifySegment(secret, reference, `${ADDRESS_ACTION}.${segment}`, now, [ADDRESS_ACTION]);
  return verdict.ok ? { ok: true, expiresAt: verdict.expiresAt } : verdict;
}

type SegmentVerdict = { ok: true; action: LinkAction; expiresAt: number } | { ok: false; reason: 'invalid' | 'expired' };

function verifySegment(secret: Buffer, reference: string, segment: string, now: number, actions: readonly LinkAction[]): SegmentVerdict {
  const match = /^([a-z]+)\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(segment);
  const action = match?.[1] as LinkAction | undefined;
  if (!match || !isReference(reference) || !action || !actions.includes(action)) return { ok: false, reason: 'invalid' };
  const expires = Number(match[2]);
  const expected = Buffer.from(signature(secret, reference, action, expires));
  const given = Buffer.from(match[3]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  if (now >= expires * 1000) return { ok: false, reason: 'expired' };
  return { ok: true, action, expiresAt: expires * 1000 };
}
