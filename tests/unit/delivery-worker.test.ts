import { describe, expect, it } from 'vitest';
import { DeliveryWorker, nextAttemptAt, type RetryPolicy } from '../../src/server/mail/delivery-worker.ts';
import type { MailTransport, OutgoingMail } from '../../src/server/mail/transport.ts';
import { databaseFilesContain, tempStore } from '../support/temp-store.ts';

const policy: RetryPolicy = { baseDelayMs: 1000, maxDelayMs: 8000, maxAttempts: 5 };

/** A fake clock the test moves by hand: the worker never waits for real time here. */
function clock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** A transport that is up or down at the test's command and records what it accepted. */
function fakeTransport() {
  const sent: OutgoingMail[] = [];
  let up = true;
  const transport: MailTransport = {
    async send(mail) {
      if (!up) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      sent.push(mail);
    },
    describe: () => 'fake',
    close: () => undefined,
  };
  return { transport, sent, setUp: (value: boolean) => (up = value) };
}

function setup() {
  const { store, dataDir } = tempStore();
  const time = clock();
  const mail = fakeTransport();
  const logs: string[] = [];
  const worker = new DeliveryWorker({
    store,
    transport: mail.transport,
    compose: (job) => ({ subject: `Melding ${job.reference}`, text: JSON.stringify(job.payload) }),
    from: 'site@example.org',
    messageId: (job) => `<${job.reference}.${job.message}@example.org>`,
    now: time.now,
    policy,
    log: (line) => logs.push(line),
  });
  /** Stores a submission and returns its new reference. */
  const save = (text = 'inhoud') =>
    store.save({ form: 'melding', version: 1, route: 'concernPerson', payload: { bezorgdheid: text }, messages: [{ message: 'melding', recipient: 'deskundige@example.org' }] }, time.now());
  return { store, dataDir, time, mail, logs, worker, save };
}

describe('retry schedule', () => {
  it('doubles the wait after each failure, up to the maximum, then gives up', () => {
    expect([1, 2, 3, 4].map((n) => nextAttemptAt(n, 0, policy))).toEqual([1000, 2000, 4000, 8000]);
    expect(nextAttemptAt(4, 0, { ...policy, maxDelayMs: 3000 })).toBe(3000);
    expect(nextAttemptAt(5, 0, policy)).toBeUndefined();
  });
});

