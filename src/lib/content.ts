import { getCollection, getEntries, type CollectionEntry, type CollectionKey } from 'astro:content';

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

/** What a reference field holds once Astro's reference() has parsed it. */
type Ref<C extends CollectionKey = CollectionKey> = { collection: C; id: string };
type ReferenceField<D> = { [K in keyof D]-?: D[K] extends Ref | Ref[] ? K : never }[keyof D] & string;
type ReferencedCollection<V> = V extends Ref<infer C>[] ? C : V extends Ref<infer C> ? C : never;

/**
 * The entries that an entry's reference field names (`related`, `relatedTips`, `period`), in
 * the order written. Astro's reference() only logs a name that points nowhere; here it stops
 * the build, naming the file and the field, so a page never ships a silently shorter list.
 */
export async function referencedEntries<D, K extends ReferenceField<D>>(
  owner: { id: string; filePath?: string; data: D },
  field: K,
): Promise<CollectionEntry<ReferencedCollection<D[K]>>[]> {
  const value = owner.data[field] as Ref | Ref[];
  const refs = Array.isArray(value) ? value : [value];
  const entries = await getEntries(refs as Ref<ReferencedCollection<D[K]>>[]);
  const file = owner.filePath ?? owner.id;
  const broken = refs.flatMap(({ collection, id }, i) => (entries[i] ? [] : [`${file} → ${field}: "${id}" bestaat niet in src/content/${collection}.`]));
  if (broken.length) throw new Error(broken.join('\n'));
  return entries;
}
