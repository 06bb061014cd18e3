/**
 * Every page a visitor can reach, for the human sitemap, sitemap.xml and the browser tests.
 * Pages built from content collections are added by the collections' own listers.
 */
export interface SitePage {
  /** Path without trailing slash or extension. */
  path: string;
  title: string;
  /** The heading the page is listed under on /sitemap. */
  group: string;
}

const staticPages: SitePage[] = [
  { path: '/', title: 'Home', group: 'Algemeen' },
  { path: '/privacy', title: 'Privacy', group: 'Over deze website' },
  { path: '/toegankelijkheid', title: 'Toegankelijkheid', group: 'Over deze website' },
  { path: '/sitemap', title: "Alle pagina's", group: 'Over deze website' },
];

export async function getSitePages(): Promise<SitePage[]> {
  return [...staticPages];
}

/** Groups pages by their `group`, keeping the order in which groups first appear. */
export function groupPages(pages: SitePage[]): Map<string, SitePage[]> {
  const groups = new Map<string, SitePage[]>();
  for (const page of pages) groups.set(page.group, [...(groups.get(page.group) ?? []), page]);
  return groups;
}
