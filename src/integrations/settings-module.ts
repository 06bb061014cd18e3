import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import type { Settings } from '../schemas/settings.ts';

const settingsModule = fileURLToPath(new URL('../settings.ts', import.meta.url));

/**
 * In a build, every import of src/settings.ts gets the values the integration validated at
 * config time, as plain data. The server bundle then parses nothing and reads no environment
 * (SETTINGS_FILE) at run time: the pages show exactly what was checked when they were built.
 * The development server keeps the real module, so an editor's change shows after a reload.
 */
export function validatedSettingsModule(settings: Settings): Plugin {
  return {
    name: 'aanspreekpunt-validated-settings',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      if (id.split('?')[0] !== settingsModule) return undefined;
      return `/** Validated by src/integrations/site.ts at config time. */\nexport const settings = ${JSON.stringify(settings)};\n`;
    },
  };
}
