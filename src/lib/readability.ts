/**
 * A plain-language (B1) check: short sentences are the strongest single signal of easy Dutch.
 * The thresholds are the team's writing standard; the tests apply them to every built page.
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
  sentences: number;
  words: number;
  averageWords: number;
  longSentences: string[];
  longShare: number;
  passes: boolean;
}

/** Measures a list of text blocks; each block is split into sentences on its own. */
export function measureReadability(blocks: string[]): ReadabilityReport {
  const sentences = blocks.flatMap(splitSentences);
  const lengths = sentences.map(countWords);
  const words = lengths.reduce((a, b) => a + b, 0);
  const longSentences = sentences.filter((_, i) => lengths[i]! > READABILITY_LIMITS.longSentenceWords);
  const averageWords = sentences.length ? words / sentences.length : 0;
  const longShare = sentences.length ? longSentences.length / sentences.length : 0;
  return {
    sentences: sentences.length,
    words,
    averageWords,
    longSentences,
    longShare,
    passes: averageWords <= READABILITY_LIMITS.maxAverageWords && longShare <= READABILITY_LIMITS.maxLongShare,
  };
}
