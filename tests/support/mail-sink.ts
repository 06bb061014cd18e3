import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface MailSink {
  /** smtp:// URL for SMTP_URL (loopback, so TLS is not required). */
  url: string;
  messages: ParsedMail[];
  /** Raw sources as received, for byte-level checks such as the Message-ID. */
  raw: string[];
  /** While down, every message is refused with a temporary error (451). */
  setDown(down: boolean): void;
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

/** A real SMTP server on loopback that parses what it receives: the tests' mailbox. */
export async function startMailSink(): Promise<MailSink> {
  const messages: ParsedMail[] = [];
  const raw: string[] = [];
  let down = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        if (down) {
          const error = new Error('Service temporarily unavailable') as Error & { responseCode: number };
          error.responseCode = 451;
          return callback(error);
        }
        const source = Buffer.concat(chunks);
        raw.push(source.toString('utf8'));
        messages.push(await simpleParser(source));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    raw,
    setDown: (value) => (down = value),
    async waitFor(count, timeoutMs = 15_000) {
      const start = Date.now();
      while (messages.length < count) {
        if (Date.now() - start > timeoutMs) throw new Error(`expected ${count} mails, got ${messages.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return messages;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
