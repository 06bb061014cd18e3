import { describe, expect, inject, it } from 'vitest';
import { glossaryWordSet, measureReadability, measureVocabulary, READABILITY_LIMITS } from '../../src/lib/readability.ts';
import { NEUTRAL_EXIT_PATH } from '../../src/lib/placeholders.ts';
import { settings } from '../../src/settings.ts';
import { readContentFolder } from '../../src/integrations/content-files.ts';
import { builtPages, proseBlocks, visibleText } from '../support/built-site.ts';
import { sitemapPaths } from '../support/site-pages.ts';
import { declaredContactFacts } from '../support/content.ts';
import { placeholderHits, serverRenderedPaths } from '../support/placeholder-scan.ts';
import { isPreview } from '../../src/lib/placeholders.ts';

const siteUrl = inject('siteUrl');
// The 404 page and the blank exit page are no pages of the site's own.
const pages = builtPages().filter((p) => p.path !== '/404' && p.path !== NEUTRAL_EXIT_PATH);

/**
 * What the pages may state: the city's own details from src/settings.ts, and the outside
 * contact facts the content declares (which ones a city allows is its content suite's job:
 * tests/content/outside-facts.test.ts).
 */
const declared = declaredContactFacts();
const allowedPhones = [settings.contact.phone, settings.emergency.general, settings.emergency.police, ...declared.phones];
const allowedEmails = [settings.contact.email, settings.privacy.dpoEmail, settings.workshopCoordinator.email, ...declared.emails];
const allowedUrls = [settings.quickExitUrl, settings.complaintsService.url, ...declared.urls];
const normalizeUrl = (url: string) => url.replace(/\/$/, '').toLowerCase();

describe('every built page', () => {
  it('is listed in the sitemap, and every sitemap entry was built or is a form route', async () => {
    const listed = new Set(await sitemapPaths(siteUrl));
    const built = new Set(pages.map((p) => p.path));
    const unlisted = [...built].filter((p) => !listed.has(p));
    expect(unlisted).toEqual([]);
  });

  it('is written in plain Dutch: short prose sentences (B1); reports words outside common Dutch', async () => {
    const glossary = (await readContentFolder('begrippen')).flatMap(({ data }) => {
      const { term, synonyms = [] } = data as { term: string; synonyms?: string[] };
      return [term, ...synonyms];
    });
    const glossaryWords = glossaryWordSet(glossary);
    const rows: string[] = [`${'page'.padEnd(60)} ${'sent.'.padStart(5)} ${'avg'.padStart(5)} ${'long'.padStart(6)} ${'uncommon'.padStart(9)}  most frequent uncommon words`];
    const failures: string[] = [];
    for (const page of pages) {
      const report = measureReadability(proseBlocks(page.html));
      const vocabulary = measureVocabulary(report.sentenceTexts, glossaryWords);
      rows.push(
        `${page.path.padEnd(60)} ${report.sentences.toString().padStart(5)} ${report.averageWords.toFixed(1).padStart(5)} ${(report.longShare * 100).toFixed(1).padStart(5)}% ` +
          `${(vocabulary.uncommonShare * 100).toFixed(1).padStart(8)}%  ${vocabulary.uncommon.slice(0, 5).join(', ')}`,
      );
      if (!report.passes) failures.push(`${page.path}: ${report.averageWords.toFixed(1)} words avg, ${(report.longShare * 100).toFixed(1)}% over ${READABILITY_LIMITS.longSentenceWords} words\n    ${report.longSentences.slice(0, 5).join('\n    ')}`);
    }
    console.log(`Readability per page (prose sentences only; uncommon = share of words outside common Dutch, glossary terms and names skipped)\n${rows.join('\n')}`);
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

describe('placeholders in the shipped settings', () => {
  it('never reach a visitor: no bracketed text and no example.org address on any page', async () => {
    const served = await Promise.all(serverRenderedPaths.map(async (path) => ({ path, html: await (await fetch(`${siteUrl}${path}`)).text() })));
    const hits = [...pages, ...served].flatMap((page) => placeholderHits(page.path, page.html));
    expect(hits).toEqual([]);
  });

  it('make every page show the one preview notice instead', () => {
    expect(isPreview(settings)).toBe(true);
    const without = pages.filter((page) => (page.html.match(/data-preview-notice/g) ?? []).length !== 1).map((p) => p.path);
    expect(without).toEqual([]);
  });
});

describe('page structure', () => {
  it('never uses the same id twice on a page', () => {
    const duplicates = pages.flatMap((page) => {
      const ids = [...page.html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
      return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))].map((id) => `${page.path}: id="${id}"`);
    });
    expect(duplicates).toEqual([]);
  });

  it('links every audience page (/voor/…) from some page: the A-to-Z lists do not count', () => {
    const lists = new Set(['/sitemap', '/zoeken']);
    const audiencePages = pages.filter((p) => p.path.startsWith('/voor/')).map((p) => p.path);
    expect(audiencePages.length).toBeGreaterThan(0);
    const unlinked = audiencePages.filter((path) => !pages.some((page) => page.path !== path && !lists.has(page.path) && page.html.includes(`href="${path}"`)));
    expect(unlinked).toEqual([]);
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

describe('the public address in the built pages', () => {
  it('is never localhost, unless the site really is built for localhost; the home canonical is /', async () => {
    const builtFor = process.env.SITE_URL ?? '';
    const localBuild = /localhost|127\.0\.0\.1/.test(builtFor);
    if (!localBuild) {
      for (const page of pages) expect([page.path, /localhost:\d+|127\.0\.0\.1/.test(page.html)]).toEqual([page.path, false]);
      const robots = await (await fetch(`${siteUrl}/robots.txt`)).text();
      const sitemap = await (await fetch(`${siteUrl}/sitemap.xml`)).text();
      expect(`${robots}${sitemap}`).not.toMatch(/localhost/);
    }
    const home = pages.find((p) => p.path === '/')!;
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(home.html)?.[1];
    if (builtFor) expect(canonical).toBe(new URL('/', builtFor).href);
    else expect(canonical).toBeUndefined();
    const tipSheet = pages.find((p) => p.path.startsWith('/gesprekstips/') && p.html.includes('Deel je bezorgdheid via'))!;
    expect(visibleText(tipSheet.html)).toContain(builtFor ? `Deel je bezorgdheid via ${new URL(builtFor).host}/melden` : 'Deel je bezorgdheid via de pagina Bezorgdheid delen op deze website');
  });
});
