import { UnreadablePayload, type DeliveryJob, type SubmissionStore } from '../storage/submission-store.ts';
import type { MailContent } from './compose.ts';
import { errorKind } from '../../lib/error-kind.ts';
import type { MailTransport } from './transport.ts';

export interface RetryPolicy {
  /** Delay before the first retry; each further retry waits twice as long. */
  baseDelayMs: number;
  /** The longest wait between two attempts. */
  maxDelayMs: number;
  /** After this many failed attempts the job is marked failed and the operator alerted. */
  maxAttempts: number;
}

/**
 * A relay outage of a weekend must not lose a report: after the doubling reaches one hour,
 * the worker keeps trying hourly, about seven days in all (8 attempts in the first ~2 hours,
 * then 160 hourly ones). A job given up is retried once at every start and can be resent
 * with `npm run mail -- resend`.
 */
export const defaultRetryPolicy: RetryPolicy = { baseDelayMs: 30_000, maxDelayMs: 60 * 60_000, maxAttempts: 168 };

/** When to try again after `attempts` failed attempts, or undefined to give up. */
export function nextAttemptAt(attempts: number, now: number, policy: RetryPolicy): number | undefined {
  if (attempts >= policy.maxAttempts) return undefined;
  return now + Math.min(policy.baseDelayMs * 2 ** (attempts - 1), policy.maxDelayMs);
}

export interface DeliveryWorkerOptions {
  store: SubmissionStore;
  transport: MailTransport;
  /** Builds the mail for a job; what it says depends on the job's message type. */
  compose(job: DeliveryJob): MailContent & { to?: string };
  from: string;
  messageId(job: DeliveryJob): string;
  now(): number;
  policy?: RetryPolicy;
  /** How often to look for due jobs when nothing wakes the worker sooner. */
  pollMs?: number;
  log?: (line: string) => void;
}

/**
 * Sends stored messages, one job at a time, and records the outcome of each attempt in the
 * database. After a crash or restart it simply continues with what is still pending.
 * Logs name the job and the kind of error, never a recipient or anything from the report.
 */
export class DeliveryWorker {
  readonly #o: Required<Omit<DeliveryWorkerOptions, 'policy'>> & { policy: RetryPolicy };
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #started = false;
  #stopped = false;
  #again = false;

  constructor(options: DeliveryWorkerOptions) {
    this.#o = { policy: defaultRetryPolicy, pollMs: 5_000, log: (line) => console.log(line), ...options };
  }

  /** Runs due jobs now and keeps looking for new ones until `stop()`. */
  start(): void {
    this.#started = true;
    this.kick();
  }

  /** Looks for work now, e.g. right after a new submission was stored. */
  kick(): void {
    if (!this.#started || this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#running = this.runOnce()
      .catch(() => this.#o.log('[delivery] the delivery run failed; it will be retried'))
      .finally(() => {
        this.#running = undefined;
        if (this.#again) {
          this.#again = false;
          this.kick();
        } else this.#schedule();
      });
  }

  /** Sends every job that is due now. Returns when the run is done (used directly by tests). */
  async runOnce(): Promise<void> {
    for (let batch = this.#o.store.dueJobs(this.#o.now()); batch.length > 0 && !this.#stopped; batch = this.#o.store.dueJobs(this.#o.now())) {
      for (const job of batch) {
        if (this.#stopped) return;
        await this.#deliver(job);
      }
    }
  }

  async #deliver(job: DeliveryJob): Promise<void> {
    let mail: MailContent & { to?: string };
    try {
      mail = this.#o.compose(job);
    } catch (error) {
      // A message we cannot build will not improve with retries: alert at once. An unreadable
      // payload (stored by another version of a form) says so; nothing of its content is logged.
      const why = error instanceof UnreadablePayload ? `its ${job.form} payload v${job.version} does not match the current form` : `it cannot be composed (${errorKind(error)})`;
      this.#o.store.markFailed(job, 'compose', undefined);
      this.#o.log(`[delivery] ALERT job ${job.id} (${job.reference}): ${why}; it needs an operator`);
      return;
    }
    try {
      await this.#o.transport.send({ messageId: this.#o.messageId(job), from: this.#o.from, to: mail.to ?? job.recipient, subject: mail.subject, text: mail.text, attachments: mail.attachments });
    } catch (error) {
      const attempts = job.attempts + 1;
      const retryAt = nextAttemptAt(attempts, this.#o.now(), this.#o.policy);
      this.#o.store.markFailed(job, errorKind(error), retryAt);
      if (retryAt === undefined) {
        this.#o.log(`[delivery] ALERT job ${job.id} (${job.reference}) failed ${attempts} times and was given up; the submission is kept. Resend it with: npm run mail -- resend ${job.id}`);
      } else {
        this.#o.log(`[delivery] job ${job.id} attempt ${attempts} failed (${errorKind(error)}); retry in ${Math.round((retryAt - this.#o.now()) / 1000)} s`);
      }
      return;
    }
    this.#o.store.markSent(job, this.#o.now());
    this.#o.log(`[delivery] job ${job.id} (${job.reference}) sent`);
  }

  #schedule(): void {
    if (!this.#started || this.#stopped) return;
    const next = this.#o.store.nextDueAt();
    const wait = next === undefined ? this.#o.pollMs : Math.max(0, Math.min(next - this.#o.now(), this.#o.pollMs));
    this.#timer = setTimeout(() => this.kick(), wait);
    this.#timer.unref();
  }

  /** Stops after the message being sent now; pending jobs stay in the database. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }
}

/**
 * Alerts (content-free: job number and reference) about mail that is still not delivered
 * longer after the submission than the response-time promise: the expert cannot answer a
 * report in time when it never arrived. Each job is reported once per process.
 */
export function alertOverdue(store: SubmissionStore, now: number, maxAgeMs: number, alerted: Set<number>, log: (line: string) => void): number {
  const overdue = store.undeliveredSince(now - maxAgeMs).filter((job) => !alerted.has(job.id));
  for (const job of overdue) {
    alerted.add(job.id);
    log(`[delivery] ALERT job ${job.id} (${job.reference}) is ${job.status === 'failed' ? 'given up' : 'still not delivered'} and older than the response-time promise; see npm run mail -- list`);
  }
  return overdue.length;
}
