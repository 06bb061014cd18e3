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
