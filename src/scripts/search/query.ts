/**
 * How a visitor's words become searches. Pure functions, so the unit tests can pin the
 * behaviour without a browser.
 *
 * Pagefind only returns pages that contain every word, and it knows no synonyms or typos.
 * People type "mijn zoon complot" or "radikalisering", so each meaningful word is searched
 * on its own (with a few everyday synonyms), and the results are merged by how many of the
 * words a page matches.
 */

/** Small words that say nothing about the topic. "wij" and "zij" are kept: "wij zij" is a topic. */
const stopWords = new Set(
  (
    'de het een en of maar van in op aan met voor bij over naar uit tot te om als dan dat die dit deze er is zijn was ' +
    'wordt worden ben bent heb hebt heeft hebben ik je jij u mijn me mij jouw uw ons onze hun hem haar ze we wat hoe ' +
    'wie wanneer waarom welke kan kun kunt moet moeten wil wilt mag zou doe doet ook nog al wel niet geen zo toch eens ' +
    'iets iemand hier daar waar'
  ).split(' '),
);

/**
 * Everyday words mapped to the words the site uses. One direction only: "zoon" also looks
 * for "kind", but "kind" does not look for "zoon".
 */
export const synonyms: Record<string, string[]> = {
  zoon: ['kind'],
  dochter: ['kind'],
  tiener: ['kind', 'jongere'],
  puber: ['kind', 'jongere'],
  kinderen: ['kind'],
  facebook: ['sociale media'],
  instagram: ['sociale media'],
  tiktok: ['sociale media'],
  twitter: ['sociale media'],
  whatsapp: ['sociale media'],
  youtube: ['sociale media'],
  snapchat: ['sociale media'],
  telegram: ['sociale media'],
  internet: ['online'],
  leraar: ['leerkracht'],
  lerares: ['leerkracht'],
  juf: ['leerkracht'],
  meester: ['leerkracht'],
  docent: ['leerkracht'],
  les: ['klas'],
  jongerenwerker: ['jeugdwerker'],
  straathoekwerker: ['jeugdwerker'],
  verklikken: ['kliklijn'],
  klikken: ['kliklijn'],
  verraden: ['kliklijn'],
  aangeven: ['melden'],
  flik: ['politie'],
  flikken: ['politie'],
  samenzwering: ['complot'],
  hoax: ['nepnieuws'],
  fake: ['nepnieuws'],
  terreur: ['terrorisme'],
  aanslag: ['terrorisme'],
  rekruteren: ['ronselen'],
  schelden: ['haat'],
  uitschelden: ['haat'],
  debat: ['discussie'],
};

/** How much a synonym counts compared with the word the visitor typed. */
export const synonymWeight = 0.7;

export interface TermGroup {
  /** The word as the visitor typed it (lower case). */
  word: string;
  /** Searches that satisfy this word: the word itself first, then synonyms. */
  alternatives: { text: string; weight: number }[];
}

