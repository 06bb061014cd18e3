import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSettings, type Settings } from '../../src/schemas/settings.ts';

/** Settings as a city has them once everything is filled in: no placeholder left. Invented for tests. */
export const completeSettingsFile = path.resolve(import.meta.dirname, '../fixtures/complete-settings.json');

export function completeSettings(): Settings {
  return parseSettings(JSON.parse(readFileSync(completeSettingsFile, 'utf8')), completeSettingsFile);
}
