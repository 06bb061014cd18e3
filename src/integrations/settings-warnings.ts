import type { AstroIntegration } from 'astro';
import { settings } from '../settings.ts';
import { findPlaceholders } from '../schemas/settings.ts';

/** Makes every build say which settings still hold placeholder values, so none go live unnoticed. */
export function settingsWarnings(): AstroIntegration {
  return {
    name: 'settings-warnings',
    hooks: {
      'astro:build:done': ({ logger }) => {
        const fields = findPlaceholders(settings);
        if (fields.length === 0) return;
        logger.warn(
          `src/settings.ts still holds ${fields.length} placeholder value(s); replace them before going live ("npm run launch-check" lists everything):\n` +
            fields.map((f) => `  - ${f}`).join('\n'),
        );
      },
    },
  };
}
