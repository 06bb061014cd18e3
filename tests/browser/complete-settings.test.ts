import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtPages, type BuiltPage } from '../support/built-site.ts';
import { completeSettings, completeSettingsFile } from '../support/complete-settings.ts';
import { placeholderHits, serverRenderedPaths } from '../support/placeholder-scan.ts';
import { startSiteProcess, type SiteProcess } from '../support/site-process.ts';

/**
 * The site as a city runs it once every setting is filled in: built and served with the
 * complete fixture settings (SETTINGS_FILE), in a folder of its own (BUILD_OUT_DIR). Nothing
 * of a placeholder may show, the preview notice is gone and the details appear as links.
 */
const root = path.resolve(import.meta.dirname, '../..');
// Inside the project, so the built server finds the project's node_modules.
mkdirSync(path.join(root, 'node_modules/.cache'), { recursive: true });
const outDir = mkdtempSync(path.join(root, 'node_modules/.cache/complete-settings-'));
const env = { SETTINGS_FILE: completeSettingsFile };
const settings = completeSettings();
let site: SiteProcess;
let pages: BuiltPage[];

function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: root,
      env: { ...process.env, ...env, BUILD_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`The build with complete settings failed:\n${log.replace(/^.*(MODULE_LEVEL_DIRECTIVE|[│╭╰─]).*$/gm, '').trim().slice(-3000)}`))));
  });
}

beforeAll(async () => {
  await build();
  site = await startSiteProcess({ ...env, DIST_DIR: outDir });
  const served = await Promise.all(serverRenderedPaths.map(async (p) => ({ path: p, html: await (await fetch(`${site.url}${p}`)).text() })));
  pages = [...builtPages(path.join(outDir, 'client')), ...served];
}, 600_000);

afterAll(async () => {
  await site?.stop();
  rmSync(outDir, { recursive: true, force: true });
});

describe('a build whose settings are complete', () => {
  it('shows no placeholder text and no example.org address on any page', () => {
    expect(pages.length).toBeGreaterThan(40);
    expect(pages.flatMap((page) => placeholderHits(page.path, page.html))).toEqual([]);
  });

  it('shows no preview notice', () => {
    expect(pages.filter((page) => page.html.includes('data-preview-notice')).map((p) => p.path)).toEqual([]);
  });

  it('shows the contact details as working links in the footer', () => {
    const home = pages.find((p) => p.path === '/')!.html;
    expect(home).toContain(`href="tel:${settings.contact.phone.replace(/\s/g, '')}"`);
    expect(home).toContain(`href="mailto:${settings.contact.email}"`);
    expect(home).toContain(settings.contact.address);
  });

  it('sends the exit button to the city\'s neutral site', () => {
    const form = pages.find((p) => p.path === '/melden/formulier')!.html;
    expect(form).toContain(`href="${settings.quickExitUrl}"`);
  });

  it('completes the accessibility statement and the privacy page from the settings', () => {
    const statement = pages.find((p) => p.path === '/toegankelijkheid')!.html;
    expect(statement).toContain(`href="${settings.complaintsService.url}"`);
    expect(statement).toContain(`datetime="${settings.accessibilityReviewed}"`);
    const privacy = pages.find((p) => p.path === '/privacy')!.html;
    expect(privacy).toContain(settings.privacy.legalBasis);
    expect(privacy).toContain(`href="mailto:${settings.privacy.dpoEmail}"`);
  });
});
