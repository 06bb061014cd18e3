import { loadPagefind, search, type SearchHit } from './engine.ts';
import { isWeakQuery, pauseBeforeWeakQuery } from './query.ts';
import { correctionText, countText, el, excerptNodes, failedText, noResults } from './render.ts';

/**
 * The search dialog: a native <dialog> with a combobox and a listbox of results (WAI-ARIA
 * combobox pattern). Arrow keys move through the results, Enter opens one, Escape closes
 * the dialog and focus returns to whatever opened it.
 */

const shown = 6;
const ids = { title: 'zoekdialoog-titel', input: 'zoekdialoog-veld', help: 'zoekdialoog-hulp', list: 'zoekdialoog-lijst' };

interface Parts {
  dialog: HTMLDialogElement;
  input: HTMLInputElement;
  status: HTMLElement;
  note: HTMLElement;
  list: HTMLElement;
  empty: HTMLElement;
  more: HTMLAnchorElement;
}

let parts: Parts | undefined;
let returnFocusTo: HTMLElement | null = null;
let active = -1;
let searchId = 0;
let announceTimer: number | undefined;

export function openSearchDialog(opener: HTMLElement | null): void {
  parts ??= build();
  returnFocusTo = opener ?? (document.activeElement as HTMLElement | null);
  void loadPagefind();
  if (!parts.dialog.open) parts.dialog.showModal();
  parts.input.focus();
  parts.input.select();
}

function build(): Parts {
  const input = el('input', {
    id: ids.input,
    name: 'q',
    type: 'search',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': ids.list,
    'aria-describedby': ids.help,
    autocomplete: 'off',
    autocapitalize: 'off',
    spellcheck: 'false',
    enterkeyhint: 'search',
    class: 'search-input',
  });
  const status = el('p', { role: 'status', class: 'search-status' });
  const note = el('p', { class: 'search-note', hidden: '' });
  const list = el('ul', { id: ids.list, role: 'listbox', 'aria-label': 'Zoekresultaten', class: 'search-options', hidden: '' });
  const empty = el('div', { hidden: '' });
  const more = el('a', { href: '/zoeken', class: 'font-semibold' }, ['Alle resultaten, met filters']);
  const close = el('button', { type: 'button', class: 'search-close' }, ['Sluiten']);
  const form = el('form', { role: 'search', action: '/zoeken', method: 'get', class: 'mt-3' }, [
    el('label', { for: ids.input, class: 'block font-semibold' }, ['Waar zoek je naar?']),
    input,
    el('p', { id: ids.help, class: 'mt-1 text-sm text-muted' }, [
      'Kies een resultaat met de pijltjes en open het met Enter. Wat je zoekt, blijft op je eigen toestel.',
    ]),
  ]);
  const dialog = el('dialog', { class: 'search-dialog', 'aria-labelledby': ids.title }, [
    el('div', { class: 'flex items-center justify-between gap-4' }, [
      el('h2', { id: ids.title, class: 'text-xl' }, ['Zoeken op de website']),
      close,
    ]),
    form,
    status,
    note,
    list,
    empty,
    el('p', { class: 'mt-4' }, [more]),
  ]);
  document.body.append(dialog);

  close.addEventListener('click', () => dialog.close());
  // A click on the dimmed background (the dialog element itself, outside its content) closes it.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener('close', () => {
    returnFocusTo?.focus();
  });
  let pause: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(pause);
    // A half-typed word ("m", "mijn z") waits for a pause; a real word is searched at once.
    if (isWeakQuery(input.value) && input.value.trim()) pause = window.setTimeout(() => void update(), pauseBeforeWeakQuery);
    else void update();
  });
  input.addEventListener('keydown', onKeydown);
  form.addEventListener('submit', (event) => {
    const option = currentOption();
    if (option) {
      event.preventDefault();
      go(option.dataset.url!);
    }
  });
  list.addEventListener('click', (event) => {
    const option = (event.target as HTMLElement).closest<HTMLElement>('[role="option"]');
    if (option) go(option.dataset.url!);
  });
  return { dialog, input, status, note, list, empty, more };
}

