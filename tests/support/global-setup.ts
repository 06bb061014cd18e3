import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './chromium.ts';
import { startSiteProcess } from './site-process.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

/** One production server for the browser suite; suites that need their own start one. */
export default async function setup(project: TestProject) {
  chromiumPath();
  const entry = path.resolve(import.meta.dirname, '../../dist/server/entry.mjs');
  if (!existsSync(entry)) throw new Error('The site is not built. Run `npm run build` first (npm test does this for you).');
  const site = await startSiteProcess();
  project.provide('siteUrl', site.url);
  return async () => {
    await site.stop();
  };
}
