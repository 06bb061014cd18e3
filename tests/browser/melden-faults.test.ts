import { afterAll, afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { startMailSink, type MailSink } from '../support/mail-sink.ts';
import { startSiteProcess, type SiteProcess } from '../support/site-process.ts';
import { concernFields, formToken, postForm } from '../support/forms.ts';
import { databaseFilesContain } from '../support/temp-store.ts';
import { rawRequest } from '../support/raw-http.ts';
import { DATABASE_FILE } from '../../src/server/storage/database.ts';
import { settings } from '../../src/settings.ts';

const FORM = '/melden/formulier';
const running: SiteProcess[] = [];
const sinks: MailSink[] = [];

async function site(env: Record<string, string>) {
  const started = await startSiteProcess(env);
  running.push(started);
  return started;
}
async function sink() {
  const started = await startMailSink();
  sinks.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop('SIGKILL')));
});
afterAll(async () => {
  await Promise.all(sinks.map((s) => s.close()));
});

function counts(dataDir: string) {
  const db = new DatabaseSync(path.join(dataDir, DATABASE_FILE), { readOnly: true });
  try {
    const submissions = (db.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n;
    const pending = (db.prepare("SELECT COUNT(*) AS n FROM deliveries WHERE status = 'pending'").get() as { n: number }).n;
    return { submissions, pending };
  } finally {
    db.close();
  }
}

async function report(server: SiteProcess, text: string) {
  const result = await postForm(server.url, FORM, concernFields(await formToken(server.url, FORM), text));
  expect(result.status, result.body.slice(0, 300)).toBe(303);
  return result.location!.split('/').pop()!;
}

describe('nothing lost', () => {
  it('delivers every report that came in while the mail server was down, once it is back', async () => {
    const mail = await sink();
    mail.setDown(true);
    const server = await site({ SMTP_URL: mail.url, FORM_MIN_FILL_MS: '0', DELIVERY_RETRY_BASE_MS: '200' });
    for (let i = 0; i < 5; i++) await report(server, `Melding ${i} terwijl de mailserver plat ligt.`);
    // One notification per report for each address the kind is routed to.
    const jobs = 5 * settings.routing.concernPerson.length;
    // Wait until every report was tried and refused, rather than for a guessed time.
    await expect.poll(() => new Set([...server.output().matchAll(/job (\d+) attempt \d+ failed \(smtp-451\)/g)].map((m) => m[1])).size).toBe(jobs);
    expect(mail.messages).toHaveLength(0);
    expect(counts(server.dataDir)).toEqual({ submissions: 5, pending: jobs });

    mail.setDown(false);
    await mail.waitFor(jobs, 20_000);
    // One content-free notification per report and recipient.
    expect(mail.messages.map((m) => m.subject)).toEqual(Array(jobs).fill('Nieuw bericht in het postvak'));
    await expect.poll(() => counts(server.dataDir).pending).toBe(0);
  });

  it('delivers a report after the server was killed between the commit and the delivery', async () => {
    const mail = await sink();
    mail.setDown(true);
    const first = await site({ SMTP_URL: mail.url, FORM_MIN_FILL_MS: '0', DELIVERY_RETRY_BASE_MS: '600000' });
    await report(first, 'Deze melding mag een crash niet verliezen.');
    await first.stop('SIGKILL');
    expect(counts(first.dataDir)).toEqual({ submissions: 1, pending: settings.routing.concernPerson.length });

    mail.setDown(false);
    // The failed attempt scheduled a retry far away; a restarted server must still deliver it.
    const db = new DatabaseSync(path.join(first.dataDir, DATABASE_FILE));
    db.exec('UPDATE deliveries SET next_attempt_at = 0');
    db.close();
    await site({ SMTP_URL: mail.url, DATA_DIR: first.dataDir, FORM_MIN_FILL_MS: '0' });
    const [delivered] = await mail.waitFor(1, 20_000);
    expect(delivered!.subject).toBe('Nieuw bericht in het postvak');
    expect(delivered!.text).not.toContain('crash');
  });
});

describe('abuse is refused, people are not', () => {
  it('refuses cross-origin posts, oversized bodies and wrong methods', async () => {
    const server = await site({ FORM_MIN_FILL_MS: '0' });
    const token = await formToken(server.url, FORM);
    const crossSite = await postForm(server.url, FORM, concernFields(token, 'Vanaf een andere website verstuurd.'), { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://aanvaller.example' });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body).toContain('niet van deze website');
    const otherOrigin = await postForm(server.url, FORM, concernFields(token, 'Vanaf een andere website verstuurd.'), { Origin: 'https://aanvaller.example' });
    expect(otherOrigin.status).toBe(403);

    const huge = await postForm(server.url, FORM, concernFields(token, 'x'.repeat(60_000)));
    expect(huge.status).toBe(413);
    expect(huge.body).toContain('te lang');

    const put = await fetch(`${server.url}${FORM}`, { method: 'PUT', body: 'a=b' });
    expect(put.status).toBe(405);
    const postToStaticPage = await fetch(`${server.url}/privacy`, { method: 'POST', body: 'a=b' });
    expect(postToStaticPage.status).toBe(405);
    expect(counts(server.dataDir).submissions).toBe(0);
  });

  it('answers a filled honeypot as if all went well, and shows a too-fast or tokenless post again; nothing is stored', async () => {
    const server = await site({});
    const token = await formToken(server.url, FORM);
    const honeypot = await postForm(server.url, FORM, { ...concernFields(token, 'Een bot vult alle velden in.'), homepage: 'https://spam.example' });
    expect(honeypot.status).toBe(303);
    expect(honeypot.location).toMatch(/^\/melden\/ontvangen\/[\w-]+$/);
    // Default minimum fill time (3 s): an instant post may still be a person, so nobody is told "received".
    const tooFast = await postForm(server.url, FORM, concernFields(token, 'Een mens die heel snel typt.'));
    expect(tooFast.status).toBe(400);
    expect(tooFast.body).toContain('Je bericht is nog niet verstuurd.');
    expect(tooFast.body).toContain('Een mens die heel snel typt.');
    const noToken = await postForm(server.url, FORM, { ...concernFields('', 'Zonder token.'), _start: '' });
    expect(noToken.status).toBe(400);
    expect(noToken.body).toContain('Zonder token.');
    expect(counts(server.dataDir)).toEqual({ submissions: 0, pending: 0 });
  });

  it('answers odd requests with 4xx and logs nothing of them; form answers carry no-store, a charset and the right reason phrase', async () => {
    const server = await site({ FORM_MIN_FILL_MS: '0' });
    const port = Number(new URL(server.url).port);
    const logBefore = server.output();
    const statusLine = async (request: string) => (await rawRequest(port, request)).split('\r\n')[0];
    expect(await statusLine('TRACE /melden/formulier HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')).toBe('HTTP/1.1 405 Method Not Allowed');
    expect(await statusLine('GET /melden/formulier HTTP/1.1\r\nHost: geheim@127.0.0.1\r\n\r\n')).toBe('HTTP/1.1 400 Bad Request');
    expect(await statusLine('GET /_image?href=/favicon.svg&w=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')).toBe('HTTP/1.1 404 Not Found');
    expect(await statusLine('GET /melden/%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')).toBe('HTTP/1.1 400 Bad Request');
    const tooLarge = await rawRequest(port, `POST ${FORM} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 70000\r\nConnection: close\r\n\r\n${'a'.repeat(70_000)}`);
    expect(tooLarge.split('\r\n')[0]).toBe('HTTP/1.1 413 Payload Too Large');
    expect(tooLarge).toMatch(/content-type: text\/html; charset=utf-8/i);

    const stored = await postForm(server.url, FORM, concernFields(await formToken(server.url, FORM), 'Een gewone melding die goed aankomt.'));
    expect(stored.status).toBe(303);
    const redirect = await fetch(`${server.url}${FORM}`, { method: 'POST', body: new URLSearchParams(concernFields(await formToken(server.url, FORM), 'Nog een gewone melding.')), redirect: 'manual' });
    expect(redirect.headers.get('cache-control')).toBe('no-store');
    const malformed = await fetch(`${server.url}/melden/ontvangen/niet-geldig`);
    expect(malformed.status).toBe(404);
    expect(malformed.headers.get('cache-control')).toBe('no-store');
    const page = await fetch(`${server.url}${FORM}`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    // Nothing of any of these requests reached the log, and no error was logged for them.
    const newLog = server.output().slice(logBefore.length);
    for (const trace of ['TRACE', 'geheim', '_image', 'favicon', '%E0', 'E0%A4', 'niet-geldig', 'gewone melding', '127.0.0.1', 'ERROR', 'request failed']) expect(newLog).not.toContain(trace);
  });

  it('limits the rate per client with a Dutch message, and keeps what was typed', async () => {
    const server = await site({ FORM_MIN_FILL_MS: '0', FORM_RATE_LIMIT: '3' });
    for (let i = 0; i < 3; i++) await report(server, `Bericht nummer ${i} binnen de limiet.`);
    const token = await formToken(server.url, FORM);
    const limited = await postForm(server.url, FORM, concernFields(token, 'Dit vierde bericht staat nog in het formulier.'));
    expect(limited.status).toBe(429);
    expect(limited.body).toContain('Wacht tien minuten');
    expect(limited.body).toContain('Dit vierde bericht staat nog in het formulier.');
    expect(counts(server.dataDir).submissions).toBe(3);
  });
});

describe('nothing leaked', () => {
  it('keeps report content and contact data out of the logs, and erases it from the database after delivery and retention', async () => {
    const mail = await sink();
    const server = await site({ SMTP_URL: mail.url, FORM_MIN_FILL_MS: '0', RETENTION_MS: '0', PURGE_INTERVAL_MS: '300' });
    const canary = `CANARY-${Math.random().toString(36).slice(2)}`;
    const token = await formToken(server.url, FORM);
    const result = await postForm(server.url, FORM, {
      ...concernFields(token, `Een zin met ${canary} erin, die nergens mag achterblijven.`),
      contact: 'contact',
      naam: 'Kanarie Vogelaar',
      telefoon: '0499 99 88 77',
      email: 'kanarie@voorbeeld.be',
    });
    expect(result.status).toBe(303);
    await mail.waitFor(1);
    expect(mail.messages[0]!.text).not.toContain(canary);
    await expect.poll(() => counts(server.dataDir).submissions).toBe(0);
    // The purge logs after it has erased: wait for the line instead of racing it.
    await expect.poll(() => server.output()).toContain('erased 1 delivered submission');

    // A checkpoint blocked by this test's own reader is retried at the next purge run.
    await expect.poll(() => databaseFilesContain(server.dataDir, canary), { timeout: 10_000 }).toBe(false);
    expect(databaseFilesContain(server.dataDir, 'Kanarie Vogelaar')).toBe(false);
    const log = server.output();
    for (const secret of [canary, 'Kanarie', '0499 99 88 77', 'kanarie@voorbeeld.be', 'bezorgdheid=']) expect(log).not.toContain(secret);
    // The start-up lines name the server's own and the mail relay's address; no other line may hold an address.
    const requestLines = log.split('\n').filter((line) => !/serving the site on|mail goes to/.test(line));
    expect(requestLines.join('\n')).not.toMatch(/127\.0\.0\.1|::1|::ffff:/);
  });
});
