import { getCollection, type CollectionEntry } from 'astro:content';
import { findBrokenReferences, signpostStatus } from './content-integrity.ts';

export type Artikel = CollectionEntry<'artikels'>;
export type Gesprekstip = CollectionEntry<'gesprekstips'>;

/** "aanpak" articles describe the city's own approach and live under /over-ons. */
export function articleUrl(article: Pick<Artikel, 'id' | 'data'>): string {
  return article.data.theme === 'aanpak' ? `/over-ons/${article.id}` : `/info/${article.id}`;
}

export const tipUrl = (tip: Pick<Gesprekstip, 'id'>) => `/gesprekstips/${tip.id}`;

const byOrderThenTitle = <T extends { data: { order?: number; title?: string } }>(a: T, b: T) =>
  (a.data.order ?? 100) - (b.data.order ?? 100) || (a.data.title ?? '').localeCompare(b.data.title ?? '', 'nl');

export async function getArticles(): Promise<Artikel[]> {
  return (await getCollection('artikels')).sort(byOrderThenTitle);
}

export async function getTips(): Promise<Gesprekstip[]> {
  return (await getCollection('gesprekstips')).sort((a, b) => a.data.title.localeCompare(b.data.title, 'nl'));
}

/** Minutes to read at a calm pace of 200 words a minute (plain-language readers read slower). */
export function readingMinutes(body: string | undefined): number {
  const words = (body ?? '').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return Math.max(1, Math.round(words / 200));
}

let integrityChecked = false;

/**
 * Fails the build when a `related` reference points nowhere, and warns about signposting
 * entries whose facts have not been checked for a year. Runs once per build.
 */
export async function assertContentIntegrity(): Promise<void> {
  if (integrityChecked) return;
  integrityChecked = true;
  const [artikels, gesprekstips, begrippen, faq, organisaties] = await Promise.all([
    getCollection('artikels'),
    getCollection('gesprekstips'),
    getCollection('begrippen'),
    getCollection('faq'),
    getCollection('organisaties'),
  ]);
  const existing = {
    artikels: new Set(artikels.map((e) => e.id)),
    gesprekstips: new Set(gesprekstips.map((e) => e.id)),
  };
  const file = (e: { filePath?: string; id: string }) => e.filePath ?? e.id;
  const problems = findBrokenReferences(
    [
      ...artikels.map((e) => ({
        file: file(e),
        references: [
          { field: 'related', collection: 'artikels', slugs: e.data.related },
          { field: 'relatedTips', collection: 'gesprekstips', slugs: e.data.relatedTips },
        ],
      })),
      ...[...gesprekstips, ...begrippen, ...faq].map((e) => ({
        file: file(e),
        references: [{ field: 'related', collection: 'artikels', slugs: e.data.related }],
      })),
    ],
    existing,
  );
  if (problems.length) throw new Error(`De inhoud verwijst naar pagina's die niet bestaan:\n  - ${problems.join('\n  - ')}`);

  for (const org of organisaties) {
    const status = signpostStatus(org.data);
    if (!status.stale) continue;
    const age = status.date
      ? `${status.checked ? 'laatst nagekeken' : 'bron van'} ${status.date.toISOString().slice(0, 10)}`
      : 'de bron heeft geen datum';
    console.warn(
      `[wegwijzer] WARN ${file(org)}: de gegevens van "${org.data.name}" zijn meer dan 12 maanden oud of nooit nagekeken (${age}). ` +
        'Kijk de eigen, actuele gegevens van de organisatie na en vul "lastChecked" en "checkedHow" in.',
    );
  }
}
