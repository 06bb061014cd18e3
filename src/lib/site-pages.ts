import { getCollection } from 'astro:content';
import { articleUrl, getArticles, getTips, tipUrl } from './content.ts';
import { themeLabels, themes } from '../schemas/content/shared.ts';
import { getWorkshops, workshopUrl } from './workshops.ts';
import type { PageKind } from './page-types.ts';

/**
 * Every page a visitor can reach, for the human sitemap, sitemap.xml and the browser tests
 * (which visit every page listed here). A test checks that every built page is listed.
 */
export interface SitePage extends PageKind {
  /** Path without trailing slash or extension. */
  path: string;
  title: string;
  /** The heading the page is listed under on /sitemap. */
  group: string;
}

const page = (type: PageKind['type'], search: PageKind['search'] = 'pagina') => ({ type, search });

export async function getSitePages(): Promise<SitePage[]> {
  const articles = await getArticles();
  const tips = await getTips();
  const workshops = await getWorkshops();
  const audiences = (await getCollection('doelgroepen')).sort((a, b) => a.data.order - b.data.order);
  const info = articles.filter((a) => a.data.theme !== 'aanpak');
  const about = articles.filter((a) => a.data.theme === 'aanpak');

  return [
    { path: '/', title: 'Home', group: 'Algemeen', ...page('home') },
    { path: '/wegwijzer', title: 'Wegwijzer', group: 'Algemeen', ...page('signposting', 'organisatie') },
    { path: '/zoeken', title: 'Zoeken', group: 'Algemeen', ...page('search') },
    { path: '/melden', title: 'Ik maak me zorgen', group: 'Bezorgdheid delen', ...page('form') },
    { path: '/melden/nu-gevaar', title: 'Er is nu gevaar: bel meteen', group: 'Bezorgdheid delen', ...page('form') },
    { path: '/melden/waarover', title: 'Waarover gaat het?', group: 'Bezorgdheid delen', ...page('form') },
    { path: '/melden/ouder', title: 'Eerst met iemand praten', group: 'Bezorgdheid delen', ...page('form') },
    { path: '/melden/leerling', title: 'Het gaat over een leerling', group: 'Bezorgdheid delen', ...page('form') },
    { path: '/melden/formulier', title: 'Deel je bezorgdheid', group: 'Bezorgdheid delen', ...page('form') },
    { path: '/melden/veilig-surfen', title: 'Veilig surfen', group: 'Bezorgdheid delen', ...page('form') },
    ...audiences.map((a) => ({ path: `/voor/${a.data.audience}`, title: a.data.title, group: 'Voor wie?', ...page('overview') })),
    { path: '/info', title: 'Info', group: 'Info', ...page('overview') },
    ...themes.filter((t) => t !== 'aanpak').map((t) => ({ path: `/info/thema/${t}`, title: `Thema: ${themeLabels[t]}`, group: 'Info', ...page('overview') })),
    ...info.map((a) => ({ path: articleUrl(a), title: a.data.title, group: 'Info', ...page('article', 'artikel') })),
    { path: '/info/begrippen', title: 'Begrippen van A tot Z', group: 'Info', ...page('glossary', 'begrip') },
    { path: '/info/vragen', title: 'Vragen en fabels', group: 'Info', ...page('faq') },
    { path: '/gesprekstips', title: 'Gesprekstips', group: 'Gesprekstips', ...page('overview') },
    ...tips.map((t) => ({ path: tipUrl(t), title: t.data.title, group: 'Gesprekstips', ...page('tip', 'gesprekstip') })),
    { path: '/workshops', title: 'Workshops voor scholen', group: 'Workshops', ...page('overview', 'workshop') },
    ...workshops.map((w) => ({ path: workshopUrl(w), title: w.data.title, group: 'Workshops', ...page('workshop', 'workshop') })),
    { path: '/workshops/boeken', title: 'Vraag een workshop aan', group: 'Workshops', ...page('form', 'workshop') },
    { path: '/over-ons', title: 'Over ons', group: 'Over ons', ...page('overview') },
    ...about.map((a) => ({ path: articleUrl(a), title: a.data.title, group: 'Over ons', ...page('article') })),
    { path: '/privacy', title: 'Privacy', group: 'Over deze website', ...page('other') },
    { path: '/toegankelijkheid', title: 'Toegankelijkheid', group: 'Over deze website', ...page('other') },
    { path: '/sitemap', title: "Alle pagina's", group: 'Over deze website', ...page('other') },
  ];
}

/** Groups pages by their `group`, keeping the order in which groups first appear. */
export function groupPages(pages: SitePage[]): Map<string, SitePage[]> {
  const groups = new Map<string, SitePage[]>();
  for (const page of pages) groups.set(page.group, [...(groups.get(page.group) ?? []), page]);
  return groups;
}
