import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerConfig } from './config.ts';
import { applySecurityHeaders } from './http/security-headers.ts';
import { createStaticFiles } from './http/static-files.ts';
import { clientAddress } from './http/client-address.ts';
import { defaultConnectionLimits, guardConnections, type ConnectionLimits } from './http/connection-guard.ts';
import { closeUnreadBodies, prepareDynamicResponse } from './http/dynamic-response.ts';
import { refuseConnect, refuseRequest, sendRefusal } from './http/request-guard.ts';
import { errorKind } from '../lib/error-kind.ts';

export type AstroHandler = (req: IncomingMessage, res: ServerResponse, next?: (err?: unknown) => void, locals?: object) => Promise<void>;

export interface SiteServer {
  server: http.Server;
  /** The address the server listens on, e.g. http://127.0.0.1:4321. */
  url: string;
  /** Stops accepting connections and waits for open requests to finish. */
  close(): Promise<void>;
}

export interface SiteServerOptions {
  /** Astro's request handler; by default the one in the built site (tests pass their own). */
  handler?: AstroHandler;
  connectionLimits?: ConnectionLimits;
}

/**
 * One HTTP server for the whole site: prerendered files from dist/client, and the few
 * server-rendered form routes from Astro's handler. `locals` reaches those routes as
 * `Astro.locals`, which is how they get storage and mail without global state; the host adds
 * `clientAddress` per request (see `trustProxyHops`), because only the host knows which
 * X-Forwarded-For entry to believe.
 */
export async function startSiteServer(config: ServerConfig, locals: object = {}, options: SiteServerOptions = {}): Promise<SiteServer> {
  const handler = options.handler ?? (await loadAstroHandler(config.distDir));
  const serveStatic = createStaticFiles(path.join(config.distDir, 'client'));
  const https = new URL(config.siteUrl).protocol === 'https:';

  const server = http.createServer(async (req, res) => {
    applySecurityHeaders(res, https);
    closeUnreadBodies(req, res);
    const refusal = refuseRequest(req);
    if (refusal) return sendRefusal(res, refusal);
    try {
      if (await serveStatic(req, res)) return;
      prepareDynamicResponse(res);
      await handler(req, res, undefined, { ...locals, clientAddress: clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], config.trustProxyHops) });
    } catch (error) {
      // No request details in the log: URLs and bodies may carry personal data. The error's
      // kind (a code or class name) says what broke without quoting anything.
      console.error(`[server] a request failed while being answered (${errorKind(error)})`);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end('Er ging iets mis op de server. Probeer het later opnieuw.');
      } else {
        res.destroy();
      }
    }
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  const limits = options.connectionLimits ?? defaultConnectionLimits;
  // Behind a proxy every connection comes from the proxy: only the total cap makes sense there.
  guardConnections(server, config.trustProxyHops > 0 ? { ...limits, perPeer: limits.total } : limits);
  refuseConnect(server);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;

  return {
    server,
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

async function loadAstroHandler(distDir: string): Promise<AstroHandler> {
  const entry = pathToFileURL(path.join(distDir, 'server', 'entry.mjs')).href;
  return ((await import(entry)) as { handler: AstroHandler }).handler;
}
