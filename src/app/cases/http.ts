import { timingSafeEqual } from 'node:crypto';
import type { AstroCookies } from 'astro';
import { readBody, sameOrigin } from '../forms/pipeline.ts';
import type { Inbox, InboxSession } from './services.ts';
export { formatMoment } from '../../lib/dates.ts';

/** Reads a small urlencoded form post, or undefined when it is not one, too large, or from another site. */
export async function readPost(request: Request, siteOrigin: string, limit = 16 * 1024): Promise<URLSearchParams | undefined> {
  if (request.method !== 'POST' || !sameOrigin(request, siteOrigin)) return undefined;
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) return undefined;
  const body = await readBody(request, limit);
  return body === undefined ? undefined : new URLSearchParams(body);
}

/** The one cookie of the inbox: strictly necessary, this host only, never sent cross-site. */
export const SESSION_COOKIE = '__Host-postvak';

/**
 * `__Host-` demands Secure, Path=/ and no Domain. Browsers accept Secure cookies over plain http
 * only on localhost and 127.0.0.1, so the inbox needs https anywhere else (see README).
 * No Max-Age: the cookie ends with the browser, the session after 15 idle minutes on the server.
 */
export const sessionCookieOptions = { path: '/', httpOnly: true, secure: true, sameSite: 'strict' } as const;

/**
 * The signed-in expert on an inbox page: the inbox, the session id from the one cookie and the
 * session it opens; undefined when there is none (the page then sends the expert to log in).
 */
export function expertSession(inbox: Inbox, cookies: AstroCookies): { inbox: Inbox; id: string; session: InboxSession } | undefined {
  const id = cookies.get(SESSION_COOKIE)?.value;
  const session = inbox.session(id);
  return id && session ? { inbox, id, session } : undefined;
}

/** A post of an open session: from this site, and carrying the session's CSRF token. */
export async function readSessionPost(request: Request, siteOrigin: string, csrf: string): Promise<URLSearchParams | undefined> {
  const form = await readPost(request, siteOrigin, 48 * 1024);
  const given = form?.get('_csrf') ?? '';
  return form && given.length === csrf.length && timingSafeEqual(Buffer.from(given), Buffer.from(csrf)) ? form : undefined;
}

/** A message typed by the expert or the reporter: trimmed, 1 to 5000 characters. */
export function messageText(form: URLSearchParams, field: string): { text: string } | { error: string } {
  const text = (form.get(field) ?? '').replace(/\r\n/g, '\n').trim();
  if (text.length === 0) return { error: 'Schrijf eerst je bericht.' };
  if (text.length > 5000) return { error: `Je bericht is ${text.length} tekens lang. Maak het korter dan 5000 tekens.` };
  return { text };
}

/** Labels of the routing kinds of a case, as the expert reads them. */
export const kindLabels: Record<string, string> = {
  concernPerson: 'Bezorgdheid over een persoon',
  concernGroup: 'Spanningen in een groep',
  question: 'Vraag of advies',
};

export const statusLabels = { nieuw: 'Nieuw', 'in-behandeling': 'In behandeling', afgesloten: 'Afgesloten' } as const;

/** The answer to a post from another site or without the session's CSRF token: nothing was done. */
export function refused(): Response {
  return new Response('Deze actie kwam niet van het postvak zelf en is niet uitgevoerd. Ga terug naar het postvak en probeer opnieuw.', {
    status: 403,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
