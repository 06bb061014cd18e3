/**
 * Load on the concern form: posts valid reports from many concurrent clients for a bounded time
 * against the production server on loopback, then proves that every accepted report was
 * stored and delivered (to a real SMTP server in this process).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { startMailSink } from '../../tests/support/mail-sink.ts';
import { startSiteProcess } from '../../tests/support/site-process.ts';
import { concernFields, formToken } from '../../tests/support/forms.ts';
import type { BenchContext, SectionReport } from './types.ts';
import { formatTable } from './util.ts';
import { DATABASE_FILE } from '../../src/server/storage/database.ts';

const DURATION_MS = 10_000;
const CONCURRENCY = 16;
const DELIVERY_WAIT_MS = 60_000;
const FORM = '/melden/formulier';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function benchFormLoad(context: BenchContext): Promise<SectionReport> {
  console.error('form load: starting a server with its own data folder and mail sink');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-forms-'));
  const sink = await startMailSink();
  const site = await startSiteProcess({
    DIST_DIR: context.distDir,
    DATA_DIR: dataDir,
    SMTP_URL: sink.url,
    FORM_MIN_FILL_MS: '0',
    FORM_RATE_LIMIT: '1000000',
  });
  try {
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let sequence = 0;
    const deadline = Date.now() + DURATION_MS;
    const client = async () => {
      while (Date.now() < deadline) {
        // Every report comes from its own shown form: a resent token would be stored only once.
        const token = await formToken(site.url, FORM);
        const body = new URLSearchParams(concernFields(token, `Belastingstest melding ${sequence++} over spanningen in de buurt.`));
        const started = performance.now();
        const response = await fetch(`${site.url}${FORM}`, { method: 'POST', body, redirect: 'manual', headers: { 'Sec-Fetch-Site': 'same-origin' } });
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status === 303) latencies.push(performance.now() - started);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, client));
    const seconds = (performance.now() - started) / 1000;
    const accepted = latencies.length;

    const deliveredBy = Date.now() + DELIVERY_WAIT_MS;
    while (sink.messages.length < accepted && Date.now() < deliveredBy) await new Promise((r) => setTimeout(r, 200));
    const db = new DatabaseSync(path.join(dataDir, DATABASE_FILE), { readOnly: true });
    const stored = (db.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n;
    const sent = (db.prepare("SELECT COUNT(*) AS n FROM deliveries WHERE status = 'sent'").get() as { n: number }).n;
    db.close();

    latencies.sort((a, b) => a - b);
    const figures = {
      durationSeconds: Number(seconds.toFixed(1)),
      concurrency: CONCURRENCY,
      accepted,
      acceptedPerSecond: Number((accepted / seconds).toFixed(1)),
      p50Ms: Number(percentile(latencies, 50).toFixed(1)),
      p99Ms: Number(percentile(latencies, 99).toFixed(1)),
      statuses: Object.fromEntries(statuses),
      stored,
      deliveriesSent: sent,
      mailsReceived: sink.messages.length,
    };
    console.log('\nConcern form under load (production server on loopback, real SMTP sink)\n');
    console.log(
      formatTable(
        ['seconds', 'clients', 'accepted', 'per second', 'p50 ms', 'p99 ms', 'stored', 'delivered', 'mails received'],
        [[String(figures.durationSeconds), String(CONCURRENCY), String(accepted), String(figures.acceptedPerSecond), String(figures.p50Ms), String(figures.p99Ms), String(stored), String(sent), String(sink.messages.length)]],
      ),
    );
    const allKept = accepted > 0 && stored === accepted && sent === accepted && sink.messages.length === accepted;
    return {
      name: 'formLoad',
      budgets: [{ budget: 'every accepted report is stored and delivered', pass: allKept, figure: `${accepted} accepted, ${stored} stored, ${sent} delivered, ${sink.messages.length} mails received` }],
      data: figures,
    };
  } finally {
    await site.stop();
    await sink.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