/** Lower-case words, without punctuation; digits stay ("112"). */
export function tokenize(query: string): string[] {
  return query.toLowerCase().normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** One group per meaningful word. Stop words are dropped unless nothing else is left. */
export function planQuery(query: string): TermGroup[] {
  const words = [...new Set(tokenize(query))];
  const meaningful = words.filter((w) => !stopWords.has(w));
  const chosen = meaningful.length > 0 ? meaningful : words;
  return chosen.slice(0, 8).map((word) => ({
    word,
    alternatives: [{ text: word, weight: 1 }, ...(synonyms[word] ?? []).map((text) => ({ text, weight: synonymWeight }))],
  }));
}

export interface Scored {
  id: string;
  /** 0..1 within one search: the page's score divided by the best score of that search. */
  score: number;
}

/**
 * Merges the results of each word's searches. A page's rank is the sum, over the words it
 * matches, of its best relative score for that word; a page that matches every word gets a
 * bonus, so "zoon complot" puts pages about both above pages about one.
 */
export function mergeGroups(groups: Scored[][][], weights: number[][]): { id: string; score: number; matched: number }[] {
  const pages = new Map<string, { score: number; matched: number }>();
  groups.forEach((alternatives, g) => {
    const best = new Map<string, number>();
    alternatives.forEach((results, a) => {
      const weight = weights[g]![a]!;
      for (const { id, score } of results) best.set(id, Math.max(best.get(id) ?? 0, score * weight));
    });
    for (const [id, score] of best) {
      const page = pages.get(id) ?? { score: 0, matched: 0 };
      page.score += score;
      page.matched += 1;
      pages.set(id, page);
    }
  });
  const all = groups.length;
  return [...pages]
    .map(([id, { score, matched }]) => ({ id, matched, score: score + (all > 1 && matched === all ? 0.5 : 0) }))
    .sort((a, b) => b.score - a.score);
}

/** Optimal string alignment distance: edits, with a swap of two neighbours counting as one. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** One typo in a short word, two in a long one. Shorter words are left alone. */
export function allowedEdits(word: string): number {
  return word.length < 5 ? 0 : word.length < 9 ? 1 : 2;
}

/**
 * The closest word of the site for a word that finds nothing. `vocabulary` is ordered from
 * most to least frequent, so ties go to the more common word. A typed word may also be
 * the unfinished start of a word ("radikali" → "radicalisering").
 */
export function correctWord(word: string, vocabulary: readonly string[]): string | undefined {
  const max = allowedEdits(word);
  if (max === 0) return undefined;
  let best: { word: string; distance: number } | undefined;
  for (const candidate of vocabulary) {
    if (candidate === word) return undefined;
    const whole = editDistance(word, candidate, max);
    const prefix = candidate.length > word.length ? editDistance(word, candidate.slice(0, word.length), max) : Infinity;
    if (whole > max && prefix > max) continue;
    // A whole-word match beats a match on the start of a longer word.
    const distance = Math.min(whole, prefix + 0.5);
    if (!best || distance < best.distance) best = { word: candidate, distance };
  }
  return best?.word;
}

/**
 * Splits a compound the site writes apart ("klasdiscussie" → "klas discussie"), allowing
 * the linking s or e of Dutch compounds. Both parts must be words of the site.
 */
export function splitCompound(word: string, known: ReadonlySet<string>): string[] | undefined {
  for (let i = 3; i <= word.length - 3; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (!known.has(tail)) continue;
    if (known.has(head)) return [head, tail];
    const linker = head.at(-1);
    if ((linker === 's' || linker === 'e') && known.has(head.slice(0, -1))) return [head.slice(0, -1), tail];
  }
  return undefined;
}

/** Shared start long enough to be the same word in another form ("radicaliseert", "radicalisering"). */
function sameWord(a: string, b: string): boolean {
  if (a.startsWith(b) || b.startsWith(a)) return true;
  let common = 0;
  while (common < a.length && a[common] === b[common]) common++;
  return common >= 6 && common >= Math.min(a.length, b.length) * 0.75;
}

/**
 * How much of a page title the searched words cover, from 0 to 1. "Wat is polarisering?"
 * is all about "polarisering"; "De werkgroep polarisering en vorming" only partly. Used to
 * put pages that are *about* the words above pages that merely use them often.
 */
export function titleCoverage(title: string, words: readonly string[]): number {
  const titleWords = tokenize(title).filter((w) => !stopWords.has(w));
  if (titleWords.length === 0 || words.length === 0) return 0;
  const covered = titleWords.filter((t) => words.some((w) => sameWord(t, w))).length;
  return covered / titleWords.length;
}

/**
 * A shorter start of a long word that found little ("complotdenker" → "complotdenk"), so
 * other forms of the same word match too. Undefined for words too short to shorten safely.
 */
export function wordStem(word: string): string | undefined {
  return word.length >= 8 ? word.slice(0, -2) : undefined;
}

/**
 * A query that is probably still being typed and would cost a broad, wasted download:
 * only stop words or words of one or two letters ("m", "mijn z"). Callers wait for a pause
 * before searching it; anything stronger is searched at once.
 */
export const pauseBeforeWeakQuery = 300;

export function isWeakQuery(query: string): boolean {
  return !tokenize(query).some((w) => !stopWords.has(w) && (w.length >= 3 || /^\d+$/.test(w)));
}
