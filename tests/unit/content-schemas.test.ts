import { describe, expect, it } from 'vitest';
import { artikelSchema as artikel } from '../../src/schemas/content/artikel.ts';
import { gesprekstipSchema as gesprekstip } from '../../src/schemas/content/gesprekstip.ts';
import { begripSchema as begrip } from '../../src/schemas/content/begrip.ts';
import { organisatieSchema } from '../../src/schemas/content/organisatie.ts';
import { faqSchema as faq } from '../../src/schemas/content/faq.ts';
import { formatContentIssues } from '../../src/lib/content-errors.ts';
import { isStale, signpostStatus, staleSignpostWarning } from '../../src/lib/content-integrity.ts';
import { outsideAstro } from '../../src/schemas/content/shared.ts';
import { forEditors } from '../../src/schemas/dutch-errors.ts';
import type { z } from 'astro/zod';

const [artikelSchema, gesprekstipSchema, begripSchema, faqSchema] = [artikel, gesprekstip, begrip, faq].map((schema) => schema(outsideAstro));
const file = 'src/content/artikels/voorbeeld.mdx';
const article = {
  title: 'Wat is polarisering?',
  description: 'Polarisering zet groepen tegenover elkaar. Lees hoe het werkt en wat jij kunt doen.',
  audiences: ['inwoners'],
  theme: 'polarisering',
  keywords: ['wij-zij'],
  sources: [{ document: 'actieplan-2022', section: 'Definities' }],
  lastReviewed: '2026-11-22',
  related: [],
};

function problems(schema: z.ZodType, value: unknown, where = file): string[] {
  const result = schema.safeParse(value, forEditors);
  if (result.success) return [];
  return formatContentIssues(where, result.error as never);
}

describe('article schema', () => {
  it('accepts a complete article', () => {
    expect(problems(artikelSchema, article)).toEqual([]);
  });

  it('rejects an article without a source, naming the file and the field', () => {
    expect(problems(artikelSchema, { ...article, sources: [] })).toEqual([`${file} → sources heeft minstens één punt nodig.`]);
  });

  it('rejects a description over 160 characters', () => {
    expect(problems(artikelSchema, { ...article, description: 'x'.repeat(161) })).toEqual([`${file} → description mag hoogstens 160 tekens lang zijn.`]);
  });

  it('rejects an unknown audience and lists the allowed ones', () => {
    const [line] = problems(artikelSchema, { ...article, audiences: ['toeristen'] });
    expect(line).toContain(`${file} → audiences.0 moet een van deze zijn:`);
    expect(line).toContain('eerstelijnswerkers');
  });

  it('rejects an unknown source document and a source without section', () => {
    expect(problems(artikelSchema, { ...article, sources: [{ document: 'krantenartikel', section: 'x' }] })[0]).toContain('sources.0');
    expect(problems(artikelSchema, { ...article, sources: [{ document: 'actieplan-2022' }] })[0]).toBe(
      `${file} → sources.0 heeft ofwel "document" en "section", ofwel "url" en "title".`,
    );
  });

  it('rejects unknown front-matter fields, so typos do not pass silently', () => {
    expect(problems(artikelSchema, { ...article, titel: 'x' })).toEqual([`${file} → Onbekend veld: titel.`]);
  });
});

describe('other collections', () => {
  it('conversation tips need steps, example sentences and when to involve the expert', () => {
    const tip = { title: 'T', description: 'Tips voor leerkrachten als een discussie in de klas ontspoort.', role: 'leerkracht', situation: 'S', steps: ['a', 'b', 'c'], sayThis: ['a', 'b', 'c'], avoidThis: ['a', 'b'], involveExpertWhen: ['a', 'b'], sources: article.sources, lastReviewed: '2026-01-01' };
    expect(problems(gesprekstipSchema, tip)).toEqual([]);
    expect(problems(gesprekstipSchema, { ...tip, steps: ['a'] })).toEqual([`${file} → steps heeft minstens 3 punten nodig.`]);
    expect(problems(gesprekstipSchema, { ...tip, role: 'agent' })[0]).toContain('role');
  });

  it('glossary terms need a definition and a source', () => {
    expect(problems(begripSchema, { term: 'x', sources: article.sources })[0]).toContain('definition');
    expect(problems(begripSchema, { term: 'x', definition: 'y', sources: [] })[0]).toContain('sources');
  });

  it('organisations need a source and valid contact facts', () => {
    const org = { name: 'O', whatItDoes: 'W', forWhom: 'F', source: 'Actieplan 2022', sourceDate: '2022-02-17' };
    expect(problems(organisatieSchema, org)).toEqual([]);
    expect(problems(organisatieSchema, { ...org, sourceDate: 'gisteren' })[0]).toContain('sourceDate');
    expect(problems(organisatieSchema, { ...org, source: undefined })[0]).toContain('source');
    expect(problems(organisatieSchema, { ...org, contact: { email: 'geen-adres' } })[0]).toContain('contact.email');
  });

  it('a "last checked" date later than the source needs a recorded check', () => {
    const org = { name: 'O', whatItDoes: 'W', forWhom: 'F', source: 'Actieplan 2022', sourceDate: '2022-02-17' };
    expect(problems(organisatieSchema, { ...org, lastChecked: '2026-11-22' })[0]).toContain('checkedHow');
    expect(problems(organisatieSchema, { ...org, checkedHow: 'website' })[0]).toContain('lastChecked');
    expect(problems(organisatieSchema, { ...org, lastChecked: '2026-11-22', checkedHow: 'website van de organisatie' })).toEqual([]);
  });

  it('FAQ entries are a question or a myth', () => {
    expect(problems(faqSchema, { question: 'Q?', kind: 'mythe', sources: article.sources })[0]).toContain('kind');
  });
});

describe('references and the wegwijzer', () => {
  it('turns a file name into the reference Astro resolves, and refuses a name with an extension', () => {
    expect(artikelSchema.parse({ ...article, related: ['wat-is-extremisme'] }).related).toEqual([{ collection: 'artikels', id: 'wat-is-extremisme' }]);
    expect(problems(artikelSchema, { ...article, relatedTips: ['Tip.mdx'] })[0]).toContain(`${file} → relatedTips.0`);
  });

  it('flags signposting facts checked more than 12 months ago', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    expect(isStale(new Date('2016-02-15'), now)).toBe(true);
    expect(isStale(new Date('2025-11-21'), now)).toBe(true);
    expect(isStale(new Date('2025-11-23'), now)).toBe(false);
  });

  it('an entry is as old as its source unless someone checked the organisation itself', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    const source = new Date('2022-02-17');
    expect(signpostStatus({ sourceDate: source }, now)).toEqual({ date: source, checked: false, stale: true });
    const check = new Date('2026-10-01');
    expect(signpostStatus({ sourceDate: source, lastChecked: check }, now)).toEqual({ date: check, checked: true, stale: false });
    expect(signpostStatus({}, now).stale).toBe(true);
    expect(signpostStatus({ permanent: true }, now).stale).toBe(false);
  });

  it('warns about a stale wegwijzer entry with its file, and stays quiet while it is current', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    const stale = staleSignpostWarning('src/content/organisaties/x.md', { name: 'X', sourceDate: new Date('2022-02-17') }, now);
    expect(stale).toContain('src/content/organisaties/x.md');
    expect(stale).toContain('bron van 2022-02-17');
    expect(staleSignpostWarning('src/content/organisaties/x.md', { name: 'X', lastChecked: new Date('2026-10-01') }, now)).toBeUndefined();
  });
});
