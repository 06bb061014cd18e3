import { STATUS_CODES, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';

/**
 * What every server-rendered response (form pages, confirmations, redirects, their 404s) gets
 * from the host, whatever the page code set: `Cache-Control: no-store` (they are personal and
 * one-off; a page may still set its own value), the status line's standard reason phrase
 * (Astro sends "413 OK") and `text/html; charset=utf-8` instead of a bare `text/html`.
 */
export function prepareDynamicResponse(res: ServerResponse): void {
  res.setHeader('Cache-Control', 'no-store');
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const headers = rest.find((arg) => typeof arg === 'object' && arg !== null && !Array.isArray(arg)) as OutgoingHttpHeaders | undefined;
    if (headers) {
      for (const name of Object.keys(headers)) {
        if (name.toLowerCase() === 'content-type' && /^\s*text\/html\s*$/i.test(String(headers[name]))) headers[name] = 'text/html; charset=utf-8';
      }
    }
    const type = res.getHeader('content-type');
    if (typeof type === 'string' && /^\s*text\/html\s*$/i.test(type)) res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.statusMessage = STATUS_CODES[status] ?? 'Unknown';
    return writeHead(status, ...rest.filter((arg) => typeof arg !== 'string'));
  }) as ServerResponse['writeHead'];
}

/** How long a client that is still sending a body nobody reads may keep its connection after the answer. */
const LINGER_MS = 2_000;

/**
 * A request body that no code read (a post to a static page, the rest of a too-large form) is
 * not drained: Node would read and discard it, up to any size, to reuse the connection. Instead
 * the answer says `Connection: close`, reading stops once it is sent, and the connection is cut
 * shortly after, which leaves the client time to read the answer.
 */
export function closeUnreadBodies(req: IncomingMessage, res: ServerResponse): void {
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (!hasBody) return;
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    if (!req.complete) {
      res.shouldKeepAlive = false;
      res.setHeader('Connection', 'close');
    }
    return writeHead(status, ...rest);
  }) as ServerResponse['writeHead'];
  res.once('finish', () => {
    if (req.complete) return;
    const socket = req.socket;
    // Node's own finish handler resumed the body to drain it; stop reading instead.
    socket.pause();
    socket.removeAllListeners('data');
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  });
}
