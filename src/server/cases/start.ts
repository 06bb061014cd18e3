import type { DatabaseSync } from 'node:sqlite';
import type { ServerConfig } from '../config.ts';
import type { Settings } from '../../schemas/settings.ts';
import type { SubmissionStore } from '../storage/submission-store.ts';
import { transaction } from '../storage/database.ts';
import type { Composer } from '../mail/messages.ts';
import { AccountStore } from './accounts.ts';
import { CaseStore } from './case-store.ts';
import { composeNotification, NOTIFICATION_MESSAGE } from './notification.ts';
import { readRecoveryKey } from './recovery-key.ts';
import { createCaseServices } from './services.ts';
import { CaseVault } from './vault.ts';

interface Parts {
  db: DatabaseSync;
  store: SubmissionStore;
  config: ServerConfig;
  settings: Settings;
  now(): number;
  env: NodeJS.ProcessEnv;
  /** Called after a notification was queued, so it goes out at once. */
  queued(): void;
}

/** The routing entries whose submissions are cases: workshop bookings are not reports and keep their own flow and mails. */
export function reportRouting(routing: Settings['routing']): Record<string, readonly string[]> {
  const { workshop: _bookings, ...reports } = routing;
  return reports;
}

/**
 * Wires confidential reporting into the host: the vault over the shared database, the
 * content-free notifications through the one delivery queue, and the purge of closed cases.
 */
export function startCaseServices({ db, store, config, settings, now, env, queued }: Parts) {
  const cases = new CaseStore(db);
  const accounts = new AccountStore(db);
  const routing = reportRouting(settings.routing);
  const vault = new CaseVault({
    cases,
    accounts,
    routing,
    now,
    recoveryRecipient: () => {
      const key = readRecoveryKey(config.dataDir);
      if (!key) throw new Error('no recovery key: run `npm run recovery-key -- create`');
      return key.recipient;
    },
    atomically(kind, notify, work) {
      if (!notify) return transaction(db, work);
      // A notification is a submission of its own with an empty payload and an unrelated
      // reference: the delivery queue's retries, alerts and purge, and nothing to leak.
      store.save(
        { form: NOTIFICATION_MESSAGE, version: 1, route: kind, payload: {}, messages: routing[kind]!.map((recipient) => ({ message: NOTIFICATION_MESSAGE, recipient })) },
        now(),
        work,
      );
      queued();
    },
  });
  for (const kind of vault.kindsWithoutAccount()) {
    console.log(`[cases] WARNING: no expert account for routing.${kind}: its reports are readable only with the recovery key (npm run accounts -- add <address>)`);
  }
  const idle = Number(env.INBOX_IDLE_MS ?? '');
  const services = createCaseServices({
    vault,
    cases,
    accounts,
    routing,
    now,
    issuer: `Aanspreekpunt ${settings.city}`,
    idleMs: idle > 0 ? idle : undefined,
    // The same knob as `npm run accounts` (tests only): unknown addresses cost what an account costs.
    passphraseWorkFactor: Number(env.ACCOUNT_SCRYPT_WORK_FACTOR) || undefined,
  });
  const composers: Record<string, Composer> = { [NOTIFICATION_MESSAGE]: () => composeNotification(config.siteUrl) };
  return {
    services,
    composers,
    vault,
    /** Erases closed cases past the retention period, counted from their last message. */
    purge: (retentionMs: number) => {
      const erased = cases.purgeClosed(now(), retentionMs);
      if (erased > 0) console.log(`[purge] erased ${erased} closed case(s) past the retention period`);
      return erased;
    },
  };
}
