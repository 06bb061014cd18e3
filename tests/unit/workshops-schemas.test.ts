import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { workshopSchema } from '../../src/schemas/content/workshop.ts';
import { schoolSchema } from '../../src/schemas/content/workshop-school.ts';
import { periodeSchema } from '../../src/schemas/content/workshop-periode.ts';
import { catalogueProblems, type BookingCatalogue } from '../../src/forms/booking-catalogue.ts';
import { PLACEHOLDER_PATTERN } from '../../src/schemas/settings.ts';

const contentDir = path.resolve(import.meta.dirname, '../../src/content');

/** Front matter of a Markdown file, or a whole YAML file, as the content loader reads it. */
function entries(folder: string): { id: string; data: Record<string, any> }[] {
  return readdirSync(path.join(contentDir, folder)).map((file) => {
    const text = readFileSync(path.join(contentDir, folder, file), 'utf8');
    const yaml = file.endsWith('.md') ? /^---\n([\s\S]*?)\n---/.exec(text)![1]! : text;
    return { id: file.replace(/\.(md|yaml)$/, ''), data: parse(yaml) };
  });
}

/** The first error message, which the editor sees after the file name. */
function messageFor(schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }, value: unknown): string {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('the schema accepted invalid content');
  return result.error!.issues.map((i) => i.message).join(' | ');
}

const workshops = entries('workshops');
const schools = entries('scholen');
const periods = entries('boekingsperiodes');
const validWorkshop = workshops[0]!.data;
const validPeriod = { name: 'voorjaar 2027', start: '2027-02-01', end: '2027-06-25', sessions: 10 };

describe('the shipped workshop content', () => {
  it('has the three topics of the action plan, each valid', () => {
    expect(workshops.map((w) => w.data.topic).sort()).toEqual(['Complotdenken', 'Fake news', 'Identiteit en polarisering']);
    for (const { id, data } of workshops) {
      const result = workshopSchema.safeParse(data);
      expect(result.success, `${id}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
      expect(data.provider).toBe('StampMedia');
      expect(data.price).toBe('Gratis');
      expect(data.forWhom).toMatch(/tweede graad/);
    }
  });

  it('ships what the plan does not say as visible placeholders', () => {
    for (const { data } of workshops) {
      expect(data.duration).toMatch(PLACEHOLDER_PATTERN);
      expect(data.groupSize).toMatch(PLACEHOLDER_PATTERN);
      expect(data.schoolProvides.join(' ')).toMatch(PLACEHOLDER_PATTERN);
    }
    for (const { data } of periods) expect(data.name).toMatch(PLACEHOLDER_PATTERN);
  });

  it('lists the five schools of the action plan, spelled as the plan spells them', () => {
    for (const { id, data } of schools) expect(schoolSchema.safeParse(data).success, id).toBe(true);
    expect(schools.map((s) => s.data.name).sort()).toEqual(['CDO Newton', 'Forum Da Vinci', 'Sint-Jozef Klein Seminarie', 'VTS3/4', 'WeTech Academy']);
  });

  it('has valid periods, and every workshop belongs to one of them', () => {
    for (const { id, data } of periods) expect(periodeSchema.safeParse(data).success, id).toBe(true);
    const catalogue: BookingCatalogue = {
      workshops: workshops.map((w) => ({ id: w.id, title: w.data.title, topic: w.data.topic, provider: w.data.provider, period: w.data.period })),
      schools: schools.map((s) => ({ id: s.id, name: s.data.name })),
      periods: periods.map((p) => ({ id: p.id, ...periodeSchema.parse(p.data) })),
    };
    expect(catalogueProblems(catalogue)).toEqual([]);
  });
});

describe('workshop schema', () => {
  it('names the field when a fact is missing', () => {
    for (const field of ['duration', 'groupSize', 'provider', 'price', 'forWhom', 'topic']) {
      const { [field]: _removed, ...rest } = validWorkshop;
      expect(messageFor(workshopSchema, rest), field).toContain(`"${field}"`);
    }
  });

  it('needs at least one point in what pupils learn and what the school provides', () => {
    expect(messageFor(workshopSchema, { ...validWorkshop, learn: [] })).toContain('"learn"');
    expect(messageFor(workshopSchema, { ...validWorkshop, schoolProvides: [] })).toContain('"schoolProvides"');
  });

  it('takes the period as a file name', () => {
    expect(messageFor(workshopSchema, { ...validWorkshop, period: 'Voorjaar 2027.yaml' })).toContain('"period"');
  });

  it('keeps the description short enough for search results', () => {
    expect(messageFor(workshopSchema, { ...validWorkshop, description: 'x'.repeat(161) })).toContain('"description"');
  });

  it('rejects unknown fields, so typos do not pass silently', () => {
    expect(workshopSchema.safeParse({ ...validWorkshop, duur: '2 uur' }).success).toBe(false);
  });
});

describe('school schema', () => {
  it('needs a name', () => {
    expect(messageFor(schoolSchema, { name: '  ' })).toContain('"name"');
    expect(messageFor(schoolSchema, {})).toContain('"name"');
  });
});

describe('period schema', () => {
  it('accepts dates as YAML gives them (dates) and as text', () => {
    expect(periodeSchema.parse({ ...validPeriod, start: new Date('2027-02-01T00:00:00Z') }).start).toBe('2027-02-01');
    expect(periodeSchema.parse(validPeriod).end).toBe('2027-06-25');
  });

  it('names the field of a wrong date, a period that ends before it starts, and a wrong number of sessions', () => {
    expect(messageFor(periodeSchema, { ...validPeriod, start: 'volgende week' })).toContain('"start"');
    expect(messageFor(periodeSchema, { ...validPeriod, end: '2027-01-01' })).toContain('"end"');
    expect(messageFor(periodeSchema, { ...validPeriod, sessions: 0 })).toContain('"sessions"');
    expect(messageFor(periodeSchema, { ...validPeriod, sessions: 2.5 })).toContain('"sessions"');
    expect(messageFor(periodeSchema, { ...validPeriod, sessions: 'tien' })).toContain('"sessions"');
  });
});

describe('catalogue integrity', () => {
  const base: BookingCatalogue = {
    workshops: [{ id: 'fake-news', title: 'Workshop fake news', topic: 'Fake news', provider: 'StampMedia', period: 'p1' }],
    schools: [{ id: 'cdo-newton', name: 'CDO Newton' }],
    periods: [{ id: 'p1', name: 'voorjaar', start: '2027-02-01', end: '2027-06-25', sessions: 3 }],
  };

  it('finds a workshop whose period does not exist, naming both files', () => {
    const problems = catalogueProblems({ ...base, workshops: [{ ...base.workshops[0]!, period: 'p2' }] });
    expect(problems.join()).toContain('src/content/workshops/fake-news.md');
    expect(problems.join()).toContain('boekingsperiodes/p2.yaml');
  });

  it('refuses names that are pages or choices of their own', () => {
    expect(catalogueProblems({ ...base, workshops: [{ ...base.workshops[0]!, id: 'boeken' }] })).toHaveLength(1);
    expect(catalogueProblems({ ...base, schools: [{ id: 'andere', name: 'Andere' }] })).toHaveLength(1);
  });
});
