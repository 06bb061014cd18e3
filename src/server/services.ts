import path from 'node:path';
import type { ServerConfig } from './config.ts';
import type { Settings } from '../schemas/settings.ts';
import type { AppServices } from '../app/services.ts';
import { createAppServices } from './app-services.ts';
import { RateLimiter } from './forms/rate-limit.ts';
import { UsedTokens } from './forms/used-tokens.ts';
import { loadOrCreateSecret } from './secret.ts';
import { openDatabase } from './storage/database.ts';
import { lockDataDir } from './storage/data-dir.ts';
import { SubmissionStore } from './storage/submission-store.ts';
import { DeliveryWorker, alertOverdue, defaultRetryPolicy } from './mail/delivery-worker.ts';
import { eraseMailFiles, fileTransport, smtpTransport } from './mail/transport.ts';
import { messageIdFor } from './mail/compose.ts';
import { createComposer } from './mail/messages.ts';
import { bookingComposers } from './workshops/booking-mails.ts';
import { BookingStore } from './workshops/booking-store.ts';
import { BookingFlow } from './workshops/booking-flow.ts';
import { ClientHolds } from './workshops/client-holds.ts';
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
export function startServices(
  config: ServerConfig,
  settings: Settings,
  catalogue: () => BookingCatalogue,
  env: NodeJS.ProcessEnv = process.env,
  // Every deadline (retention, booking lapse, reminder, expiry) reads this clock; unit tests
  // pass their own, the browser tests set TEST_CLOCK.
  now: () => number = createClock(env),
): RunningServices {
  const lock = lockDataDir(config.dataDir);
  let db: ReturnType<typeof openDatabase>;
  let store: SubmissionStore;
  let secret: Buffer;
  try {
    db = openDatabase(config.dataDir);
    store = new SubmissionStore(db);
    secret = loadOrCreateSecret(config.dataDir, store.counts().submissions > 0);
  } catch (error) {
    lock.release();
    throw error;
  }
  const bookings = new BookingStore(db);
  const mailFolder = config.smtpUrl ? undefined : path.join(config.dataDir, 'mail');
  const transport = mailFolder ? fileTransport(mailFolder) : smtpTransport(config.smtpUrl!);
  const mailDomain = /@([^>\s]+)/.exec(config.mailFrom)?.[1] ?? 'localhost';
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
  const usedTokens = new UsedTokens(db);
  // A workshop request still waiting for the school's address or the coordinator's decision is
  // kept: its data is needed for that. The booking housekeeping below decides when it goes.
  const activeBooking = (reference: string, form: string) => form === BOOKING_FORM_ID && bookings.isActive(reference);
  const bookingFlow = new BookingFlow({
    db,
    store,
    bookings,
    // Per client address: well below any period's capacity; BOOKING_CLIENT_LIMIT exists for tests.
    holds: new ClientHolds(numberFrom(env.BOOKING_CLIENT_LIMIT, 2)),
    coordinators: settings.routing.workshop,
    now,
    queued: () => worker.kick(),
  });
  const purge = () => {
    cases.purge(retentionMs);
    usedTokens.forgetExpired(now());
    const housekeeping = bookingFlow.housekeeping();
    if (housekeeping.lapsed + housekeeping.reminded + housekeeping.expired + housekeeping.erased > 0) {
      console.log(
        `[bookings] ${housekeeping.lapsed} unconfirmed request(s) lapsed, ${housekeeping.reminded} reminder(s) queued, ${housekeeping.expired} undecided request(s) expired, ${housekeeping.erased} erased`,
      );
    }
    const erased = store.purgeDelivered(now(), retentionMs, activeBooking);
    if (erased > 0) console.log(`[purge] erased ${erased} delivered submission(s) past the retention period`);
    // With the file transport the .eml files are copies of the reports: they go with them.
    const files = mailFolder ? eraseMailFiles(mailFolder, (reference) => store.exists(reference)) : 0;
    if (files > 0) console.log(`[purge] erased ${files} mail file(s) of erased submissions`);
    return erased;
  };
  const overdueAfterMs = responsePromiseMs(settings.responseWorkingDays);
  const alerted = new Set<number>();
  const housekeeping = () => {
    purge();
    alertOverdue(store, now(), overdueAfterMs, alerted, (line) => console.log(line));
  };
  const purgeTimer = setInterval(housekeeping, numberFrom(env.PURGE_INTERVAL_MS, 60 * 60_000));
  purgeTimer.unref();

  const app = createAppServices({
    store,
    bookings,
    rateLimiter: new RateLimiter(numberFrom(env.FORM_POST_LIMIT, 60), 10 * 60_000),
    storedLimiter: new RateLimiter(numberFrom(env.FORM_RATE_LIMIT, 10), 10 * 60_000),
    usedTokens,
    secret,
    minFillMs: numberFrom(env.FORM_MIN_FILL_MS, 3_000),
    siteOrigin: new URL(config.siteUrl).origin,
    routing: settings.routing,
    bookingFlow,
    now,
    queued: () => worker.kick(),
    cases: cases.services,
  });

  console.log(`[delivery] mail goes to ${transport.describe()}`);
  // A restart never forgets mail that was given up: each such job gets one more attempt now.
  const requeued = store.requeueFailed(now());
  if (requeued > 0) console.log(`[delivery] ${requeued} given-up job(s) are tried again after the restart`);
  worker.start();
  housekeeping();

  return {
    app,
    worker,
    purge,
    async close() {
      clearInterval(purgeTimer);
      await worker.stop();
      transport.close();
      db.close();
      lock.release();
    },
  };
}

/**
 * The response-time promise as a delay: working days become calendar days (5 working days a
 * week, rounded up). While the setting is still a placeholder (not a number), 3 working days
 * are assumed, and the log says so.
 */
export function responsePromiseMs(workingDays: unknown): number {
  let days = workingDays;
  if (typeof days !== 'number' || !Number.isFinite(days) || days <= 0) {
    console.log('[delivery] responseWorkingDays is not set yet; delivery alerts assume 3 working days');
    days = 3;
  }
  return Math.ceil(((days as number) * 7) / 5) * DAY_MS;
}

function numberFrom(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`Expected a non-negative number, got "${value}"`);
  return n;
}
