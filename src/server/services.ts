import path from 'node:path';
import type { ServerConfig } from './config.ts';
import type { Settings } from '../schemas/settings.ts';
import type { AppServices } from '../app/services.ts';
import { createAppServices } from './app-services.ts';
import { RateLimiter } from './forms/rate-limit.ts';
import { loadOrCreateSecret } from './secret.ts';
import { openDatabase } from './storage/database.ts';
import { SubmissionStore } from './storage/submission-store.ts';
import { DeliveryWorker, defaultRetryPolicy } from './mail/delivery-worker.ts';
import { fileTransport, smtpTransport } from './mail/transport.ts';
import { messageIdFor } from './mail/compose.ts';
import { createComposer } from './mail/messages.ts';
import { bookingComposers } from './workshops/booking-mails.ts';
import { BookingStore } from './workshops/booking-store.ts';
import type { BookingCatalogue } from '../forms/booking-catalogue.ts';
import { BOOKING_FORM_ID } from '../forms/booking-form.ts';
import { createClock } from './clock.ts';
import { startCaseServices } from './cases/start.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RunningServices {
  /** What the pages get as `Astro.locals.services`. */
  app: AppServices;
  worker: DeliveryWorker;
  /** Erases delivered submissions past the retention period; returns how many. */
  purge(): number;
  close(): Promise<void>;
}

/**
 * Wires storage, mail delivery and the purge job together for the production server.
 * Tuning knobs for tests and operators come from the environment (see README).
 */
export function startServices(config: ServerConfig, settings: Settings, catalogue: () => BookingCatalogue, env: NodeJS.ProcessEnv = process.env): RunningServices {
  const db = openDatabase(config.dataDir);
  const store = new SubmissionStore(db);
  const bookings = new BookingStore(db);
  const secret = loadOrCreateSecret(config.dataDir);
  const transport = config.smtpUrl ? smtpTransport(config.smtpUrl) : fileTransport(path.join(config.dataDir, 'mail'));
  const mailDomain = /@([^>\s]+)/.exec(config.mailFrom)?.[1] ?? 'localhost';
  const now = createClock(env);
  const cases = startCaseServices({ db, store, config, settings, now, env, queued: () => worker.kick() });

  const worker = new DeliveryWorker({
    store,
    transport,
    compose: createComposer(
      { ...bookingComposers({ bookings, catalogue, secret, siteUrl: config.siteUrl, mailDomain, settings }), ...cases.composers },
    ),
    from: config.mailFrom,
    messageId: (job) => messageIdFor(job.reference, job.message, job.recipient, mailDomain),
    now,
    policy: { ...defaultRetryPolicy, baseDelayMs: numberFrom(env.DELIVERY_RETRY_BASE_MS, defaultRetryPolicy.baseDelayMs) },
  });

  // The settings decide retention; RETENTION_MS exists so tests can watch a purge happen.
  const retentionMs = numberFrom(env.RETENTION_MS, settings.privacy.retentionDays * DAY_MS);
  // A booking the coordinator has not decided on yet is kept: its data is needed to decide.
  const undecidedBooking = (reference: string, form: string) => form === BOOKING_FORM_ID && bookings.isUndecided(reference);
  const purge = () => {
    cases.purge(retentionMs);
    const erased = store.purgeDelivered(now(), retentionMs, undecidedBooking);
    if (erased > 0) console.log(`[purge] erased ${erased} delivered submission(s) past the retention period`);
    return erased;
  };
  const purgeTimer = setInterval(purge, numberFrom(env.PURGE_INTERVAL_MS, 60 * 60_000));
  purgeTimer.unref();

  const app = createAppServices({
    store,
    bookings,
    rateLimiter: new RateLimiter(numberFrom(env.FORM_RATE_LIMIT, 10), 10 * 60_000),
    secret,
    minFillMs: numberFrom(env.FORM_MIN_FILL_MS, 3_000),
    siteOrigin: new URL(config.siteUrl).origin,
    routing: settings.routing,
    now,
    queued: () => worker.kick(),
    cases: cases.services,
  });

  console.log(`[delivery] mail goes to ${transport.describe()}`);
  worker.start();
  purge();

  return {
    app,
    worker,
    purge,
    async close() {
      clearInterval(purgeTimer);
      await worker.stop();
      transport.close();
      db.close();
    },
  };
}

function numberFrom(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`Expected a non-negative number, got "${value}"`);
  return n;
}
