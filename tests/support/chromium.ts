import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

/** Debian's Chromium; never a downloaded browser. CHROMIUM_PATH overrides it. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'Chromium is missing, so the browser tests cannot run.\n' +
        'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
        '(or set CHROMIUM_PATH to a Chromium binary).',
    );
  }
  return found;
}

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true, env: withoutFakeTime(process.env) });
}

/**
 * The suite is proven in another year by running it under libfaketime (README, "Tests").
 * Chromium crashes with libfaketime preloaded, and no script of the site reads the clock, so
 * the browser runs on the real clock while the server and the tests run on the faked one.
 */
function withoutFakeTime(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'LD_PRELOAD' && !entry[0].startsWith('FAKETIME')));
}

/**
 * A browser context that records every request to another origin, so a test can prove
 * the site never contacts one, and aborts them so nothing leaves the machine.
 */
export async function newIsolatedContext(
  browser: Browser,
  origin: string,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; foreignRequests: string[] }> {
  const context = await browser.newContext({ locale: 'nl-BE', ...options });
  const foreignRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || new URL(url).origin === origin) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  return { context, foreignRequests };
}
