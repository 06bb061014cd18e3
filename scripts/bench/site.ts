/** Builds the site and lists its pages, so every section measures the same production build. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sitemapPaths } from '../../tests/support/site-pages.ts';
import { pageTypes, type PageType } from '../../src/lib/page-types.ts';
import type { BenchPage } from './types.ts';

export const rootDir = path.resolve(import.meta.dirname, '../..');
const BUILD_TIMEOUT_MS = 5 * 60_000;

/**
 * Runs `npm run build`. Its log is kept back so the report stays readable, and printed only
 * when the build fails. Under `npm run` the same npm is used again through npm_execpath.
 */
export function buildSite(): Promise<void> {
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli ? [process.execPath, [npmCli, 'run', 'build']] : ['npm', ['run', 'build']];
  const child = spawn(command, args, { cwd: rootDir, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGTERM'), BUILD_TIMEOUT_MS);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`npm run build failed (${signal ?? `exit code ${code}`}):\n${log.slice(-4000)}`));
    });
  });
}

/** The pages in sitemap order, so "the first page of a type" is stable between runs. */
export async function readPages(siteUrl: string): Promise<BenchPage[]> {
  const paths = [...new Set(await sitemapPaths(siteUrl))];
  if (paths.length === 0) throw new Error('/sitemap.xml lists no pages');
  // Each page says what it is (data-page-type, from the page list); the bench does not guess from URLs.
  return Promise.all(
    paths.map(async (p) => {
      const declared = /<html[^>]*\sdata-page-type="([a-z]+)"/.exec(await (await fetch(siteUrl + p)).text())?.[1];
      return { path: p, type: pageTypes.includes(declared as PageType) ? (declared as PageType) : 'other' };
    }),
  );
}

/**
 * Others may rebuild dist/ while the bench runs (a shared working tree, a watcher), which would
 * swap files under the server mid-run. So the server gets a private copy, taken right after the
 * build, next to a link to the project's node_modules: the server bundle imports packages by name.
 */
export async function snapshotDist(): Promise<{ distDir: string; dataDir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-site-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await symlink(path.join(rootDir, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const distDir = path.join(dir, 'dist');
    await cp(path.join(rootDir, 'dist'), distDir, { recursive: true });
    for (const required of ['server/entry.mjs', 'client/sitemap.xml']) {
      if (!existsSync(path.join(distDir, required)))
        throw new Error(`dist/${required} is missing: is the site built, or is another build running?`);
    }
    // The server's storage goes in the same throwaway folder, so nothing is left behind.
    const dataDir = path.join(dir, 'data');
    await mkdir(dataDir);
    return { distDir, dataDir, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
