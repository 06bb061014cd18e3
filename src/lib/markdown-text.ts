import { policeSentence } from '../content/politie.ts';

/** Turns Markdown/MDX source into plain text blocks (paragraphs, list items, headings) for text checks. */
export function markdownToBlocks(markdown: string): string[] {
  return markdown
    // The police sentence is a component in content; its text counts like any other sentence.
    .replace(/<PoliceSentence\s*\/>/g, policeSentence)
    .replace(/^(import|export) .*$/gm, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .split(/\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.|#{1,6}|>)\s)/)
    .map((block) => block.replace(/^\s*(?:[-*+]|\d+\.|#{1,6}|>)\s+/gm, '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}