describe('delivery worker', () => {
  it('sends a stored submission and marks it delivered', async () => {
    const { store, mail, worker, save } = setup();
    const reference = save();
    await worker.runOnce();
    expect(mail.sent).toHaveLength(1);
    expect(mail.sent[0]).toMatchObject({ to: 'deskundige@example.org', messageId: `<${reference}.melding@example.org>` });
    expect(store.counts()).toEqual({ submissions: 1, pending: 0, sent: 1, failed: 0 });
  });

  it('retries with growing back-off while the mail server is down, then delivers with the same Message-ID', async () => {
    const { store, mail, worker, save, time, logs } = setup();
    const reference = save();
    mail.setUp(false);
    await worker.runOnce();
    await worker.runOnce(); // not due yet: no second attempt
    expect(store.counts().pending).toBe(1);
    expect(logs.filter((l) => l.includes('failed'))).toHaveLength(1);
    time.advance(999);
    await worker.runOnce();
    expect(logs.filter((l) => l.includes('failed'))).toHaveLength(1);
    time.advance(1);
    await worker.runOnce();
    expect(logs.filter((l) => l.includes('failed'))).toHaveLength(2);
    expect(logs.at(-1)).toContain('retry in 2 s');
    mail.setUp(true);
    time.advance(2000);
    await worker.runOnce();
    expect(mail.sent.map((m) => m.messageId)).toEqual([`<${reference}.melding@example.org>`]);
    expect(store.counts()).toMatchObject({ pending: 0, sent: 1 });
  });

  it('gives up after too many failures, keeps the submission, and alerts without any content', async () => {
    const { store, mail, worker, save, time, logs } = setup();
    const reference = save('GEHEIM-CANARY');
    mail.setUp(false);
    for (let i = 0; i < 10; i++) {
      await worker.runOnce();
      time.advance(policy.maxDelayMs);
    }
    expect(store.counts()).toEqual({ submissions: 1, pending: 0, sent: 0, failed: 1 });
    const alert = logs.find((l) => l.includes('ALERT'));
    expect(alert).toContain(reference);
    expect(logs.join('\n')).not.toContain('GEHEIM-CANARY');
    expect(logs.join('\n')).not.toContain('deskundige@example.org');
    expect(store.purgeDelivered(time.now() + 365 * 86_400_000, 0)).toBe(0);
  });

  it('picks up where it left off after a restart', async () => {
    const { store, mail, save, time } = setup();
    save();
    // A new worker on the same database, as after a crash before delivery.
    const restarted = new DeliveryWorker({
      store,
      transport: mail.transport,
      compose: () => ({ subject: 's', text: 't' }),
      from: 'site@example.org',
      messageId: (job) => `<${job.reference}@example.org>`,
      now: time.now,
      policy,
      log: () => undefined,
    });
    await restarted.runOnce();
    expect(mail.sent).toHaveLength(1);
  });

  it('marks a message it cannot compose as failed at once and alerts', async () => {
    const { store, time, mail } = setup();
    store.save({ form: 'melding', version: 1, route: 'question', payload: {}, messages: [{ message: 'onbekend', recipient: 'a@example.org' }] }, time.now());
    const logs: string[] = [];
    const worker = new DeliveryWorker({
      store,
      transport: mail.transport,
      compose: () => {
        throw new Error('no composer');
      },
      from: 'x@example.org',
      messageId: () => '<x@example.org>',
      now: time.now,
      policy,
      log: (l) => logs.push(l),
    });
    await worker.runOnce();
    expect(store.counts().failed).toBe(1);
    expect(logs[0]).toContain('ALERT');
  });
});

describe('storage and forgetting', () => {
  it('stores a submission and its delivery jobs together, or neither', () => {
    const { store, time } = setup();
    expect(() =>
      store.save({ form: 'melding', version: 1, route: 'question', payload: {}, messages: [{ message: 'melding', recipient: 'a@example.org' }] }, time.now(), () => {
        throw new Error('reservation failed');
      }),
    ).toThrow('reservation failed');
    expect(store.counts()).toEqual({ submissions: 0, pending: 0, sent: 0, failed: 0 });
  });

  it('erases delivered submissions after the retention period, and never undelivered ones', async () => {
    const { store, worker, save, time, dataDir, mail } = setup();
    const day = 86_400_000;
    const delivered = save('CANARY-DELIVERED-7f3a');
    await worker.runOnce();
    mail.setUp(false);
    const pending = save('CANARY-PENDING-91bc');
    await worker.runOnce();

    expect(store.purgeDelivered(time.now() + 6 * day, 7 * day)).toBe(0);
    expect(store.purgeDelivered(time.now() + 8 * day, 7 * day)).toBe(1);
    expect(store.exists(delivered)).toBe(false);
    expect(store.exists(pending)).toBe(true);
    // secure_delete and the WAL checkpoint leave no copy of the erased report on disk.
    expect(databaseFilesContain(dataDir, 'CANARY-DELIVERED-7f3a')).toBe(false);
    expect(databaseFilesContain(dataDir, 'CANARY-PENDING-91bc')).toBe(true);
  });

  it('keeps what the keep predicate protects', async () => {
    const { store, worker, save, time } = setup();
    const kept = save();
    await worker.runOnce();
    expect(store.purgeDelivered(time.now() + 1, 0, (reference) => reference === kept)).toBe(0);
    expect(store.purgeDelivered(time.now() + 1, 0)).toBe(1);
  });
});
