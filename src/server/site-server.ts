import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerConfig } from './config.ts';
import { applySecurityHeaders } from './http/security-headers.ts';
import { createStaticFiles } from './http/static-files.ts';
import { errorKind } from '../lib/error-kind.ts';

type AstroHandler = (req: IncomingMessage, res: ServerResponse, next?: (err?: unknown) => void, locals?: object) => Promise<void>;

export interface SiteServer {
  server: http.Server;
  /** The address the server listens on, e.g. http://127.0.0.1:4321. */
  url: string;
  /** Stops accepting connections and waits for open requests to finish. */
  close(): Promise<void>;
}

/**
 * One HTTP server for the whole site: prerendered files from dist/client, and the few
 * server-rendered form routes from Astro's handler. `locals` reaches those routes as
 * `Astro.locals`, which is how they get storage and mail without global state.
 */
export async function startSiteServer(config: ServerConfig, locals: object = {}): Promise<SiteServer> {
  const entry = pathToFileURL(path.join(config.distDir, 'server', 'entry.mjs')).href;
  const { handler } = (await import(entry)) as { handler: AstroHandler };
  const serveStatic = createStaticFiles(path.join(config.distDir, 'client'));
  const https = new URL(config.siteUrl).protocol === 'https:';

  const server = http.createServer(async (req, res) => {
    applySecurityHeaders(res, https);
    try {
      if (await serveStatic(req, res)) return;
      await handler(req, res, undefined, locals);
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
