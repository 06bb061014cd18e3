import { spawn } from 'node:child_process';
import path from 'node:path';

/** Runs an operator command (src/server/cli/NAME.ts) as `npm run NAME` would, with `input` on stdin. */
export function runCli(name: string, args: string[], env: Record<string, string>, input = ''): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`src/server/cli/${name}.ts`, ...args], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
    child.stdin.end(input);
  });
}
