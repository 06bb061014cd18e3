import { describe, expect, inject, it } from 'vitest';
import { measureReadability, READABILITY_LIMITS } from '../../src/lib/readability.ts';
import { settings } from '../../src/settings.ts';
import { builtPages, mainTextBlocks, visibleText } from '../support/built-site.ts';
import { sitemapPaths } from '../support/site-pages.ts';
import { declaredContactFacts } from '../support/content.ts';

const siteUrl = inject('siteUrl');
const pages = builtPages().filter((p) => p.path !== '/404');

/**
 * What the pages may state: the city's own details from src/settings.ts, and the outside
 * contact facts the content declares (which ones a city allows is its content suite's job:
 * tests/content/outside-facts.test.ts).
 */
const declared = declaredContactFacts();
const allowedPhones = [settings.contact.phone, settings.emergency.general, settings.emergency.police, ...declared.phones];
const allowedEmails = [settings.contact.email, settings.privacy.dpoEmail, settings.workshopCoordinator.email, ...declared.emails];
const allowedUrls = [settings.quickExitUrl, ...declared.urls];
const normalizeUrl = (url: string) => url.replace(/\/$/, '').toLowerCase();

describe('every built page', () => {
  it('is listed in the sitemap, and every sitemap entry was built or is a form route', async () => {
    const listed = new Set(await sitemapPaths(siteUrl));
    const built = new Set(pages.map((p) => p.path));
    const unlisted = [...built].filter((p) => !listed.has(p));
    expect(unlisted).toEqual([]);
  });

  it('is written in plain Dutch: short sentences (B1)', () => {
    const rows: string[] = [];
    const failures: string[] = [];
    for (const page of pages) {
      const report = measureReadability(mainTextBlocks(page.html));
      rows.push(`${page.path.padEnd(60)} ${report.sentences.toString().padStart(4)} sentences  ${report.averageWords.toFixed(1).padStart(5)} words avg  ${(report.longShare * 100).toFixed(1).padStart(4)}% long`);
      if (!report.passes) failures.push(`${page.path}: ${report.averageWords.toFixed(1)} words avg, ${(report.longShare * 100).toFixed(1)}% over ${READABILITY_LIMITS.longSentenceWords} words\n    ${report.longSentences.slice(0, 5).join('\n    ')}`);
    }
    console.log(`Readability per page\n${rows.join('\n')}`);
    expect(failures).toEqual([]);
  });

  it('has spaces where text meets a link (no words glued together)', () => {
    const glued = pages.flatMap((page) => [...page.html.matchAll(/[\p{L}\d]<a\s/gu)].map((m) => `${page.path}: …${page.html.slice(Math.max(0, m.index - 30), m.index + 20)}…`));
    expect(glued).toEqual([]);
  });

  it('states no phone number, e-mail address or web address that is not in the settings or declared by the content', () => {
    const problems: string[] = [];
    const ownOrigin = new URL(process.env.SITE_URL ?? 'http://localhost:4321').origin;
    for (const page of pages) {
      const text = visibleText(page.html);
      for (const [number] of text.matchAll(/(?<![\d.,])(?:\+32 ?|0)\d{1,3}(?:[ ./]?\d{2,3}){2,3}(?![\d,])/g)) {
        if (!allowedPhones.includes(number.trim())) problems.push(`${page.path}: phone ${number}`);
      }
      for (const [email] of page.html.matchAll(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,}/g)) {
        if (!allowedEmails.includes(email)) problems.push(`${page.path}: e-mail ${email}`);
      }
      for (const [, url] of page.html.matchAll(/href="(https?:\/\/[^"]+)"/g)) {
        if (url!.startsWith(ownOrigin)) continue;
        if (!allowedUrls.map(normalizeUrl).includes(normalizeUrl(url!))) problems.push(`${page.path}: link ${url}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('internal links', () => {
  it('all resolve, and every #fragment names an element on its page', async () => {
    const targets = new Map<string, Set<string>>();
    for (const page of pages) {
      for (const [, href] of page.html.matchAll(/href="(\/[^"]*|#[^"]*)"/g)) {
        const absolute = href!.startsWith('#') ? `${page.path}${href}` : href!;
        const [withoutHash, fragment] = absolute.split('#');
        const key = withoutHash!.replace(/&amp;/g, '&');
        if (!targets.has(key)) targets.set(key, new Set());
        if (fragment) targets.get(key)!.add(fragment);
      }
    }
    const broken: string[] = [];
    for (const [target, fragments] of targets) {
      if (target.startsWith('/_astro/')) continue;
      const response = await fetch(`${siteUrl}${target}`);
      const body = await response.text();
      if (response.status !== 200) broken.push(`${target} → ${response.status}`);
      for (const fragment of fragments) if (fragment && !body.includes(`id="${fragment}"`)) broken.push(`${target}#${fragment} → no such id`);
    }
    expect(broken).toEqual([]);
    expect(targets.size).toBeGreaterThan(pages.length);
  });
});
