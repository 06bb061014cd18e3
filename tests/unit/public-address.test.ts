import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { publicSiteUrl } from '../../src/server/config.ts';

describe('the public address (SITE_URL)', () => {
  it('may be absent for a local run, and then nothing pretends the site lives on localhost', () => {
    expect(publicSiteUrl({})).toBeUndefined();
    expect(publicSiteUrl({ HOST: '127.0.0.1', SITE_URL: 'http://localhost:4321' })).toBe('http://localhost:4321');
  });

  it('must be a public https address for a production build or start', () => {
    const refused = /SITE_URL must be the public https address of the site/;
    expect(() => publicSiteUrl({ HOST: '0.0.0.0' }, { build: true })).toThrow(refused);
    expect(() => publicSiteUrl({ TRUST_PROXY_HOPS: '1', SITE_URL: 'http://localhost:4321' }, { build: true })).toThrow(refused);
    expect(() => publicSiteUrl({ NODE_ENV: 'production', SITE_URL: 'https://127.0.0.1' })).toThrow(refused);
    expect(() => publicSiteUrl({ NODE_ENV: 'production', SITE_URL: 'http://www.example.org' })).toThrow(refused);
    expect(publicSiteUrl({ NODE_ENV: 'production', SITE_URL: 'https://www.example.org/' })).toBe('https://www.example.org');
    // Astro's build sets NODE_ENV itself; the build does not take that for the operator's word.
    expect(publicSiteUrl({ NODE_ENV: 'production' }, { build: true })).toBeUndefined();
  });

  it('stops a production start without it with one clear line', { timeout: 30_000 }, () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const result = spawnSync(process.execPath, ['src/server/main.ts'], { cwd: root, env: { ...process.env, SITE_URL: '', HOST: '0.0.0.0', PORT: '0', DATA_DIR: '/nonexistent-never-created' }, encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^\[server\] cannot start: SITE_URL must be the public https address of the site .* got nothing\./);
  });
});
