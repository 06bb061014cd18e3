/** DOM pieces shared by the search dialog and the /zoeken page. No innerHTML of index data. */

type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | undefined> = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

/**
 * Pagefind's excerpts are text with <mark> around matched words. They come from our own
 * pages, but we still rebuild them from text nodes so nothing else can slip into the page.
 */
export function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html').body;
  return [...parsed.childNodes].map((node) =>
    node.nodeName === 'MARK' ? el('mark', {}, [node.textContent ?? '']) : document.createTextNode(node.textContent ?? ''),
  );
}

export function countText(total: number, query: string): string {
  const what = total === 0 ? 'Geen resultaten' : total === 1 ? '1 resultaat' : `${total} resultaten`;
  return query.trim() ? `${what} voor ‘${query.trim()}’.` : `${what}.`;
}

/** When the index cannot be loaded (offline, or a deploy in progress). */
export const failedText = 'Zoeken lukt nu even niet. Probeer het later opnieuw, of kies een pagina uit de lijst van alle pagina’s.';

export function correctionText(corrections: { from: string; to: string }[]): string {
  return corrections.map(({ from, to }) => `We vonden niets voor ‘${from}’ en zochten naar ‘${to}’.`).join(' ');
}

/** What to do when nothing matches: the glossary, the questions, or a person. */
export function noResults(): HTMLElement {
  const link = (href: string, text: string, hint: string) => el('li', {}, [el('a', { href }, [text]), hint]);
  return el('div', { class: 'search-empty' }, [
    el('p', { class: 'mt-2' }, ['Probeer een ander of een korter woord. Of kijk hier verder:']),
    el('ul', { class: 'mt-2 list-disc space-y-1 pl-6' }, [
      link('/info/begrippen', 'Begrippen van A tot Z', ': uitleg bij moeilijke woorden.'),
      link('/info/vragen', 'Vragen en fabels', ': antwoorden op vragen die mensen vaak stellen.'),
      link('/melden', 'Praat met het aanspreekpunt', ': stel je vraag aan de deskundige, ook anoniem.'),
    ]),
  ]);
}
