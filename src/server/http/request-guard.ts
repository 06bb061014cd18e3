import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

export interface Refusal {
  status: number;
  message: string;
  headers?: Record<string, string>;
}

const allowedMethods = new Set(['GET', 'HEAD', 'POST']);
/** A host name or IPv4 address, or an IPv6 address in brackets, with an optional port. Nothing else (no `user@`). */
const hostPattern = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})?)*\.?|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/**
 * Requests the site never serves, refused before any page code runs: methods other than
 * GET, HEAD and POST (TRACE would echo headers back), a Host header that is not a plain host
 * (`user@host` made the page renderer fail), a target that is not a path, and Astro's image
 * endpoint, which the site does not use. These are answered with a short 4xx and never logged:
 * a URL or header can carry personal data, and a flood of bad requests must not flood the log.
 */
export function refuseRequest(req: IncomingMessage): Refusal | undefined {
  if (!allowedMethods.has(req.method ?? '')) {
    return { status: 405, message: 'Deze methode wordt niet ondersteund.', headers: { Allow: 'GET, HEAD, POST' } };
  }
  const host = req.headers.host;
  if (host !== undefined && !hostPattern.test(host)) return { status: 400, message: 'Deze vraag kon niet gelezen worden.' };
  const target = req.url ?? '';
  if (!target.startsWith('/') || target.startsWith('//')) return { status: 400, message: 'Deze vraag kon niet gelezen worden.' };
  const pathname = target.split('?')[0]!;
  if (!decodes(pathname)) return { status: 400, message: 'Deze vraag kon niet gelezen worden.' };
  if (pathname === '/_image' || pathname.startsWith('/_image/') || pathname.startsWith('/_image.')) {
    return { status: 404, message: 'Deze pagina bestaat niet.' };
  }
  return undefined;
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export function sendRefusal(res: ServerResponse, refusal: Refusal): void {
  res.writeHead(refusal.status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...refusal.headers });
  res.end(refusal.message);
}

/**
 * CONNECT never reaches the request handler: without a listener Node drops the connection
 * without a word. Answer it like any other method the site does not serve.
 */
export function refuseConnect(server: Server): void {
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD, POST\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  });
}
