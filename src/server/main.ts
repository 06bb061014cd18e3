/**
 * The production server: `npm start` builds the site and runs this file with the project's
 * own Node 24, which runs TypeScript directly.
 */
import { publicSiteUrl, readServerConfig } from './config.ts';
import { startServices } from './services.ts';
import { startSiteServer } from './site-server.ts';
import { lazyCatalogue } from './workshops/catalogue.ts';
import { settings } from '../settings.ts';
import { prepareRecoveryKey } from './cases/recovery-key.ts';
import { productionRefusal } from './production-guard.ts';
import { settingsMismatch } from './built-settings.ts';

/** A start-up refusal (a second server, a missing key, unsafe rights) is one clear line, not a stack. */
function startOrExit<T>(start: () => T): T {
  try {
    return start();
  } catch (error) {
    console.error(`[server] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

const config = startOrExit(() => {
  publicSiteUrl(process.env);
  return readServerConfig();
});
// Production refuses placeholders in what visitors and reports depend on (README, "Going live").
const refusal = productionRefusal(process.env, settings, config);
if (refusal) {
  console.error(refusal);
  process.exit(1);
}
const mismatch = settingsMismatch(config.distDir, settings);
if (mismatch) {
  console.error(`[server] cannot start: ${mismatch}`);
  process.exit(1);
}
await prepareRecoveryKey(config);
const services = startOrExit(() => startServices(config, settings, lazyCatalogue(config.distDir)));
const site = await startSiteServer(config, { services: services.app });
console.log(`[server] serving the site on ${site.url}`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`[server] ${signal} received, finishing open requests`);
  const force = setTimeout(() => {
    console.error('[server] open requests did not finish in time; stopping anyway');
    process.exit(1);
  }, 10_000);
  force.unref();
  await site.close();
  await services.close();
  console.log('[server] stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
