import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { siteTestClock } from './test-clock.ts';

export interface SiteProcess {
  url: string;
  /** The instant (ISO) the server's clock started at: TEST_CLOCK. */
  clock: string;
  child: ChildProcess;
  dataDir: string;
  /** Everything the server wrote to stdout and stderr, for log-privacy checks. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts the production server (`src/server/main.ts`, as `npm start` runs it after the build)
 * on a free port, in its own process, with its own data directory, and with its clock set
 * to a moment taken from the content (see test-clock.ts) unless `env.TEST_CLOCK` says otherwise.
 */
export async function startSiteProcess(env: Record<string, string> = {}): Promise<SiteProcess> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'aanspreekpunt-data-'));
  const clock = env.TEST_CLOCK ?? siteTestClock();
  const child = spawn(process.execPath, ['src/server/main.ts'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, TEST_CLOCK: clock, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start in time:\n${log}`)), 20_000);
    const onData = () => {
      const match = /serving the site on (http:\/\/\S+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with code ${code} before it started:\n${log}`));
    });
  });

  return {
    url,
    clock,
    child,
    dataDir,
    output: () => log,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}
