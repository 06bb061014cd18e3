import { readdirSync, unlinkSync } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { isReference } from '../../forms/reference.ts';

export interface OutgoingMail {
  /** Stable per submission and message, so a resend after a crash is recognisable. */
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; content: string; contentType: string }[];
}

export interface MailTransport {
  /** Resolves when the mail server (or the mail folder) has accepted the message. */
  send(mail: OutgoingMail): Promise<void>;
  describe(): string;
  close(): void;
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '::1']);

/**
 * Connection options for an smtp:// or smtps:// URL. Reports hold sensitive personal data, so
 * TLS is required, except to a mail relay on this machine (loopback), where nothing crosses a network.
 */
export function smtpTransportOptions(smtpUrl: string) {
  const url = new URL(smtpUrl);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error('SMTP_URL must start with smtp:// or smtps://');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const loopback = loopbackHosts.has(host) || host.startsWith('127.');
  return {
    host,
    port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
    secure: url.protocol === 'smtps:',
    requireTLS: url.protocol === 'smtp:' && !loopback,
    ignoreTLS: url.protocol === 'smtp:' && loopback,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
    // One long-lived connection: a burst of reports should not open a connection per mail.
    pool: true,
    maxConnections: 1,
    logger: false,
    debug: false,
  };
}

export function smtpTransport(smtpUrl: string): MailTransport {
  const options = smtpTransportOptions(smtpUrl);
  const transporter = nodemailer.createTransport(options);
  return {
    async send(mail) {
      await transporter.sendMail({ ...mail, messageId: mail.messageId });
    },
    describe: () => `SMTP ${options.host}:${options.port}${options.requireTLS || options.secure ? ' (TLS required)' : ' (loopback)'}`,
    close: () => transporter.close(),
  };
}

/**
 * The embedded default: each message becomes an .eml file in `folder`, named after its
 * Message-ID, so a resend overwrites the same file instead of creating a duplicate.
 * Written to a temporary file, flushed to disk, then renamed: a crash never leaves half a mail.
 */
export function fileTransport(folder: string): MailTransport {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      const info = (await builder.sendMail({ ...mail, messageId: mail.messageId })) as { message: Buffer };
      const name = mail.messageId.replace(/[<>]/g, '').replace(/[^A-Za-z0-9._-]/g, '_');
      const target = path.join(folder, `${name}.eml`);
      const temporary = `${target}.tmp`;
      const handle = await open(temporary, 'w', 0o600);
      try {
        await handle.writeFile(info.message);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, target);
    },
    describe: () => `files in ${folder}`,
    close: () => undefined,
  };
}

/**
 * The mail files are copies of the reports, so they go when their submission goes: every
 * `.eml` whose reference (the start of its name, see `messageIdFor`) is no longer stored is
 * deleted; files with other names are left alone. Run after every purge; it also
 * cleans up after a crash between the database purge and the file deletion.
 */
export function eraseMailFiles(folder: string, stored: (reference: string) => boolean): number {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return 0;
  }
  let erased = 0;
  for (const name of names) {
    if (!name.endsWith('.eml')) continue;
    const reference = name.split('.')[0]!;
    // Only files this transport wrote (named after a reference) are ours to judge.
    if (!isReference(reference) || stored(reference)) continue;
    unlinkSync(path.join(folder, name));
    erased++;
  }
  return erased;
}
