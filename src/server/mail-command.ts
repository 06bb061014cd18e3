/**
 * Operator command for mail that did not go out: `npm run mail -- list` shows every job that is
 * not delivered yet, `npm run mail -- resend <job>…` (or `resend failed`) queues jobs again.
 * It works next to a running server (SQLite allows that; the running worker sends a queued job
 * within seconds) and on a stopped one (the next start sends it). The output is content-free:
 * job numbers, references, message types, states and error kinds; never a recipient or a report.
 */
import { readServerConfig } from './config.ts';
import { openDatabase } from './storage/database.ts';
import { SubmissionStore, type JobSummary } from './storage/submission-store.ts';

const usage = [
  'Usage:',
  '  npm run mail -- list                 jobs not delivered yet (pending or given up)',
  '  npm run mail -- resend <job> [<job>…] queue these jobs again',
  '  npm run mail -- resend failed        queue every given-up job again',
].join('\n');

export function runMailCommand(args: string[], dataDir: string, now: number, print: (line: string) => void): number {
  const [command, ...rest] = args;
  if (command !== 'list' && command !== 'resend') {
    print(usage);
    return 2;
  }
  const db = openDatabase(dataDir);
  try {
    const store = new SubmissionStore(db);
    if (command === 'list') {
      const jobs = store.undelivered();
      if (jobs.length === 0) print('Every mail has been delivered.');
      for (const job of jobs) print(describe(job, now));
      return 0;
    }
    if (rest.length === 1 && rest[0] === 'failed') {
      print(`${store.requeueFailed(now)} given-up job(s) queued again.`);
      return 0;
    }
    const ids = rest.map(Number);
    if (ids.length === 0 || ids.some((id) => !Number.isInteger(id) || id <= 0)) {
      print(usage);
      return 2;
    }
    const queued = store.requeueFailed(now, ids);
    print(`${queued} of ${ids.length} job(s) queued again; a running server sends them within seconds, a stopped one at its next start.`);
    return queued === ids.length ? 0 : 1;
  } finally {
    db.close();
  }
}

function describe(job: JobSummary, now: number): string {
  const age = `${Math.floor((now - job.createdAt) / 3_600_000)} h old`;
  const state = job.status === 'failed' ? 'GIVEN UP' : `pending, next attempt ${new Date(job.nextAttemptAt).toISOString()}`;
  return `job ${job.id}  ${job.reference}  ${job.message}  ${state}  attempts ${job.attempts}  ${age}${job.lastError ? `  last error ${job.lastError}` : ''}`;
}

if (import.meta.main) {
  process.exitCode = runMailCommand(process.argv.slice(2), readServerConfig().dataDir, Date.now(), (line) => console.log(line));
}
