import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.ics': 'text/calendar; charset=utf-8',
  '.pdf': 'application/pdf',
};
const compressible = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.svg']);
const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

interface StaticFile {
  filePath: string;
  size: number;
  mtime: Date;
}

/**
 * Serves the prerendered site from `root`. Clean URLs map to `.html` files, as Astro writes
 * them with `build.format: 'file'`. Text files are compressed once and kept in memory:
 * the whole site is small, and compressing per request would waste the server's two cores.
 */
export function createStaticFiles(root: string) {
  const compressedCache = new Map<string, Promise<Buffer>>();

  async function find(urlPath: string): Promise<StaticFile | undefined> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return undefined;
    }
    if (decoded.includes('\0')) return undefined;
    const normalized = path.posix.normalize(decoded);
    // Dotfiles and parent paths are never served.
    if (normalized.split('/').some((part) => part.startsWith('.'))) return undefined;
    const candidates = normalized === '/' ? ['/index.html'] : [normalized, `${normalized.replace(/\/$/, '')}.html`];
    for (const candidate of candidates) {
      const filePath = path.join(root, candidate);
      if (!filePath.startsWith(root + path.sep)) continue;
      try {
        const info = await stat(filePath);
        if (info.isFile()) return { filePath, size: info.size, mtime: info.mtime };
      } catch {
        // Not this candidate; try the next.
      }
    }
    return undefined;
  }

  function compressed(file: StaticFile, encoding: 'br' | 'gzip'): Promise<Buffer> {
    const key = `${encoding}:${file.filePath}:${file.mtime.getTime()}`;
    let entry = compressedCache.get(key);
    if (!entry) {
      entry = readFile(file.filePath).then((raw) =>
          encoding === 'br'
            ? brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
            : gzip(raw, { level: 9 }),
        );
      compressedCache.set(key, entry);
    }
    return entry;
  }

  /** Answers the request and returns true when a file matches; otherwise leaves the response untouched. */
  return async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const urlPath = (req.url ?? '/').split('?')[0]!;
    const file = await find(urlPath);
    if (!file) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      // Prerendered pages and assets can only be read.
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Deze pagina kan alleen gelezen worden.');
      return true;
    }

    const ext = path.extname(file.filePath).toLowerCase();
    res.setHeader('Content-Type', contentTypes[ext] ?? 'application/octet-stream');
    res.setHeader('Last-Modified', file.mtime.toUTCString());
    // Hashed build assets never change; pages and the search index are revalidated.
    res.setHeader(
      'Cache-Control',
      urlPath.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
    );
    const since = req.headers['if-modified-since'];
    if (since && Math.floor(file.mtime.getTime() / 1000) <= Math.floor(Date.parse(since) / 1000)) {
      res.statusCode = 304;
      res.end();
      return true;
    }

    const accepts = String(req.headers['accept-encoding'] ?? '');
    const encoding = !compressible.has(ext) ? undefined : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : undefined;
    if (compressible.has(ext)) res.setHeader('Vary', 'Accept-Encoding');
    if (encoding) {
      const body = await compressed(file, encoding);
      res.setHeader('Content-Encoding', encoding);
      res.setHeader('Content-Length', body.length);
      res.end(req.method === 'HEAD' ? undefined : body);
      return true;
    }
    res.setHeader('Content-Length', file.size);
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    await new Promise<void>((resolve, reject) => {
      const stream = createReadStream(file.filePath);
      stream.on('error', reject);
      res.on('close', resolve);
      stream.pipe(res);
    });
    return true;
  };
}
