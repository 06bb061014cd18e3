import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { ViteDevServer } from 'vite';
import { BOOKING_CATALOGUE_FILE, BOOKING_CATALOGUE_ROUTE, type BookingCatalogue } from '../forms/booking-catalogue.ts';
import { findPlaceholders } from '../schemas/settings.ts';
import { organisatieSchema } from '../schemas/content/organisatie.ts';
import { staleSignpostWarning } from '../lib/content-integrity.ts';
import { readContentFolder } from './content-files.ts';
import { buildSearchIndex, writeUiAlias } from './pagefind.ts';
import { validatedSettingsModule } from './settings-module.ts';
import { BUILT_SETTINGS_FILE } from '../lib/build-artefacts.ts';

/**
 * The site's one integration: the steps around Astro's own build and development server.
 *
 * - At config time, the settings are validated (importing src/settings.ts parses them and
 *   throws one Dutch message naming every wrong field), so a wrong setting stops `astro build`
 *   and `astro dev` before anything is rendered. The build's modules get these validated
 *   values as data (./settings-module.ts); they are also kept in dist/server/settings.json,
 *   so the host can refuse to run a build made with other settings.
 * - After a build: the placeholder warning, the warning for wegwijzer entries whose facts are
 *   stale, the private copy of the workshop catalogue for the mail worker, and the search index.
 * - In development: the host's services (storage, mail files, purge) in a development data
 *   folder, handed to each request the same way the production server does, so forms work.
 */
export function site(): AstroIntegration {
  let settings: (typeof import('../settings.ts'))['settings'];
  return {
    name: 'aanspreekpunt-site',
    hooks: {
      'astro:config:setup': async ({ updateConfig }) => {
        ({ settings } = await import('../settings.ts'));
        updateConfig({ vite: { plugins: [validatedSettingsModule(settings)] } });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const placeholders = findPlaceholders(settings);
        if (placeholders.length) {
          logger.warn(`src/settings.ts still holds ${placeholders.length} placeholder value(s); replace them before going live ("npm run launch-check" lists everything):\n${placeholders.map((f) => `  - ${f}`).join('\n')}`);
        }
        for (const warning of await staleSignpostWarnings()) logger.warn(`[wegwijzer] ${warning}`);
        const client = fileURLToPath(dir);
        await keepCatalogueBackstage(client);
        await writeFile(path.join(client, '..', 'server', BUILT_SETTINGS_FILE), JSON.stringify(settings, null, 2));
        await writeUiAlias(client);
        const report = await buildSearchIndex(client);
        for (const page of report.unindexed) logger.warn(`${page} has no data-pagefind-body, so search does not find it. Add it, or list the page in notIndexed.`);
        logger.info(`search index: ${report.records} records from ${report.pages} pages, ${report.words} words for spelling help`);
      },
      'astro:server:setup': async ({ server, logger }) => {
        // Vitest's component tests (Astro's Container API) also start a Vite server: they render
        // components and need no host, storage or mail.
        if (process.env.VITEST) return;
        await provideDevServices(server, settings, logger);
      },
    },
  };
}

/**
 * Read from the files: Astro hands an integration no collections. An entry that does not
 * parse is left out here; Astro's own validation has already stopped the build for it.
 */
async function staleSignpostWarnings(): Promise<string[]> {
  return (await readContentFolder('organisaties')).flatMap(({ file, data }) => {
    const parsed = organisatieSchema.safeParse(data);
    const warning = parsed.success ? staleSignpostWarning(file, parsed.data) : undefined;
    return warning ? [warning] : [];
  });
}

/**
 * Astro has no hook that hands an integration the content collections, so the catalogue is
 * rendered by an unlinked prerendered route; it is moved out of the public folder at once,
 * to dist/server, where only the host reads it.
 */
async function keepCatalogueBackstage(clientDir: string): Promise<void> {
  const serverDir = path.join(clientDir, '..', 'server');
  await mkdir(serverDir, { recursive: true });
  await rename(path.join(clientDir, BOOKING_CATALOGUE_ROUTE), path.join(serverDir, BOOKING_CATALOGUE_FILE));
}

/**
 * The development server gets the same services as production, in DATA_DIR (default
 * `data/dev`), with mail written as files. Astro reads a request's locals from the symbol
 * `astro.locals` on the Node request (as its Node adapter does), so no page code changes.
 */
async function provideDevServices(server: ViteDevServer, settings: Parameters<typeof import('../server/services.ts').startServices>[1], logger: { info(message: string): void }): Promise<void> {
  const [{ readServerConfig }, { startServices }, { prepareRecoveryKey }] = await Promise.all([
    import('../server/config.ts'),
    import('../server/services.ts'),
    import('../server/cases/recovery-key.ts'),
  ]);
  const config = readServerConfig({ ...process.env, DATA_DIR: process.env.DATA_DIR ?? 'data/dev' });
  await prepareRecoveryKey(config);
  // The catalogue comes from the content, through Vite, once: restart `npm run dev` after editing workshops.
  const { getBookingCatalogue } = (await server.ssrLoadModule('/src/lib/workshops.ts')) as { getBookingCatalogue(): Promise<BookingCatalogue> };
  const catalogue = await getBookingCatalogue();
  const services = startServices(config, settings, () => catalogue);
  const locals = { services: services.app };
  server.middlewares.use((req, _res, next) => {
    Reflect.set(req, Symbol.for('astro.locals'), locals);
    next();
  });
  server.httpServer?.once('close', () => void services.close());
  logger.info(`forms store in ${config.dataDir}; mail is written to ${path.join(config.dataDir, 'mail')}`);
}