function options(): HTMLElement[] {
  return [...parts!.list.querySelectorAll<HTMLElement>('[role="option"]')];
}

function currentOption(): HTMLElement | undefined {
  return active >= 0 ? options()[active] : undefined;
}

function setActive(index: number): void {
  const all = options();
  active = index;
  all.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
  const option = all[index];
  if (option) {
    parts!.input.setAttribute('aria-activedescendant', option.id);
    option.scrollIntoView({ block: 'nearest' });
  } else {
    parts!.input.removeAttribute('aria-activedescendant');
  }
}

function onKeydown(event: KeyboardEvent): void {
  const count = options().length;
  if (event.key === 'ArrowDown' && count > 0) {
    event.preventDefault();
    setActive(active + 1 >= count ? 0 : active + 1);
  } else if (event.key === 'ArrowUp' && count > 0) {
    event.preventDefault();
    setActive(active <= 0 ? count - 1 : active - 1);
  } else if (event.key === 'Escape') {
    // A search field would clear itself on Escape; here Escape means "close search".
    event.preventDefault();
    parts!.dialog.close();
  }
}

function go(url: string): void {
  parts!.dialog.close();
  window.location.assign(url);
}

async function update(): Promise<void> {
  const { input, status, more } = parts!;
  const query = input.value;
  const id = ++searchId;
  more.href = query.trim() ? `/zoeken?q=${encodeURIComponent(query.trim())}` : '/zoeken';
  if (!query.trim()) {
    show([], query, 0, []);
    status.textContent = '';
    return;
  }
  try {
    const outcome = await search(query);
    if (id !== searchId) return;
    const hits = await outcome.hits(0, shown);
    if (id !== searchId) return;
    show(hits, query, outcome.total, outcome.corrections);
  } catch {
    if (id !== searchId) return;
    show([], '', 0, []);
    window.clearTimeout(announceTimer);
    status.textContent = failedText;
  }
}

function show(hits: SearchHit[], query: string, total: number, corrections: { from: string; to: string }[]): void {
  const { input, list, status, note, empty } = parts!;
  list.replaceChildren(...hits.flatMap((hit, i) => renderOption(hit, i)));
  // Which search the list shows, for tests and the benchmark.
  list.dataset.query = query;
  active = -1;
  input.removeAttribute('aria-activedescendant');
  const hasResults = hits.length > 0;
  list.hidden = !hasResults;
  input.setAttribute('aria-expanded', String(hasResults));
  note.hidden = corrections.length === 0;
  note.textContent = correctionText(corrections);
  empty.hidden = hasResults || !query.trim();
  empty.replaceChildren(...(empty.hidden ? [] : [noResults()]));
  // The count is announced once typing pauses, not at every letter.
  window.clearTimeout(announceTimer);
  const more = total > hits.length ? ` De eerste ${hits.length} staan hieronder.` : '';
  const text = query.trim() ? `${countText(total, query)}${hasResults ? more : ''}` : '';
  announceTimer = window.setTimeout(() => (status.textContent = text), 350);
}

function renderOption(hit: SearchHit, index: number): HTMLElement[] {
  const id = `zoekresultaat-${index}`;
  // The option's name is its text: kind, title and excerpt, read in the order they are shown.
  const main = el('li', { id, role: 'option', 'aria-selected': 'false', class: 'search-option', 'data-url': hit.url }, [
    el('span', { class: 'search-kind' }, [hit.kind, el('span', { class: 'sr-only' }, [':'])]),
    el('span', { class: 'search-title' }, [hit.title, el('span', { class: 'sr-only' }, ['.'])]),
    el('span', { class: 'search-excerpt' }, excerptNodes(hit.excerpt)),
  ]);
  const sections = hit.sections.slice(0, 2).map((section, s) =>
    el(
      'li',
      { id: `${id}-${s}`, role: 'option', 'aria-selected': 'false', 'aria-label': `${section.title}, in ${hit.title}`, class: 'search-option search-option-section', 'data-url': section.url },
      [el('span', { class: 'search-title' }, [section.title])],
    ),
  );
  return [main, ...sections];
}
