import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_SETTINGS_FILE } from '../../src/lib/build-artefacts.ts';

/**
 * What runs inside Astro's request handling, as built: no host code (storage, mail, signing)
 * and no settings read at run time — the integration hands the bundle validated settings as data.
 */
const serverDir = path.resolve(import.meta.dirname, '../../dist/server');
const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const code = files(serverDir).filter((f) => f.endsWith('.mjs')).map((f) => readFileSync(f, 'utf8')).join('\n');

describe('the built server bundle', () => {
  it('holds no host code', () => {
    for (const hostOnly of ['node:sqlite', 'nodemailer', 'createHmac', 'age-encryption']) expect(code, hostOnly).not.toContain(hostOnly);
  });

  it('holds the settings as validated data and reads no SETTINGS_FILE', () => {
    expect(code).not.toContain('SETTINGS_FILE');
    expect(code).not.toContain('parseSettings');
    const built = JSON.parse(readFileSync(path.join(serverDir, BUILT_SETTINGS_FILE), 'utf8')) as { routing: { question: string[] } };
    expect(code).toContain(JSON.stringify(built.routing.question));
  });
});
