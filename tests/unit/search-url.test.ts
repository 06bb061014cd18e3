import { describe, expect, it } from 'vitest';
import { hasFilters, searchToUrl, stateFromSearch } from '../../src/scripts/search/url-state.ts';
import { searchTypeOfPath } from '../../src/components/search/search-types.ts';

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

describe('searchTypeOfPath', () => {
  it('matches the type the templates give each kind of page', () => {
    expect(searchTypeOfPath('/info/wat-is-polarisering')).toBe('artikel');
    expect(searchTypeOfPath('/info/begrippen')).toBe('begrip');
    expect(searchTypeOfPath('/info/vragen')).toBe('pagina');
    expect(searchTypeOfPath('/info/thema/extremisme')).toBe('pagina');
    expect(searchTypeOfPath('/gesprekstips/jeugdwerker-op-straat')).toBe('gesprekstip');
    expect(searchTypeOfPath('/gesprekstips')).toBe('pagina');
    expect(searchTypeOfPath('/over-ons/aanspreekpunt')).toBe('pagina');
    expect(searchTypeOfPath('/wegwijzer')).toBe('organisatie');
    expect(searchTypeOfPath('/workshops/fake-news')).toBe('workshop');
    expect(searchTypeOfPath('/')).toBe('pagina');
  });
});
