import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concernForm } from '../../src/forms/concern-form.ts';
import { validateForm } from '../../src/forms/validation.ts';
import { DeliveryWorker } from '../../src/server/mail/delivery-worker.ts';
import { createComposer } from '../../src/server/mail/messages.ts';
import { messageIdFor } from '../../src/server/mail/compose.ts';
import nodemailer from 'nodemailer';
import { smtpTransport, smtpTransportOptions } from '../../src/server/mail/transport.ts';
import { settings } from '../../src/settings.ts';
import { startMailSink, type MailSink } from '../support/mail-sink.ts';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SubmissionStore } from '../../src/server/storage/submission-store.ts';
import { createRecoveryKey } from '../../src/server/cases/recovery-key.ts';
import { startCaseServices } from '../../src/server/cases/start.ts';
import { openDatabase } from '../../src/server/storage/database.ts';
import { readServerConfig } from '../../src/server/config.ts';

let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink();
});
afterAll(async () => {
  await sink.close();
});

function concern(soort: 'persoon' | 'groep' | 'vraag', bezorgdheid: string) {
  const result = validateForm(concernForm, { soort, rol: 'leerkracht', bezorgdheid, leeftijd: 'minderjarig', contact: 'contact', naam: 'An Peeters', telefoon: '0470 12 34 56', terugbellen: 'ja', momenten: ['avond'] });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

describe('delivery over SMTP to a real mail server', () => {
  it('notifies the recipients the routing table names of each kind, always with the same subject and words, and nothing of the report', { timeout: 60_000 }, async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'aanspreekpunt-mail-'));
    const db = openDatabase(dataDir);
    const store = new SubmissionStore(db);
    await createRecoveryKey(dataDir);
    const transport = smtpTransport(sink.url);
    const routing = { ...settings.routing, concernPerson: ['persoon@example.org'], concernGroup: ['groep@example.org', 'tweede@example.org'], question: ['vraag@example.org'] };
    const config = { ...readServerConfig({ DATA_DIR: dataDir, SITE_URL: 'https://www.example.org' }), dataDir };
    const cases = startCaseServices({ db, store, config, settings: { ...settings, routing }, now: () => Date.now(), env: {}, queued: () => undefined });
    const worker = new DeliveryWorker({
      store,
      transport,
      compose: createComposer(cases.composers),
      from: 'Aanspreekpunt <no-reply@example.org>',
      messageId: (job) => messageIdFor(job.reference, job.message, job.recipient, 'example.org'),
      now: () => Date.now(),
      log: () => undefined,
    });
    const canary = 'KANARIE-SMTP-41';
    const references: string[] = [];
    for (const soort of ['persoon', 'groep', 'vraag'] as const) {
      const data = concern(soort, `Tekst over ${soort} met ${canary}.`);
      const token = await cases.services.reports.submit(concernForm.route(data), data);
      references.push(cases.services.reports.confirmation(token)!.reference);
    }
    await worker.runOnce();
    const mails = await sink.waitFor(4);
    expect(mails.map((m) => (Array.isArray(m.to) ? '' : m.to?.text)).sort()).toEqual(['groep@example.org', 'persoon@example.org', 'tweede@example.org', 'vraag@example.org']);
    expect(new Set(mails.map((m) => m.subject))).toEqual(new Set(['Nieuw bericht in het postvak']));
    expect(new Set(mails.map((m) => m.text)).size).toBe(1);
    expect(mails[0]!.text).toContain('https://www.example.org/postvak');
    for (const source of sink.raw) for (const secret of [canary, 'An Peeters', '0470', 'Leerkracht', ...references]) expect(source).not.toContain(secret);
    for (const mail of mails) expect(`${mail.subject} ${mail.text}`).not.toMatch(/persoon|groep|vraag|advies|bezorgdheid/i);
    // A resend after a crash carries the same Message-ID, so the mailbox can recognise it.
    expect(store.counts()).toMatchObject({ pending: 0, sent: 4 });
    expect(sink.messages.every((m) => /^<[2-9A-Z]{8}\.postvak\.[A-Za-z0-9_-]+@example\.org>$/.test(m.messageId ?? ''))).toBe(true);
    transport.close();
  });

  it('requires TLS for a mail server elsewhere, and only allows plain SMTP on loopback', () => {
    expect(smtpTransportOptions('smtp://mail.example.org:587')).toMatchObject({ requireTLS: true, secure: false });
    expect(smtpTransportOptions('smtps://mail.example.org')).toMatchObject({ secure: true, port: 465 });
    expect(smtpTransportOptions(sink.url)).toMatchObject({ requireTLS: false, ignoreTLS: true });
    expect(() => smtpTransportOptions('http://mail.example.org')).toThrow(/smtp/);
  });

  it('does not send when TLS is required and the server cannot offer it', async () => {
    const options = { ...smtpTransportOptions(sink.url), requireTLS: true, ignoreTLS: false };
    const before = sink.messages.length;
    await expect(nodemailer.createTransport(options).sendMail({ from: 'a@example.org', to: 'b@example.org', subject: 'x', text: 'GEHEIM' })).rejects.toThrow();
    expect(sink.messages.length).toBe(before);
  });
});
