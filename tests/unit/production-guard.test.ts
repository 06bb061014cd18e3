import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { productionBlockers, productionRefusal } from '../../src/server/production-guard.ts';
import { isProductionRun } from '../../src/server/config.ts';
import { settings as shipped } from '../../src/settings.ts';
import { completeSettings } from '../support/complete-settings.ts';

const ready = { siteUrl: 'https://aanspreekpunt.voorbeeldstad.test', smtpUrl: 'smtps://user:pass@mail.voorbeeldstad.test:465', mailFrom: 'Aanspreekpunt <aanspreekpunt@voorbeeldstad.test>' };

describe('production mode', () => {
  it('is NODE_ENV=production, a public https SITE_URL, a public HOST or a trusted proxy; the embedded default is not', () => {
    expect(isProductionRun({ NODE_ENV: 'production' })).toBe(true);
    expect(isProductionRun({ SITE_URL: 'https://aanspreekpunt.voorbeeldstad.test' })).toBe(true);
    expect(isProductionRun({ HOST: '0.0.0.0' })).toBe(true);
    expect(isProductionRun({ TRUST_PROXY_HOPS: '1' })).toBe(true);
    expect(isProductionRun({})).toBe(false);
    expect(isProductionRun({ SITE_URL: 'http://localhost:4321', NODE_ENV: 'test' })).toBe(false);
    // Astro's build sets NODE_ENV itself: only what the operator set counts there.
    expect(isProductionRun({ NODE_ENV: 'production', SITE_URL: 'https://x.test' }, { build: true })).toBe(false);
  });
});

describe('a production start', () => {
  it('starts with complete settings, https, SMTP and a real sender', () => {
    expect(productionBlockers(completeSettings(), ready)).toEqual([]);
    expect(productionRefusal({ NODE_ENV: 'production' }, completeSettings(), ready)).toBeUndefined();
  });

  it('refuses placeholders in routing, contact details and the exit site, naming each field', () => {
    const draft = structuredClone(completeSettings());
    draft.routing.question = ['aanspreekpunt@example.org'];
    draft.contact.phone = '[in te vullen: telefoonnummer]';
    draft.quickExitUrl = 'https://example.org/';
    const problems = productionBlockers(draft, ready);
    expect(problems.map((p) => p.split(':')[0])).toEqual(['src/settings.ts contact.phone', 'src/settings.ts routing.question.0', 'src/settings.ts quickExitUrl']);
  });

  it('does not block on placeholders a visitor never depends on (they stay in the launch check)', () => {
    const draft = structuredClone(completeSettings());
    draft.accessibilityReviewed = '[in te vullen: datum]';
    expect(productionBlockers(draft, ready)).toEqual([]);
  });

  it('needs a public https address, SMTP and a real sender', () => {
    expect(productionBlockers(completeSettings(), { siteUrl: 'http://localhost:4321', smtpUrl: undefined, mailFrom: 'Aanspreekpunt <no-reply@example.org>' }).map((p) => p.split(':')[0])).toEqual([
      'SITE_URL',
      'SMTP_URL',
      'MAIL_FROM',
    ]);
  });

  it('never stops the embedded default, placeholders and all', () => {
    expect(productionRefusal({}, shipped, { siteUrl: 'http://localhost:4321', smtpUrl: undefined, mailFrom: 'Aanspreekpunt <no-reply@example.org>' })).toBeUndefined();
  });

  it('makes the real server exit with a message that names each field', () => {
    const main = path.resolve(import.meta.dirname, '../../src/server/main.ts');
    // A city's first draft, whatever the shipped settings hold: placeholders where a visitor depends on them.
    const draft = structuredClone(completeSettings());
    draft.routing.concernPerson = ['deskundige@example.org'];
    draft.contact.phone = '[in te vullen: telefoonnummer]';
    draft.contact.email = 'aanspreekpunt@example.org';
    draft.quickExitUrl = 'https://example.org/';
    const settingsFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'draft-settings-')), 'settings.json');
    writeFileSync(settingsFile, JSON.stringify(draft));
    const run = spawnSync(process.execPath, [main], {
      env: { ...process.env, SETTINGS_FILE: settingsFile, NODE_ENV: 'production', SITE_URL: 'https://aanspreekpunt.voorbeeldstad.test', SMTP_URL: '', PORT: '0', HOST: '127.0.0.1', DIST_DIR: '/nonexistent' },
      encoding: 'utf8',
      timeout: 50_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Refusing to start in production/);
    for (const field of ['routing.concernPerson.0', 'contact.phone', 'contact.email', 'quickExitUrl', 'SMTP_URL']) expect(run.stderr).toContain(field);
  }, 60_000);
});
