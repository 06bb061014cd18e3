/**
 * Private build artefacts in dist/server: written by the integration (src/integrations/site.ts),
 * read only by the host. None of them is served.
 */

/** The settings the site was built with, as validated at config time. */
export const BUILT_SETTINGS_FILE = 'settings.json';
