import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BUILT_SETTINGS_FILE } from '../lib/build-artefacts.ts';
import type { Settings } from '../schemas/settings.ts';

/**
 * The pages carry the settings they were built with; the host reads src/settings.ts (or
 * SETTINGS_FILE) itself. Both must be the same, or pages would name one address while mail
 * goes to another. Returns why the host must not serve this build, or undefined when they agree.
 */
export function settingsMismatch(distDir: string, settings: Settings): string | undefined {
  let built: unknown;
  try {
    built = JSON.parse(readFileSync(path.join(distDir, 'server', BUILT_SETTINGS_FILE), 'utf8'));
  } catch {
    return `the build in ${distDir} has no ${BUILT_SETTINGS_FILE}; run "npm run build" first`;
  }
  const differ = differences(built, settings);
  if (differ.length === 0) return undefined;
  return `the build in ${distDir} was made with other settings (${differ.join(', ')}); run "npm run build" again with the settings this server uses`;
}

/** Dotted paths whose values differ between two JSON values. */
function differences(a: unknown, b: unknown, at = ''): string[] {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((key) => differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], at ? `${at}.${key}` : key));
  }
  return Object.is(a, b) ? [] : [at || '(all)'];
}
