import { readFileSync } from 'node:fs';

/**
 * Tests build and run the site with other settings (complete ones, to prove nothing of a
 * placeholder shows) by naming a JSON file in SETTINGS_FILE. Unset, src/settings.ts is used.
 */
export function settingsFileOverride(): unknown {
  const file = process.env.SETTINGS_FILE;
  return file ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}
