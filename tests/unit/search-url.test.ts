import { describe, expect, it } from 'vitest';
import { hasFilters, searchToUrl, stateFromSearch } from '../../src/scripts/search/url-state.ts';

describe('the search address', () => {
  it('reads the query and the filters', () => {
    const state = stateFromSearch('?q=haat+online&type=artikel&type=gesprekstip&thema=haatspraak&x=1');
    expect(state).toEqual({ q: 'haat online', filters: { type: ['artikel', 'gesprekstip'], thema: ['haatspraak'], doelgroep: [] } });
    expect(hasFilters(state)).toBe(true);
    expect(hasFilters(stateFromSearch('?q=complot'))).toBe(false);
  });

  it('writes the same address for the same search, whatever the order of the filters', () => {
    const a = searchToUrl({ q: ' complot ', filters: { type: ['gesprekstip', 'artikel'], thema: [], doelgroep: ['scholen'] } });
    const b = searchToUrl({ q: 'complot', filters: { type: ['artikel', 'gesprekstip'], thema: [], doelgroep: ['scholen'] } });
    expect(a).toBe('/zoeken?q=complot&type=artikel&type=gesprekstip&doelgroep=scholen');
    expect(a).toBe(b);
    expect(stateFromSearch(a.slice('/zoeken'.length))).toEqual(stateFromSearch('?q=complot&type=artikel&type=gesprekstip&doelgroep=scholen'));
    expect(searchToUrl({ q: '', filters: { type: [], thema: [], doelgroep: [] } })).toBe('/zoeken');
  });
});

