import { isIP } from 'node:net';

/**
 * The address a request came from, for rate limits. Without a trusted proxy (`hops` = 0) it is
 * the TCP peer: X-Forwarded-For is then written by the client and proves nothing. Behind `hops`
 * reverse proxies that each append the address they saw, the client is the entry `hops` places
 * from the right; entries further left were written by the client itself and are never used.
 * A header that is missing, too short or malformed falls back to the peer (the proxy), which
 * is conservative: it can only make the proxy's own bucket fuller, never let a client pick one.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string {
  const fallback = peer ?? 'unknown';
  if (hops <= 0 || forwardedFor === undefined) return fallback;
  const entries = [forwardedFor]
    .flat()
    .join(',')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const candidate = entries[entries.length - hops];
  return candidate !== undefined && isIP(candidate) !== 0 ? candidate : fallback;
}
