/** The /zoeken page keeps its query and filters in the address, so a search can be shared and the back button works. */

export const filterNames = ['type', 'thema', 'doelgroep'] as const;
export type FilterName = (typeof filterNames)[number];

export interface SearchState {
  q: string;
  filters: Record<FilterName, string[]>;
}

export function stateFromSearch(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters = {} as Record<FilterName, string[]>;
  for (const name of filterNames) filters[name] = [...new Set(params.getAll(name).filter(Boolean))];
  return { q: params.get('q') ?? '', filters };
}

/** `/zoeken?q=…&type=…`, with the filters in a fixed order so equal searches get equal addresses. */
export function searchToUrl(state: SearchState, path = '/zoeken'): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const name of filterNames) for (const value of [...state.filters[name]].sort()) params.append(name, value);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export function hasFilters(state: SearchState): boolean {
  return filterNames.some((name) => state.filters[name].length > 0);
}
