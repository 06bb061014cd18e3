import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concernFields, formToken, postForm } from '../support/forms.ts';

/**
 * `npm run dev` gets the same services as production (src/integrations/site.ts), so an
 * editor trying the forms locally sees them work: stored, and mailed as a file.
 */
const root = path.resolve(import.meta.dirname, '../..');
let child: ChildProcess;
let url: string;
let dataDir: string;
let log = '';

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'aanspreekpunt-dev-'));
  child = spawn(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', '0'], {
    cwd: root,
    // Started as `npm run dev` would be: without Vitest's own variables (NODE_ENV=test, VITEST…),
    // which make Astro's dev server behave as inside a test runner.
    env: { ...withoutTestRunner(process.env), DATA_DIR: dataDir, FORM_MIN_FILL_MS: '0', ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const match = /Local\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`astro dev exited with ${code}:\n${log}`)));
  });
}, 120_000);

function withoutTestRunner(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST') && name !== 'TEST'));
}

afterAll(async () => {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});

describe('the development server', () => {
  it('stores a concern and writes the notification mail file, like the production server', async () => {
    const token = await formToken(url, '/melden/formulier');
    const result = await postForm(url, '/melden/formulier', concernFields(token, 'Een bericht om de ontwikkelserver te testen.'), { 'Sec-Fetch-Site': 'same-origin' });
    expect(result.status, result.body.slice(0, 500)).toBe(303);
    expect(result.location).toMatch(/^\/melden\/ontvangen\//);
    // Stored as an encrypted case; the expert's notification (without content) is written as a mail file.
    const mailDir = path.join(dataDir, 'mail');
    await expect.poll(() => existsSync(mailDir) && readdirSync(mailDir).some((f) => f.endsWith('.eml')), { timeout: 30_000 }).toBe(true);
  });
});
