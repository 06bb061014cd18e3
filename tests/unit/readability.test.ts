import { describe, expect, it } from 'vitest';
import { countWords, measureReadability, splitSentences } from '../../src/lib/readability.ts';
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
});
