import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureSettings } from '../fixtures/settings.ts';
import { parseSettings } from '../../src/schemas/settings.ts';
import { settingsMismatch } from '../../src/server/built-settings.ts';
import { BUILT_SETTINGS_FILE } from '../../src/lib/build-artefacts.ts';

/** The host refuses to serve a build whose pages were made with other settings than its own. */
describe('the settings of the build and of the host', () => {
  const settings = parseSettings(fixtureSettings);
  function distWith(built?: unknown): string {
    const dist = mkdtempSync(path.join(os.tmpdir(), 'built-settings-'));
    mkdirSync(path.join(dist, 'server'));
    if (built !== undefined) writeFileSync(path.join(dist, 'server', BUILT_SETTINGS_FILE), JSON.stringify(built));
    return dist;
  }

  it('agree when the build was made with the same settings', () => {
    expect(settingsMismatch(distWith(settings), settings)).toBeUndefined();
  });

  it('name every field that differs', () => {
    const built = { ...settings, city: 'Anderstad', routing: { ...settings.routing, question: ['iemand@anderstad.be'] } };
    const message = settingsMismatch(distWith(built), settings);
    expect(message).toContain('other settings (city, routing.question.0)');
    expect(message).toContain('npm run build');
  });

  it('ask for a build when there is none', () => {
    expect(settingsMismatch(distWith(), settings)).toContain('run "npm run build" first');
  });
});
