/**
 * The kinds of page search can filter on. The values are the `type` filter in the index;
 * the labels are what visitors see. Shared by the templates, the /zoeken page and the client.
 */
export const searchTypes = ['artikel', 'gesprekstip', 'begrip', 'organisatie', 'workshop', 'pagina'] as const;
export type SearchType = (typeof searchTypes)[number];

export const searchTypeLabels: Record<SearchType, string> = {
  artikel: 'Artikel',
  gesprekstip: 'Gesprekstips',
  begrip: 'Begrip',
  organisatie: 'Organisatie',
  workshop: 'Workshop',
  pagina: 'Pagina',
};

/** Headings for the A–Z list on /zoeken, in the order they appear there. */
export const searchTypeGroups: Record<SearchType, string> = {
  artikel: 'Artikels',
  gesprekstip: 'Gesprekstips',
  begrip: 'Begrippen',
  organisatie: 'Organisaties en hulplijnen',
  workshop: 'Workshops',
  pagina: "Andere pagina's",
};
