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
import { tempStore } from '../support/temp-store.ts';

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
  it('sends each kind of concern to the recipients the routing table names, with content, reference and a stable Message-ID', async () => {
    const { store } = tempStore();
    const transport = smtpTransport(sink.url);
    const worker = new DeliveryWorker({
      store,
      transport,
      compose: createComposer(),
      from: 'Aanspreekpunt <no-reply@example.org>',
      messageId: (job) => messageIdFor(job.reference, job.message, job.recipient, 'example.org'),
      now: () => Date.now(),
      log: () => undefined,
    });
    const routing = { ...settings.routing, concernPerson: ['persoon@example.org'], concernGroup: ['groep@example.org', 'tweede@example.org'], question: ['vraag@example.org'] };
    const cases = [
      { soort: 'persoon' as const, to: ['persoon@example.org'] },
      { soort: 'groep' as const, to: ['groep@example.org', 'tweede@example.org'] },
      { soort: 'vraag' as const, to: ['vraag@example.org'] },
    ].map((c) => {
      const data = concern(c.soort, `Tekst over ${c.soort} met een unieke zin ${c.soort}-${c.to.length}.`);
      const route = concernForm.route(data);
      const reference = store.save({ form: concernForm.id, version: concernForm.stored.version, route, payload: data, messages: routing[route].map((recipient) => ({ message: concernForm.id, recipient })) }, Date.now());
      return { ...c, reference, phrase: `unieke zin ${c.soort}-${c.to.length}` };
    });
    await worker.runOnce();
    const mails = await sink.waitFor(4);
    for (const c of cases) {
      const received = mails.filter((m) => m.subject?.includes(`${c.reference.slice(0, 4)} ${c.reference.slice(4)}`));
      expect(received.map((m) => (Array.isArray(m.to) ? '' : m.to?.text)).sort()).toEqual([...c.to].sort());
      for (const mail of received) {
        expect(mail.text).toContain(c.phrase);
        expect(mail.text).toContain('Leerkracht of iemand van een school');
        expect(mail.text).toContain('In de vooravond');
        expect(mail.messageId).toMatch(new RegExp(`^<${c.reference}\\.melding\\.[A-Za-z0-9_-]+@example\\.org>$`));
      }
    }
    // A resend after a crash carries the same Message-ID, so the mailbox can recognise it.
    const person = cases[0]!.reference;
    const first = mails.find((m) => m.subject?.includes(`${person.slice(0, 4)} ${person.slice(4)}`))!;
    const again = messageIdFor(person, 'melding', 'persoon@example.org', 'example.org');
    expect(first.messageId).toBe(again);
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
