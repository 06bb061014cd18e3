import { describe, expect, it } from 'vitest';
import { workshopSchema as workshop } from '../../src/schemas/content/workshop.ts';
import { outsideAstro } from '../../src/schemas/content/shared.ts';
import { forEditors } from '../../src/schemas/dutch-errors.ts';
import type { z } from 'astro/zod';
import { schoolSchema } from '../../src/schemas/content/workshop-school.ts';
import { periodeSchema } from '../../src/schemas/content/workshop-periode.ts';
import { catalogueProblems, type BookingCatalogue } from '../../src/forms/booking-catalogue.ts';
import { contentEntries } from '../support/content.ts';

const workshopSchema = workshop(outsideAstro);

/** The first error message, which the editor sees after the file name. */
function messageFor(schema: z.ZodType, value: unknown): string {
  const result = schema.safeParse(value, forEditors);
  if (result.success) throw new Error('the schema accepted invalid content');
  return result.error!.issues.map((i) => i.message).join(' | ');
}

/** A complete workshop, as an editor would write it: the base that each check breaks once. */
const validWorkshop: Record<string, unknown> = {
  title: 'Workshop mediawijsheid',
  topic: 'Mediawijsheid',
  description: 'Een workshop over mediawijsheid voor leerlingen van het secundair onderwijs.',
  learn: ['Ze leren bronnen vergelijken.'],
  forWhom: 'Leerlingen van het secundair onderwijs',
  duration: 'Twee lesuren',
  groupSize: 'Eén klas, tot 25 leerlingen',
  schoolProvides: ['Een lokaal met een projector'],
  provider: 'Jeugdhuis De Brug',
  price: 'Gratis',
  period: 'schooljaar',
  sources: [{ document: 'actieplan-2022', section: 'Preventie' }],
  order: 10,
};
const validPeriod = { name: 'voorjaar 2031', start: '2031-02-03', end: '2031-06-27', sessions: 10 };

describe('the workshop content this site ships', () => {
  const workshops = contentEntries('workshops');
  const schools = contentEntries('scholen');
  const periods = contentEntries('boekingsperiodes');

  it('is valid: every workshop, school and period passes its schema', () => {
    expect(workshops.length).toBeGreaterThan(0);
    for (const { id, data } of workshops) {
      const result = workshopSchema.safeParse(data);
      expect(result.success, `${id}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
    }
    for (const { id, data } of schools) expect(schoolSchema.safeParse(data).success, id).toBe(true);
    for (const { id, data } of periods) expect(periodeSchema.safeParse(data).success, id).toBe(true);
  });

  it('holds together: every workshop belongs to a period that exists, and no name is reserved', () => {
    const catalogue: BookingCatalogue = {
      workshops: workshops.map((w) => ({ id: w.id, title: w.data.title, topic: w.data.topic, provider: w.data.provider, period: workshopSchema.parse(w.data).period.id })),
      schools: schools.map((s) => ({ id: s.id, name: s.data.name })),
      periods: periods.map((p) => ({ id: p.id, ...periodeSchema.parse(p.data) })),
    };
    expect(catalogueProblems(catalogue)).toEqual([]);
    expect(catalogue.workshops.filter((w) => !catalogue.periods.some((p) => p.id === w.period))).toEqual([]);
  });
});

describe('a workshop fixture', () => {
  it('is valid, so each check below fails for its own reason', () => {
    expect(workshopSchema.safeParse(validWorkshop).success).toBe(true);
    expect(periodeSchema.safeParse(validPeriod).success).toBe(true);
  });
});

describe('workshop schema', () => {
  it('names the field when a fact is missing', () => {
    for (const field of ['duration', 'groupSize', 'provider', 'price', 'forWhom', 'topic']) {
      const { [field]: _removed, ...rest } = validWorkshop;
      expect(messageFor(workshopSchema, rest), field).toContain(`${field} `);
    }
  });

  it('needs at least one point in what pupils learn and what the school provides', () => {
    expect(messageFor(workshopSchema, { ...validWorkshop, learn: [] })).toContain('learn ');
    expect(messageFor(workshopSchema, { ...validWorkshop, schoolProvides: [] })).toContain('schoolProvides ');
  });

  it('takes the period as a file name', () => {
    expect(messageFor(workshopSchema, { ...validWorkshop, period: 'Voorjaar 2031.yaml' })).toContain('bestandsnaam');
  });

  it('keeps the description short enough for search results', () => {
    expect(messageFor(workshopSchema, { ...validWorkshop, description: 'x'.repeat(161) })).toContain('description ');
  });

  it('rejects unknown fields, so typos do not pass silently', () => {
    expect(workshopSchema.safeParse({ ...validWorkshop, duur: '2 uur' }).success).toBe(false);
  });
});

describe('school schema', () => {
  it('needs a name', () => {
    expect(messageFor(schoolSchema, { name: '  ' })).toContain('name ');
    expect(messageFor(schoolSchema, {})).toContain('name ');
  });
});

describe('period schema', () => {
  it('accepts dates as YAML gives them (dates) and as text', () => {
    expect(periodeSchema.parse({ ...validPeriod, start: new Date('2031-02-03T00:00:00Z') }).start).toBe('2031-02-03');
    expect(periodeSchema.parse(validPeriod).end).toBe('2031-06-27');
  });

  it('names the field of a wrong date, a period that ends before it starts, and a wrong number of sessions', () => {
    expect(messageFor(periodeSchema, { ...validPeriod, start: 'volgende week' })).toContain('start ');
    expect(messageFor(periodeSchema, { ...validPeriod, end: '2031-01-01' })).toContain('end ');
    expect(messageFor(periodeSchema, { ...validPeriod, sessions: 0 })).toContain('sessions ');
    expect(messageFor(periodeSchema, { ...validPeriod, sessions: 2.5 })).toContain('sessions ');
    expect(messageFor(periodeSchema, { ...validPeriod, sessions: 'tien' })).toContain('sessions ');
  });
});

describe('catalogue integrity', () => {
  const base: BookingCatalogue = {
    workshops: [{ id: 'fake-news', title: 'Workshop fake news', topic: 'Fake news', provider: 'StampMedia', period: 'p1' }],
    schools: [{ id: 'cdo-newton', name: 'CDO Newton' }],
    periods: [{ id: 'p1', name: 'voorjaar', start: '2027-02-01', end: '2027-06-25', sessions: 3 }],
  };

  it('refuses names that are pages or choices of their own', () => {
    expect(catalogueProblems({ ...base, workshops: [{ ...base.workshops[0]!, id: 'boeken' }] })).toHaveLength(1);
    expect(catalogueProblems({ ...base, schools: [{ id: 'andere', name: 'Andere' }] })).toHaveLength(1);
  });
});
