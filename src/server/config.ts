import path from 'node:path';

/** Operator settings, read from the environment once at start-up. */
export interface ServerConfig {
  port: number;
  host: string;
  /** Where the database and, without SMTP, the outgoing mail files live. */
  dataDir: string;
  /** smtp:// or smtps:// URL; when absent, mail is written to files under DATA_DIR/mail. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The public address of the site; an https URL turns on Strict-Transport-Security. */
  siteUrl: string;
  /** Folder with the built site (dist/). */
  distDir: string;
  /**
   * How many reverse proxies in front of the server append to X-Forwarded-For (0: none, the
   * TCP peer is the client). Only set it when every request passes through those proxies.
   */
  trustProxyHops: number;
}

export function readServerConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  const port = Number(env.PORT ?? 4321);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a number between 0 and 65535, got "${env.PORT}".`);
  }
  const siteUrl = env.SITE_URL ?? `http://localhost:${port}`;
  try {
    new URL(siteUrl);
  } catch {
    throw new Error(`SITE_URL must be an absolute URL such as https://www.example.org, got "${siteUrl}".`);
  }
  return {
    port,
    host: env.HOST ?? 'localhost',
    dataDir: path.resolve(cwd, env.DATA_DIR ?? 'data'),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Aanspreekpunt <no-reply@example.org>',
    siteUrl,
    distDir: path.resolve(cwd, env.DIST_DIR ?? 'dist'),
    trustProxyHops: proxyHops(env.TRUST_PROXY_HOPS),
  };
}

function proxyHops(value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0 || hops > 5) throw new Error(`TRUST_PROXY_HOPS must be a whole number from 0 to 5 (the number of proxies in front of the server), got "${value}".`);
  return hops;
}

const loopbackHost = /^(localhost|127(?:\.\d{1,3}){3}|\[?::1\]?)$/i;

/**
 * Whether this build or start is the real, public site — the one definition of "production":
 * NODE_ENV=production, a server that listens beyond this machine (HOST), one behind a trusted
 * proxy, or (for a start) a public https SITE_URL. Astro's own build sets NODE_ENV, so the
 * build asks with `build: true` and looks only at what the operator set.
 */
export function isProductionRun(env: NodeJS.ProcessEnv, { build = false } = {}): boolean {
  const host = env.HOST ?? 'localhost';
  const operatorSaysSo = !loopbackHost.test(host) || Number(env.TRUST_PROXY_HOPS ?? 0) > 0;
  return operatorSaysSo || (!build && (env.NODE_ENV === 'production' || /^https:\/\//i.test(env.SITE_URL ?? '')));
}

/**
 * The public address the build writes into canonical links, Open Graph, JSON-LD, the sitemap
 * and the printed tip sheets. Undefined for a local run without SITE_URL: pages then leave
 * absolute addresses out instead of printing "localhost". A production run without a public
 * https address is refused, so no printed tip sheet ever sends a reader to localhost.
 */
export function publicSiteUrl(env: NodeJS.ProcessEnv, options: { build?: boolean } = {}): string | undefined {
  const value = env.SITE_URL || undefined;
  if (!isProductionRun(env, options)) return value;
  let url: URL | undefined;
  try {
    url = value ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'https:' || loopbackHost.test(url.hostname) || url.hostname === '0.0.0.0') {
    throw new Error(
      `SITE_URL must be the public https address of the site (e.g. https://www.example.org) for a production build or start, got ${value ? `"${value}"` : 'nothing'}. ` +
        'It goes into canonical links, the sitemap, shared links and printed tip sheets. Set SITE_URL and build again.',
    );
  }
  return url.origin;
}
