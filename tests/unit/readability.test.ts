import { describe, expect, it } from 'vitest';
import { COMMON_DUTCH, countWords, glossaryWordSet, isSentenceBlock, measureReadability, measureVocabulary, splitSentences } from '../../src/lib/readability.ts';
import { markdownToBlocks } from '../../src/lib/markdown-text.ts';

describe('readability', () => {
  it('splits Dutch sentences without breaking on abbreviations', () => {
    expect(splitSentences('Bel bv. de Opvoedingslijn. Of mail o.a. het CLB! Twijfel je? Vraag raad.')).toEqual([
      'Bel bv. de Opvoedingslijn.',
      'Of mail o.a. het CLB!',
      'Twijfel je?',
      'Vraag raad.',
    ]);
  });

  it('counts words, not numbers of spaces or punctuation', () => {
    expect(countWords('Je  mag – altijd – bellen.')).toBe(4);
  });

  it('passes short plain sentences and fails long ones', () => {
    expect(measureReadability(['Je mag altijd bellen. We luisteren naar je.']).passes).toBe(true);
    const long = 'Dit is een zin die veel te lang is omdat ze blijft doorgaan met woorden die allemaal na elkaar komen zonder dat er ooit een punt verschijnt om de lezer rust te geven.';
    const report = measureReadability([long, 'Kort.']);
    expect(report.passes).toBe(false);
    expect(report.longSentences).toEqual([long]);
  });

  it('reads Markdown as blocks: headings, list items and paragraphs apart', () => {
    expect(markdownToBlocks('## Titel\n\nEen [link](/x) en **vet**.\n\n- een\n- twee')).toEqual(['Titel', 'Een link en vet.', 'een', 'twee']);
  });

  it('counts prose only: blocks that end like a sentence, not headings, labels or link texts', () => {
    expect(isSentenceBlock('Je mag altijd bellen.')).toBe(true);
    expect(isSentenceBlock('Twijfel je?')).toBe(true);
    expect(isSentenceBlock('Zeg het ("Ik maak me zorgen.")')).toBe(true);
    expect(isSentenceBlock('Naar de startpagina')).toBe(false);
    expect(isSentenceBlock('Voor wie')).toBe(false);
    const report = measureReadability(['Gesprekstips voor leerkrachten', 'Lees meer', 'Je mag altijd bellen. We luisteren.']);
    expect(report.sentences).toBe(2);
    expect(report.sentenceTexts).toEqual(['Je mag altijd bellen.', 'We luisteren.']);
  });
});

describe('common-Dutch vocabulary', () => {
  it('ships a real frequency list of Dutch words', () => {
    expect(COMMON_DUTCH.size).toBeGreaterThan(10_000);
    for (const word of ['je', 'kind', 'school', 'praten', 'zorgen']) expect(COMMON_DUTCH.has(word)).toBe(true);
  });

  it('reports the share of words outside the list, most frequent first', () => {
    const common = new Set(['je', 'kunt', 'ons', 'altijd', 'bellen', 'een']);
    const report = measureVocabulary(['Je kunt ons altijd bellen.', 'Een sensibiliseringscampagne, een sensibiliseringscampagne.'], new Set(), common);
    expect(report.words).toBe(9);
    expect(report.uncommon).toEqual(['sensibiliseringscampagne']);
    expect(report.uncommonShare).toBeCloseTo(2 / 9);
  });

  it('skips glossary terms and names, and accepts hyphenated words made of common parts', () => {
    const common = new Set(['de', 'wil', 'helpen', 'zwart', 'wit', 'is']);
    const glossary = glossaryWordSet(['stille midden', 'polarisering']);
    const report = measureVocabulary(['De stille midden wil helpen.', 'Polarisering is zwart-wit in Sint-Niklaas.'], glossary, common);
    expect(report.uncommon).toEqual(['in']);
    expect(report.words).toBe(6);
  });
});
