import { dictionary } from '@zxcvbn-ts/language-nl-be';

/**
 * A plain-language (B1) check: short sentences are the strongest single signal of easy Dutch.
 * The thresholds are the team's writing standard; the tests apply them to every built page.
 * Only prose counts: blocks that are sentences (they end like one), not headings, labels,
 * link lists or buttons, which would make the average look shorter than the text reads.
 * Beside it, the share of words outside a common-Dutch word list is reported (not limited).
 */
export const READABILITY_LIMITS = {
  /** Average words per sentence. B1 guidance for Dutch puts easy text at 10–15 words. */
  maxAverageWords: 15,
  /** A sentence longer than this is hard to follow at B1 level. */
  longSentenceWords: 25,
  /** Share of long sentences a page may have: a few quoted definitions are unavoidable. */
  maxLongShare: 0.05,
} as const;

// Dutch abbreviations whose dot does not end a sentence.
const abbreviations = /\b(bv|bijv|o\.a|i\.p\.v|m\.a\.w|d\.w\.z|enz|nl|ca|nr|art|vb|t\.e\.m|p|blz|max|min|incl|excl|a\.u\.b|t\.a\.v|z\.o\.z|mr|dr|prof|st)\.(?=\s)/gi;

/** Splits one block of text (a paragraph, list item or heading) into sentences. */
export function splitSentences(block: string): string[] {
  const protectedText = block.replace(abbreviations, (m) => m.replaceAll('.', '\u2024'));
  return protectedText
    .split(/(?<=[.!?…:;])\s+(?=["“‘'(]?[A-Z0-9ÀÉÈËÏÖÜ])|(?<=[.!?…])\s*$/u)
    .map((s) => s.replaceAll('\u2024', '.').trim())
    .filter((s) => countWords(s) > 0);
}

export function countWords(sentence: string): number {
  return sentence.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

export interface ReadabilityReport {
  /** The prose sentences measured. */
  sentenceTexts: string[];
  sentences: number;
  words: number;
  averageWords: number;
  longSentences: string[];
  longShare: number;
  passes: boolean;
}

/** A block of prose: it ends like a sentence. Headings, labels and link texts usually do not. */
export function isSentenceBlock(block: string): boolean {
  return /[.!?…]["”’')]*$/u.test(block.trim());
}

/**
 * Common Dutch: the 16,074 most frequent Dutch word forms of the `commonWords` list in
 * @zxcvbn-ts/language-nl-be (MIT), a frequency-ranked list of spoken Dutch. Word forms, not
 * lemmas, so "luistert" and "luisterde" are each looked up as written.
 */
export const COMMON_DUTCH: ReadonlySet<string> = new Set(dictionary.commonWords.map((w) => w.toLowerCase()));

const wordPattern = /\p{L}+(?:['’-]\p{L}+)*/gu;

export interface VocabularyReport {
  /** Words counted: proper names and glossary terms are left out. */
  words: number;
  /** Those not in the common-Dutch list, most frequent first. */
  uncommon: string[];
  uncommonShare: number;
}

/**
 * How many words of the sentences fall outside common Dutch. Names (a capital in the middle of
 * a sentence) and the glossary's own terms are skipped: the site explains those where they
 * are used. A hyphenated word counts as common when every part is.
 */
export function measureVocabulary(sentences: string[], glossaryWords: ReadonlySet<string> = new Set(), common: ReadonlySet<string> = COMMON_DUTCH): VocabularyReport {
  const counts = new Map<string, number>();
  let words = 0;
  for (const sentence of sentences) {
    const tokens = [...sentence.matchAll(wordPattern)].map((m) => m[0]);
    tokens.forEach((token, index) => {
      if (index > 0 && /^\p{Lu}/u.test(token)) return;
      const word = token.toLowerCase().replace(/’/g, "'");
      if (glossaryWords.has(word)) return;
      words += 1;
      if (common.has(word) || word.split('-').every((part) => common.has(part) || glossaryWords.has(part))) return;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    });
  }
  const uncommon = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([w]) => w);
  const uncommonCount = [...counts.values()].reduce((a, b) => a + b, 0);
  return { words, uncommon, uncommonShare: words ? uncommonCount / words : 0 };
}

/** The single words of glossary terms and their synonyms, lower case, for `measureVocabulary`. */
export function glossaryWordSet(terms: string[]): Set<string> {
  return new Set(terms.flatMap((term) => [...term.toLowerCase().matchAll(wordPattern)].map((m) => m[0])));
}

/** Measures a list of text blocks; each prose block is split into sentences on its own. */
export function measureReadability(blocks: string[]): ReadabilityReport {
  const sentences = blocks.filter(isSentenceBlock).flatMap(splitSentences);
  const lengths = sentences.map(countWords);
  const words = lengths.reduce((a, b) => a + b, 0);
  const longSentences = sentences.filter((_, i) => lengths[i]! > READABILITY_LIMITS.longSentenceWords);
  const averageWords = sentences.length ? words / sentences.length : 0;
  const longShare = sentences.length ? longSentences.length / sentences.length : 0;
  return {
    sentenceTexts: sentences,
    sentences: sentences.length,
    words,
    averageWords,
    longSentences,
    longShare,
    passes: averageWords <= READABILITY_LIMITS.maxAverageWords && longShare <= READABILITY_LIMITS.maxLongShare,
  };
}
