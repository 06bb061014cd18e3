import { describe, expect, it } from 'vitest';
import { pageUrl, splitEntries, vocabularyWords } from '../../src/integrations/pagefind.ts';

describe('pageUrl', () => {
  it('gives the clean addresses the server answers', () => {
    expect(pageUrl('index.html')).toBe('/');
    expect(pageUrl('privacy.html')).toBe('/privacy');
    expect(pageUrl('info/begrippen.html')).toBe('/info/begrippen');
    expect(pageUrl('info/index.html')).toBe('/info');
  });
});

describe('splitEntries', () => {
  const page =
    '<main><div data-pagefind-body><h2>Intro</h2>' +
    '<div id="stille-midden" class="x" data-search-entry><h3>stille midden</h3><div><p>De grote groep.<br>Tekst</p></div><img src="a.svg" alt=""></div>' +
    '<!-- <div> in a comment --><li id="caw" data-search-entry><h2>CAW</h2><svg><path d="M0"/></svg></li>' +
    '<p>Slot</p></div></main>';

  it('cuts each marked entry out of the page, nested tags and all', () => {
    const { page: rest, entries } = splitEntries(page);
    expect(entries.map((e) => e.id)).toEqual(['stille-midden', 'caw']);
    expect(entries[0]!.html).toBe('<div id="stille-midden" class="x" data-search-entry><h3>stille midden</h3><div><p>De grote groep.<br>Tekst</p></div><img src="a.svg" alt=""></div>');
    expect(entries[1]!.html).toBe('<li id="caw" data-search-entry><h2>CAW</h2><svg><path d="M0"/></svg></li>');
    expect(rest).toBe('<main><div data-pagefind-body><h2>Intro</h2><!-- <div> in a comment --><p>Slot</p></div></main>');
  });

  it('leaves pages without entries untouched', () => {
    expect(splitEntries('<p>Gewoon</p>')).toEqual({ page: '<p>Gewoon</p>', entries: [] });
  });

  it('refuses entries without an address or without an end', () => {
    expect(() => splitEntries('<div data-search-entry><p>x</p></div>')).toThrow(/no id/);
    expect(() => splitEntries('<div id="a" data-search-entry><p>x</p>')).toThrow(/never closed/);
  });
});

describe('vocabularyWords', () => {
  it('keeps words of four letters or more, in lower case', () => {
    expect(vocabularyWords('Wat is wij-zij denken? Polarisering, 2024.')).toEqual(['denken', 'polarisering']);
  });
});
