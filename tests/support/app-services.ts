import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { settings } from '../../src/settings.ts';
import { createAppServices } from '../../src/server/app-services.ts';
import { RateLimiter } from '../../src/server/forms/rate-limit.ts';
import { UsedTokens } from '../../src/server/forms/used-tokens.ts';
import { openDatabase } from '../../src/server/storage/database.ts';
import { SubmissionStore } from '../../src/server/storage/submission-store.ts';
import { BookingFlow } from '../../src/server/workshops/booking-flow.ts';
import { BookingStore } from '../../src/server/workshops/booking-store.ts';
import { ClientHolds } from '../../src/server/workshops/client-holds.ts';

export interface TestServiceOptions {
  /** Form posts of any kind per client per 10 minutes. */
  posts?: number;
  /** Stored submissions per client per 10 minutes. */
  stored?: number;
  minFillMs?: number;
  /** Open workshop requests per client. */
  clientLimit?: number;
  origin?: string;
}

/**
 * The app services as the host builds them, on a real SQLite store in a fresh folder, with a
 * clock the test moves by hand (`clock.now`). Generous limits unless a test asks for others.
 */
export function testAppServices({ posts = 10_000, stored = 10_000, minFillMs = 0, clientLimit = 1000, origin = 'https://site.test' }: TestServiceOptions = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'app-services-test-'));
  const db = openDatabase(dataDir);
  const store = new SubmissionStore(db);
  const bookings = new BookingStore(db);
  const clock = { now: Date.parse('2027-01-11T09:00:00Z') };
  const now = () => clock.now;
  const secret = randomBytes(32);
  const bookingFlow = new BookingFlow({ db, store, bookings, holds: new ClientHolds(clientLimit), coordinators: settings.routing.workshop, now, queued: () => undefined });
  const services = createAppServices({
    store,
    bookings,
    bookingFlow,
    rateLimiter: new RateLimiter(posts, 600_000),
    storedLimiter: new RateLimiter(stored, 600_000),
    usedTokens: new UsedTokens(db),
    secret,
    minFillMs,
    siteOrigin: origin,
    routing: settings.routing,
    now,
    queued: () => undefined,
  });
  return { dataDir, db, store, bookings, bookingFlow, clock, secret, services };
}
