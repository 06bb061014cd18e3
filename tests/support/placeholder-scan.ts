import { PLACEHOLDER_PATTERN } from '../../src/schemas/settings.ts';

/**
 * Where a page shows a placeholder: "[in te vullen …]" or an example.org address anywhere in
 * its HTML (visible text, links, structured data). One line per hit, with some context.
 */
export function placeholderHits(path: string, html: string): string[] {
  const global = new RegExp(PLACEHOLDER_PATTERN.source, 'gi');
  return [...html.matchAll(global)].map((m) => `${path}: …${html.slice(Math.max(0, m.index - 60), m.index + 40).replace(/\s+/g, ' ')}…`);
}

/** References of the right shape for the server-rendered confirmation pages. */
export const sampleReference = 'ABCD2345';
export const serverRenderedPaths = ['/melden/formulier', '/workshops/boeken', `/melden/bevestiging/${sampleReference}`, `/workshops/boeking/${sampleReference}`];
