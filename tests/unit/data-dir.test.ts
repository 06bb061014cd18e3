import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { readServerConfig } from '../../src/server/config.ts';
import { startServices, type RunningServices } from '../../src/server/services.ts';
import { settings } from '../../src/settings.ts';
import { DATABASE_FILE } from '../../src/server/storage/database.ts';
import { SECRET_FILE } from '../../src/server/secret.ts';
import { lockDataDir } from '../../src/server/storage/data-dir.ts';
import { prepareRecoveryKey } from '../../src/server/cases/recovery-key.ts';

const started: RunningServices[] = [];
afterEach(async () => {
  for (const s of started.splice(0)) await s.close();
});

function dataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'aanspreekpunt-dir-'));
}

function start(dir: string): RunningServices {
  const services = startServices(readServerConfig({ DATA_DIR: dir, PORT: '0' }), settings, () => ({ workshops: [], schools: [], periods: [] }), { PURGE_INTERVAL_MS: '3600000' });
  started.push(services);
  return services;
}

const mode = (file: string) => statSync(file).mode & 0o777;

function storeOne(services: RunningServices) {
  services.app.submissions.save({ form: 'melding', version: 1, route: 'concernPerson', payload: { soort: 'persoon', rol: 'ouder', bezorgdheid: 'x', contact: 'anoniem', momenten: [] }, extraMessages: [] });
}

describe('data folder rights', () => {
  it('makes a pre-existing 0755 folder 0700 and every file in it 0600, the database files included', async () => {
    const dir = dataDir();
    chmodSync(dir, 0o755);
    mkdirSync(path.join(dir, 'mail'), { mode: 0o755 });
    writeFileSync(path.join(dir, 'mail', 'old.eml'), 'x', { mode: 0o644 });
    const services = start(dir);
    storeOne(services);
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, 'mail'))).toBe(0o700);
    expect(mode(path.join(dir, 'mail', 'old.eml'))).toBe(0o600);
    for (const file of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, SECRET_FILE]) {
      expect([file, mode(path.join(dir, file))]).toEqual([file, 0o600]);
    }
  });
});

describe('one server per data folder', () => {
  it('refuses a second server on the same folder, and allows a start after the first stopped', async () => {
    const dir = dataDir();
    const first = start(dir);
    expect(() => start(dir)).toThrow(/Another server \(process \d+\) is already using the data folder/);
    await first.close();
    started.splice(started.indexOf(first), 1);
    expect(() => start(dir)).not.toThrow();
  });

  it('takes over the lock of a process that no longer runs', async () => {
    const dir = dataDir();
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = await new Promise<number>((resolve) => child.once('exit', () => resolve(child.pid!)));
    // A lock file left behind by a process that died, as after a crash.
    lockDataDir(dir, deadPid);
    expect(() => start(dir)).not.toThrow();
  });
});

describe('the server secret', () => {
  it('is created on a fresh folder, and its absence next to stored submissions stops the start loudly', async () => {
    const dir = dataDir();
    const services = start(dir);
    storeOne(services);
    await services.close();
    started.length = 0;
    rmSync(path.join(dir, SECRET_FILE));
    expect(() => start(dir)).toThrow(/server-secret\.key is missing or damaged, but .* holds stored submissions/);
    // The failed start left no lock behind.
    writeFileSync(path.join(dir, SECRET_FILE), Buffer.alloc(32, 7), { mode: 0o600 });
    expect(() => start(dir)).not.toThrow();
  });
});

describe('a first start on a fresh clone', () => {
  it('creates a missing DATA_DIR privately before the recovery key goes in', async () => {
    const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'fresh-clone-')), 'data', 'nested');
    const key = await prepareRecoveryKey({ dataDir, siteUrl: 'http://localhost:4321' });
    expect(key.development).toBe(true);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    for (const file of readdirSync(dataDir)) expect(statSync(path.join(dataDir, file)).mode & 0o777, file).toBe(0o600);
  });
});
