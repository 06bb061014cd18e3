import { describe, expect, it } from 'vitest';
import {
  correctWord,
  editDistance,
  mergeGroups,
  planQuery,
  splitCompound,
  synonymWeight,
  titleCoverage,
  tokenize,
  wordStem,
  isWeakQuery,
} from '../../src/scripts/search/query.ts';

describe('planQuery', () => {
  it('keeps the words that carry meaning and adds everyday synonyms', () => {
    const groups = planQuery('Mijn zoon, complot?');
    expect(groups.map((g) => g.word)).toEqual(['zoon', 'complot']);
    expect(groups[0]!.alternatives).toEqual([
      { text: 'zoon', weight: 1 },
      { text: 'kind', weight: synonymWeight },
    ]);
    expect(groups[1]!.alternatives).toEqual([{ text: 'complot', weight: 1 }]);
  });

  it('keeps "wij zij", and keeps stop words when nothing else is left', () => {
    expect(planQuery('wij zij').map((g) => g.word)).toEqual(['wij', 'zij']);
    expect(planQuery('wat is het').map((g) => g.word)).toEqual(['wat', 'is', 'het']);
    expect(planQuery('   ')).toEqual([]);
  });

  it('keeps numbers and accented letters', () => {
    expect(tokenize('Bel 112 – geïnformeerd!')).toEqual(['bel', '112', 'geïnformeerd']);
  });
});

describe('mergeGroups', () => {
  it('ranks pages that match every word above pages that match one word well', () => {
    const zoon = [[{ id: 'tip', score: 0.4 }, { id: 'ouders', score: 1 }]];
    const complot = [[{ id: 'begrip', score: 1 }, { id: 'tip', score: 0.8 }]];
    const merged = mergeGroups([zoon, complot], [[1], [1]]);
    expect(merged.map((m) => m.id)).toEqual(['tip', 'ouders', 'begrip']);
    expect(merged[0]).toMatchObject({ matched: 2 });
  });

  it('counts a synonym less than the word itself, and a page once per word', () => {
    const merged = mergeGroups(
      [[[{ id: 'a', score: 1 }], [{ id: 'b', score: 1 }, { id: 'a', score: 1 }]]],
      [[1, 0.5]],
    );
    expect(merged).toEqual([
      { id: 'a', score: 1, matched: 1 },
      { id: 'b', score: 0.5, matched: 1 },
    ]);
  });
});

describe('spelling help', () => {
  const vocabulary = ['polarisering', 'radicalisering', 'nepnieuws', 'klas', 'discussie', 'opvoedingslijn', 'complot'];

  it('measures edits, with a swap of neighbours as one', () => {
    expect(editDistance('polarizering', 'polarisering')).toBe(1);
    expect(editDistance('raidcalisering', 'radicalisering')).toBe(1);
    expect(editDistance('kat', 'kast')).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });

  it('finds the word the visitor meant', () => {
    expect(correctWord('polarizering', vocabulary)).toBe('polarisering');
    expect(correctWord('radikalisering', vocabulary)).toBe('radicalisering');
    expect(correctWord('nepnieuwss', vocabulary)).toBe('nepnieuws');
    expect(correctWord('radikali', vocabulary)).toBe('radicalisering');
  });

  it('leaves short and unknown words alone', () => {
    expect(correctWord('klaz', vocabulary)).toBeUndefined();
    expect(correctWord('qwzxvbn', vocabulary)).toBeUndefined();
    expect(correctWord('complot', vocabulary)).toBeUndefined();
  });

  it('splits compounds the site writes apart, with a linking s or e', () => {
    const known = new Set(vocabulary);
    expect(splitCompound('klasdiscussie', known)).toEqual(['klas', 'discussie']);
    expect(splitCompound('klassdiscussie', known)).toEqual(['klas', 'discussie']);
    expect(splitCompound('klasruzie', known)).toBeUndefined();
  });

  it('shortens only long words to find their other forms', () => {
    expect(wordStem('complotdenker')).toBe('complotdenk');
    expect(wordStem('complot')).toBeUndefined();
  });
});

describe('titleCoverage', () => {
  it('prefers titles that are about the searched words', () => {
    const words = ['polarisering'];
    expect(titleCoverage('Wat is polarisering?', words)).toBe(1);
    expect(titleCoverage('De werkgroep polarisering en vorming voor stadsmedewerkers', words)).toBe(0.25);
    expect(titleCoverage('Iemand in je omgeving lijkt te radicaliseren', ['radicaliseert'])).toBeCloseTo(1 / 3);
    expect(titleCoverage('Wat is extremisme?', ['complot'])).toBe(0);
  });
});

describe('isWeakQuery', () => {
  it('waits for half-typed queries and searches real words at once', () => {
    expect(isWeakQuery('m')).toBe(true);
    expect(isWeakQuery('mijn z')).toBe(true);
    expect(isWeakQuery('mijn zoo')).toBe(false);
    expect(isWeakQuery('112')).toBe(false);
    expect(isWeakQuery('wij zij')).toBe(false);
  });
});
