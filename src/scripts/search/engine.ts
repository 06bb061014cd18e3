import { searchTypeLabels, type SearchType } from '../../components/search/search-types.ts';
import { correctWord, mergeGroups, planQuery, splitCompound, titleCoverage, tokenize, wordStem, type Scored } from './query.ts';

/**
 * The search engine in the browser: Pagefind's index and WebAssembly, loaded from this site
 * the first time someone searches. Queries stay in this tab; nothing is sent or stored.
 */

interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindFragment>;
}
interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  sub_results: { title: string; url: string; excerpt: string }[];
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** `null` lists every page that passes the filters. */
  search(term: string | null, options?: { filters?: Record<string, unknown> }): Promise<{ results: PagefindResult[] }>;
}

export type Filters = Partial<Record<'type' | 'thema' | 'doelgroep', string[]>>;

export interface SearchHit {
  url: string;
  title: string;
  /** What kind of page this is, in words: "Artikel", "Begrip", "Vraag" … */
  kind: string;
  /** Pagefind's excerpt: plain text with <mark> around the words that matched. */
  excerpt: string;
  /** Sections of the page that matched, under their heading. */
  sections: { title: string; url: string; excerpt: string }[];
}

export interface SearchOutcome {
  query: string;
  total: number;
  /** Words that found nothing and what was searched instead. */
  corrections: { from: string; to: string }[];
  /** Loads the hits from `start` (each hit fetches one small fragment file). */
  hits(start: number, count: number): Promise<SearchHit[]>;
}

/** How much a title that is all about the searched words adds to a score of at most 1. */
const titleWeight = 0.4;

let loading: Promise<PagefindApi> | undefined;
let vocabulary: Promise<{ words: string[]; known: Set<string> }> | undefined;

/** Starts loading Pagefind (script, index metadata, WebAssembly); safe to call often. */
export function loadPagefind(): Promise<PagefindApi> {
  loading ??= (async () => {
    // A runtime URL: the index is written after Vite has bundled this file.
    const url = '/pagefind/pagefind.js';
    const pagefind = (await import(/* @vite-ignore */ url)) as PagefindApi;
    await pagefind.options({
      // The index is small: a worker would cost an extra download for no gain.
      noWorker: true,
      excerptLength: 22,
      // Editors' keywords say what a page is about, so they count more than one word in the text.
      ranking: { metaWeights: { title: 5, trefwoorden: 2.5 } },
    });
    await pagefind.init();
    return pagefind;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

function loadVocabulary() {
  vocabulary ??= fetch('/pagefind/woorden.json')
    .then((response) => (response.ok ? (response.json() as Promise<string[]>) : []))
    .then((words) => ({ words, known: new Set(words) }));
  vocabulary.catch(() => (vocabulary = undefined));
  return vocabulary;
}

function pagefindFilters(filters: Filters): Record<string, { any: string[] }> {
  const result: Record<string, { any: string[] }> = {};
  for (const [name, values] of Object.entries(filters)) if (values && values.length > 0) result[name] = { any: values };
  return result;
}

function relative(results: PagefindResult[]): Scored[] {
  const top = results.reduce((max, r) => Math.max(max, r.score), 0) || 1;
  return results.map((r) => ({ id: r.id, score: r.score / top }));
}

export async function search(query: string, filters: Filters = {}): Promise<SearchOutcome> {
  const pagefind = await loadPagefind();
  const options = { filters: pagefindFilters(filters) };
  const groups = planQuery(query);
  const byId = new Map<string, PagefindResult>();
  const run = async (text: string | null) => {
    const { results } = await pagefind.search(text, options);
    for (const r of results) byId.set(r.id, r);
    return results;
  };

  let order: string[];
  const scores = new Map<string, number>();
  const corrections: { from: string; to: string }[] = [];
  if (groups.length === 0) {
    // No words, only filters: everything of that kind, as Pagefind orders it.
    if (Object.keys(options.filters).length === 0) return emptyOutcome(query);
    order = (await run(null)).map((r) => r.id);
  } else {
    const found = await Promise.all(groups.map((g) => Promise.all(g.alternatives.map((a) => run(a.text)))));
    const add = async (i: number, text: string, weight: number) => {
      const results = await run(text);
      if (results.length === 0) return false;
      found[i]!.push(results);
      groups[i]!.alternatives.push({ text, weight });
      return true;
    };
    for (const [i, group] of groups.entries()) {
      const count = new Set(found[i]!.flat().map((r) => r.id)).size;
      if (count >= 3) continue;
      // Few or no pages: try other forms of the word ("complotdenker" → "complotdenk…").
      const stem = wordStem(group.word);
      const widened = stem ? await add(i, stem, 0.6) : false;
      if (count > 0 || widened) continue;
      // Nothing at all: probably misspelt, or a compound the site writes apart.
      const { words, known } = await loadVocabulary();
      const parts = splitCompound(group.word, known);
      const replacement = parts ? parts.join(' ') : correctWord(group.word, words);
      if (replacement && (await add(i, replacement, 1))) corrections.push({ from: group.word, to: replacement });
    }
    const merged = mergeGroups(
      found.map((alternatives) => alternatives.map(relative)),
      groups.map((g) => g.alternatives.map((a) => a.weight)),
    );
    order = merged.map((m) => m.id);
    const top = merged[0]?.score || 1;
    for (const m of merged) scores.set(m.id, m.score / top);
  }

  const cache = new Map<string, Promise<SearchHit>>();
  const hit = (id: string) => {
    let loaded = cache.get(id);
    if (!loaded) cache.set(id, (loaded = byId.get(id)!.data().then(toHit)));
    return loaded;
  };
  const searched = groups.flatMap((g) => g.alternatives.flatMap((a) => tokenize(a.text)));
  let reranked = false;
  return {
    query,
    total: order.length,
    corrections,
    hits: async (start, count) => {
      if (start === 0 && !reranked && scores.size > 0) {
        // Among the first results, pages whose title is about the searched words come first.
        // Only these are reordered: their data is loaded to show them anyway.
        reranked = true;
        const first = order.slice(0, count);
        const titles = await Promise.all(first.map(async (id) => (await hit(id)).title));
        const rank = (id: string, i: number) => scores.get(id)! + titleWeight * titleCoverage(titles[i]!, searched);
        const sorted = first.map((id, i) => ({ id, value: rank(id, i) })).sort((a, b) => b.value - a.value);
        order.splice(0, first.length, ...sorted.map((s) => s.id));
      }
      return Promise.all(order.slice(start, start + count).map(hit));
    },
  };
}

function emptyOutcome(query: string): SearchOutcome {
  return { query, total: 0, corrections: [], hits: async () => [] };
}

function toHit(fragment: PagefindFragment): SearchHit {
  const type = fragment.filters.type?.[0] as SearchType | undefined;
  const rawTitle = fragment.meta.title?.trim() || fragment.url;
  return {
    url: fragment.url,
    // Glossary terms are written as in a sentence ("stille midden"); a result starts with a capital.
    title: rawTitle.charAt(0).toLocaleUpperCase('nl') + rawTitle.slice(1),
    kind: fragment.meta.soort ?? (type ? searchTypeLabels[type] : 'Pagina'),
    excerpt: fragment.excerpt,
    sections: fragment.sub_results
      .filter((s) => s.url !== fragment.url && s.title.trim().length > 1)
      .slice(0, 3),
  };
}
