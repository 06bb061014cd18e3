import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readServerConfig } from '../../src/server/config.ts';
import { startServices, responsePromiseMs, type RunningServices } from '../../src/server/services.ts';
import { alertOverdue, defaultRetryPolicy, nextAttemptAt } from '../../src/server/mail/delivery-worker.ts';
import { runMailCommand } from '../../src/server/mail-command.ts';
import { openDatabase } from '../../src/server/storage/database.ts';
import { SubmissionStore } from '../../src/server/storage/submission-store.ts';
import { loadOrCreateSecret } from '../../src/server/secret.ts';
import { settings } from '../../src/settings.ts';
import { until } from '../support/raw-http.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const running: RunningServices[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.close();
});

const concern = { soort: 'persoon', rol: 'ouder', bezorgdheid: 'CANARY-MAILFILE-5e1d mijn buurjongen', leeftijd: 'minderjarig', contact: 'anoniem', momenten: [] };

function freshDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'aanspreekpunt-mail-'));
}

function start(dataDir: string, env: Record<string, string> = {}): RunningServices {
  const services = startServices(readServerConfig({ DATA_DIR: dataDir, PORT: '0' }), settings, () => ({ workshops: [], schools: [], periods: [] }), { PURGE_INTERVAL_MS: '3600000', ...env });
  running.push(services);
  return services;
}

/** A store on `dataDir` with one stored concern whose single delivery job was given up. */
function givenUpJob(dataDir: string, createdAt = Date.now()): { id: number; reference: string } {
  loadOrCreateSecret(dataDir);
  const db = openDatabase(dataDir);
  const store = new SubmissionStore(db);
  const reference = store.save({ form: 'melding', version: 1, route: 'concernPerson', payload: concern, messages: [{ message: 'postvak', recipient: 'deskundige@example.org' }] }, createdAt);
  const [job] = store.dueJobs(createdAt);
  store.markFailed(job!, 'ECONNREFUSED', undefined);
  db.close();
  return { id: job!.id, reference };
}

/** The delivery counts, read next to a running server (SQLite allows that). */
function counts(dataDir: string) {
  const db = openDatabase(dataDir);
  try {
    return new SubmissionStore(db).counts();
  } finally {
    db.close();
  }
}

describe('mail retries', () => {
  it('keep going for days with a delay capped at one hour', () => {
    let now = 0;
    let attempts = 0;
    let longest = 0;
    for (;;) {
      attempts++;
      const next = nextAttemptAt(attempts, now, defaultRetryPolicy);
      if (next === undefined) break;
      longest = Math.max(longest, next - now);
      now = next;
    }
    expect(now).toBeGreaterThan(5 * DAY);
    expect(longest).toBe(HOUR);
  });

  it('pick up given-up jobs again after a restart', async () => {
    const dataDir = freshDir();
    givenUpJob(dataDir);
    const services = start(dataDir);
    expect(services).toBeDefined();
    await until(() => counts(dataDir).sent === 1);
    expect(readdirSync(path.join(dataDir, 'mail')).filter((f) => f.endsWith('.eml'))).toHaveLength(1);
  });
});

describe('npm run mail', () => {
  it('lists undelivered jobs without recipients or content, and queues them again', () => {
    const dataDir = freshDir();
    const { id, reference } = givenUpJob(dataDir, Date.now() - 30 * HOUR);
    const lines: string[] = [];
    expect(runMailCommand(['list'], dataDir, Date.now(), (l) => lines.push(l))).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(`job ${id}  ${reference}  postvak  GIVEN UP  attempts 1  30 h old  last error ECONNREFUSED`);
    expect(lines.join()).not.toMatch(/deskundige|CANARY|buurjongen/);

    lines.length = 0;
    expect(runMailCommand(['resend', String(id)], dataDir, Date.now(), (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toMatch(/^1 of 1 job\(s\) queued again/);
    expect(counts(dataDir)).toMatchObject({ pending: 1, failed: 0 });
    expect(runMailCommand(['resend', 'abc'], dataDir, Date.now(), () => undefined)).toBe(2);
    expect(runMailCommand([], dataDir, Date.now(), () => undefined)).toBe(2);
  });
});

describe('overdue alert', () => {
  it('alerts once, content-free, when a job is older than the response-time promise', () => {
    const dataDir = freshDir();
    const now = Date.now();
    const { id, reference } = givenUpJob(dataDir, now - 6 * DAY);
    const db = openDatabase(dataDir);
    const store = new SubmissionStore(db);
    const logs: string[] = [];
    const alerted = new Set<number>();
    expect(alertOverdue(store, now, 7 * DAY, alerted, (l) => logs.push(l))).toBe(0);
    expect(alertOverdue(store, now, responsePromiseMs(3), alerted, (l) => logs.push(l))).toBe(1);
    expect(alertOverdue(store, now, responsePromiseMs(3), alerted, (l) => logs.push(l))).toBe(0);
    expect(logs).toEqual([`[delivery] ALERT job ${id} (${reference}) is given up and older than the response-time promise; see npm run mail -- list`]);
    db.close();
  });

  it('turns working days into calendar days, with a stated default while the setting is a placeholder', () => {
    expect(responsePromiseMs(5)).toBe(7 * DAY);
    expect(responsePromiseMs(3)).toBe(5 * DAY);
    expect(responsePromiseMs('[in te vullen]')).toBe(5 * DAY);
  });
});

describe('mail files (the default transport)', () => {
  it('are erased with their submission at the end of the retention period', async () => {
    const dataDir = freshDir();
    const services = start(dataDir, { RETENTION_MS: '0' });
    // A report's content-free notification (reports themselves are never mailed), queued as the case vault does.
    const reference = new SubmissionStore(openDatabase(dataDir)).save({ form: 'postvak', version: 1, route: 'concernPerson', payload: {}, messages: [{ message: 'postvak', recipient: 'deskundige@example.org' }] }, Date.now());
    services.worker.kick();
    const mailDir = path.join(dataDir, 'mail');
    await until(() => existsSync(mailDir) && readdirSync(mailDir).some((f) => f.startsWith(`${reference}.`) && f.endsWith('.eml')));
    await until(() => counts(dataDir).pending === 0);
    expect(services.purge()).toBe(1);
    expect(readdirSync(mailDir)).toEqual([]);
  });
});
