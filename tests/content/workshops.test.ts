import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_PATTERN } from '../../src/schemas/settings.ts';
import { contentEntries } from '../support/content.ts';

/** Sint-Niklaas's workshop offer, as its action plan 2022 ("Preventie 4") describes it. */
const workshops = contentEntries('workshops');
const schools = contentEntries('scholen');
const periods = contentEntries('boekingsperiodes');

describe('the workshops of Sint-Niklaas', () => {
  it('are the three topics of the action plan, free, by StampMedia, for the second grade', () => {
    expect(workshops.map((w) => w.data.topic).sort()).toEqual(['Complotdenken', 'Fake news', 'Identiteit en polarisering']);
    for (const { data } of workshops) {
      expect(data.provider).toBe('StampMedia');
      expect(data.price).toBe('Gratis');
      expect(data.forWhom).toMatch(/tweede graad/);
    }
  });

  it('ship what the plan does not say as visible placeholders', () => {
    for (const { data } of workshops) {
      expect(data.duration).toMatch(PLACEHOLDER_PATTERN);
      expect(data.groupSize).toMatch(PLACEHOLDER_PATTERN);
      expect(data.schoolProvides.join(' ')).toMatch(PLACEHOLDER_PATTERN);
    }
    for (const { data } of periods) expect(data.name).toMatch(PLACEHOLDER_PATTERN);
  });

  it('are for the five schools of the action plan, spelled as the plan spells them', () => {
    expect(schools.map((s) => s.data.name).sort()).toEqual(['CDO Newton', 'Forum Da Vinci', 'Sint-Jozef Klein Seminarie', 'VTS3/4', 'WeTech Academy']);
  });
});
