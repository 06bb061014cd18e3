import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readServerConfig } from '../../src/server/config.ts';
import { startSiteServer, type AstroHandler, type SiteServer } from '../../src/server/site-server.ts';
import { clientAddress } from '../../src/server/http/client-address.ts';
import { idleSocket, rawRequest, until } from '../support/raw-http.ts';

/**
 * The host's own HTTP behaviour, with a stand-in for Astro's handler that answers the way
 * Astro does (status text "OK" whatever the status, a bare `text/html`, and a crash on what
 * it cannot parse), so these tests need no build.
 */
const seen: { url: string; locals: Record<string, unknown> }[] = [];
const astroLike: AstroHandler = async (req: IncomingMessage, res: ServerResponse, _next, locals) => {
  seen.push({ url: req.url ?? '', locals: locals as Record<string, unknown> });
  if ((req.headers.host ?? '').includes('@') || req.method === 'TRACE' || req.url?.startsWith('/_image')) throw new Error(`cannot render ${req.url}`);
  if (/%(?![0-9A-F]{2})/i.test(req.url ?? '') || req.url?.includes('%E0%A4%A')) console.error('[ERROR] Error: Invalid URL encoding');
  res.statusMessage = 'OK';
  if (req.url === '/redirect') return void res.writeHead(303, { location: '/done' }).end();
  if (req.url === '/too-large') return void res.writeHead(413, { 'content-type': 'text/html' }).end('<p>te groot</p>');
  res.writeHead(200, { 'content-type': 'text/html' }).end('<p>pagina</p>');
};

let site: SiteServer | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
  seen.length = 0;
  vi.restoreAllMocks();
});

async function start(env: Record<string, string> = {}, limits?: { total: number; perPeer: number; idleMs: number }) {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'aanspreekpunt-dist-'));
  mkdirSync(path.join(dist, 'client'));
  writeFileSync(path.join(dist, 'client', 'privacy.html'), '<p>privacy</p>');
  const config = readServerConfig({ PORT: '0', HOST: '127.0.0.1', DIST_DIR: dist, ...env });
  site = await startSiteServer(config, { services: 'stub' }, { handler: astroLike, connectionLimits: limits });
  return { site, port: Number(new URL(site.url).port) };
}

describe('requests the site never serves', () => {
  it('answers TRACE, CONNECT, a user@host Host header and /_image with 4xx, without reaching the pages or the log', async () => {
    const log = vi.spyOn(console, 'log');
    const error = vi.spyOn(console, 'error');
    const { port } = await start();
    const trace = await rawRequest(port, 'TRACE /melden/formulier HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Secret: abc\r\n\r\n');
    const userHost = await rawRequest(port, 'GET /melden/formulier HTTP/1.1\r\nHost: geheim@127.0.0.1\r\n\r\n');
    const image = await rawRequest(port, 'GET /_image?href=https://example.org/x.png HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    const absolute = await rawRequest(port, 'GET http://other.example/melden HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    const badEncoding = await rawRequest(port, 'GET /melden/%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    const connect = await rawRequest(port, 'CONNECT 127.0.0.1:80 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect(trace).toMatch(/^HTTP\/1\.1 405 /);
    expect(trace).not.toContain('X-Secret');
    expect(userHost).toMatch(/^HTTP\/1\.1 400 /);
    expect(image).toMatch(/^HTTP\/1\.1 404 /);
    expect(absolute).toMatch(/^HTTP\/1\.1 400 /);
    expect(badEncoding).toMatch(/^HTTP\/1\.1 400 /);
    expect(connect).toMatch(/^HTTP\/1\.1 405 /);
    expect(seen).toEqual([]);
    expect([...log.mock.calls, ...error.mock.calls]).toEqual([]);
  });
});

describe('server-rendered responses', () => {
  it('carry no-store, the standard reason phrase and a charset', async () => {
    const { port, site } = await start();
    const redirect = await fetch(`${site.url}/redirect`, { redirect: 'manual' });
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('cache-control')).toBe('no-store');
    const page = await fetch(`${site.url}/pagina`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const tooLarge = await rawRequest(port, 'GET /too-large HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect(tooLarge).toMatch(/^HTTP\/1\.1 413 Payload Too Large\r\n/);
    expect(tooLarge).toMatch(/content-type: text\/html; charset=utf-8/i);
  });

  it('do not drain a 20 MB body nobody reads: the connection is closed instead', async () => {
    const { port, site } = await start();
    let serverRead = 0;
    site.server.on('connection', (socket: net.Socket) => socket.on('close', () => (serverRead += socket.bytesRead)));
    const size = 20 * 1024 * 1024;
    const answer = await new Promise<string>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('latin1')));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve(text));
      socket.write(`POST /privacy HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\nContent-Length: ${size}\r\n\r\n`);
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < size && !socket.destroyed) {
          sent += chunk.length;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
      };
      pump();
    });
    expect(answer).toMatch(/^HTTP\/1\.1 405 /);
    expect(answer).toMatch(/connection: close/i);
    await until(() => serverRead > 0);
    expect(serverRead).toBeLessThan(size / 2);
  });
});

describe('connections', () => {
  it('closes a socket that never says anything', async () => {
    const { port } = await start({}, { total: 100, perPeer: 50, idleMs: 300 });
    const socket = await idleSocket(port);
    let closed = false;
    socket.on('close', () => (closed = true));
    await until(() => closed, 3_000);
  });

  it('caps connections per client and in total, and many idle sockets never lock out a real request', async () => {
    const { port, site } = await start({}, { total: 100, perPeer: 50, idleMs: 60_000 });
    const sockets: net.Socket[] = [];
    for (let i = 0; i < 150; i++) sockets.push(await idleSocket(port).catch(() => new net.Socket()));
    for (let i = 0; i < 60; i++) sockets.push(await idleSocket(port, '127.0.0.2').catch(() => new net.Socket()));
    let open = 0;
    site.server.getConnections((_e, n) => (open = n));
    await until(() => open > 0 && open <= 100);
    const answers = await Promise.all([1, 2, 3].map(() => fetch(`${site.url}/privacy`).then((r) => r.status)));
    expect(answers).toEqual([200, 200, 200]);
    const other = await rawRequest(port, 'GET /privacy HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect(other).toMatch(/^HTTP\/1\.1 200 /);
    for (const socket of sockets) socket.destroy();
  });
});

describe('client address', () => {
  it('is the TCP peer unless a proxy is trusted, and then the entry the proxy added', async () => {
    expect(clientAddress('10.0.0.1', '198.51.100.7', 0)).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.1', '6.6.6.6, 198.51.100.7', 1)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.1', ['6.6.6.6', '198.51.100.7, 10.0.0.2'], 2)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.1', undefined, 1)).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.1', 'not-an-ip', 1)).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.1', '198.51.100.7', 2)).toBe('10.0.0.1');
  });

  it('reaches the pages per request as locals.clientAddress, next to the shared services', async () => {
    const { site } = await start({ TRUST_PROXY_HOPS: '1' });
    await fetch(`${site.url}/pagina`, { headers: { 'X-Forwarded-For': '6.6.6.6, 198.51.100.7' } });
    expect(seen.at(-1)!.locals).toEqual({ services: 'stub', clientAddress: '198.51.100.7' });
    await site.close();
    const direct = await start();
    await fetch(`${direct.site.url}/pagina`, { headers: { 'X-Forwarded-For': '198.51.100.7' } });
    expect(seen.at(-1)!.locals.clientAddress).toBe('127.0.0.1');
  });
});
