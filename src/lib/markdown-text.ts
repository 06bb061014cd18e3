/** Turns Markdown/MDX source into plain text blocks (paragraphs, list items, headings) for text checks. */
export function markdownToBlocks(markdown: string): string[] {
  return markdown
    .replace(/^(import|export) .*$/gm, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .split(/\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.|#{1,6}|>)\s)/)
    .map((block) => block.replace(/^\s*(?:[-*+]|\d+\.|#{1,6}|>)\s+/gm, '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}
