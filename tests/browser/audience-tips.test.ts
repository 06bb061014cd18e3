import { describe, expect, it } from 'vitest';
import { builtPages } from '../support/built-site.ts';
import { contentEntries } from '../support/content.ts';
import { roleAudiences } from '../../src/schemas/content/gesprekstip.ts';
import { audienceLabels } from '../../src/schemas/content/shared.ts';

/**
 * Both uses of the one roles → audiences table, in the built pages: each audience page lists
 * the tips of the roles that name it, and each tip page files the same audiences for search.
 * Reads the built HTML only (no browser); tips and audiences come from the content.
 */
const pages = builtPages();
const tips = contentEntries('gesprekstips');
const tipLinks = (html: string) => [...new Set([...html.matchAll(/href="\/gesprekstips\/([a-z0-9-]+)"/g)].map((m) => m[1]!))].sort();

describe('conversation tips by audience', () => {
  const audiencePages = pages.filter((p) => p.path.startsWith('/voor/'));

  it('lists on each audience page the tips whose role names that audience', () => {
    expect(audiencePages.length).toBeGreaterThan(0);
    for (const page of audiencePages) {
      const audience = page.path.slice('/voor/'.length) as keyof typeof audienceLabels;
      const expected = tips.filter((t) => (roleAudiences[t.data.role as keyof typeof roleAudiences] as readonly string[]).includes(audience)).map((t) => t.id).sort();
      expect(tipLinks(page.html), page.path).toEqual(expected);
    }
  });

  it('files each tip under the same audiences for search', () => {
    for (const tip of tips) {
      const html = pages.find((p) => p.path === `/gesprekstips/${tip.id}`)!.html;
      const filed = [...html.matchAll(/<span data-pagefind-filter="doelgroep">([^<]+)<\/span>/g)].map((m) => m[1]);
      expect(filed, tip.id).toEqual(roleAudiences[tip.data.role as keyof typeof roleAudiences].map((a) => audienceLabels[a]));
    }
  });
});
