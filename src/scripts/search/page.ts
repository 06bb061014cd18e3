import { loadPagefind, search, type Filters, type SearchHit, type SearchOutcome } from './engine.ts';
import { correctionText, countText, el, excerptNodes, failedText, noResults } from './render.ts';
import { filterNames, hasFilters, searchToUrl, stateFromSearch, type SearchState } from './url-state.ts';
import { isWeakQuery, pauseBeforeWeakQuery } from './query.ts';

/**
 * The /zoeken page with JavaScript: the search form appears, results follow the typing,
 * and the address keeps the query and filters, so a search can be shared and the back
 * button returns to the previous one. Without JavaScript the page lists every page A to Z.
 */

const pageSize = 10;

export function initSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-page] form[data-search-form]');
  if (!form) return;

  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const status = form.querySelector<HTMLElement>('[data-search-status]')!;
  const note = form.querySelector<HTMLElement>('[data-search-note]')!;
  const list = form.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = form.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const empty = form.querySelector<HTMLElement>('[data-search-empty]')!;
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  // The A–Z list is for browsing; while results are shown it would only push them out of sight.
  const azList = document.querySelector<HTMLElement>('[data-search-az]');
  let searchId = 0;
  let outcome: SearchOutcome | undefined;
  let shownCount = 0;
  let announceTimer: number | undefined;

  form.hidden = false;
  // The filters fold away on small screens, so the results come first; on wide screens they sit beside them.
  const filterPanel = form.querySelector<HTMLDetailsElement>('details[data-search-filters]');
  const widen = () => {
    if (filterPanel && (window.matchMedia('(min-width: 48rem)').matches || hasFilters(stateFromSearch(location.search)))) filterPanel.open = true;
  };

  const readForm = (): SearchState => {
    const filters = Object.fromEntries(filterNames.map((name) => [name, boxes.filter((b) => b.name === name && b.checked).map((b) => b.value)]));
    return { q: input.value, filters: filters as SearchState['filters'] };
  };
  const writeForm = (state: SearchState) => {
    input.value = state.q;
    for (const box of boxes) box.checked = state.filters[box.name as keyof SearchState['filters']]?.includes(box.value) ?? false;
  };
  // The address holds short values (`thema=desinformatie`); the index holds the labels.
  const indexFilters = (state: SearchState): Filters => {
    const filters: Filters = {};
    for (const name of filterNames) {
      filters[name] = boxes.filter((b) => b.name === name && state.filters[name].includes(b.value)).map((b) => b.dataset.filterValue ?? b.value);
    }
    return filters;
  };

  const run = async (state: SearchState) => {
    const id = ++searchId;
    const active = state.q.trim() !== '' || hasFilters(state);
    if (!active) {
      outcome = undefined;
      render([], state, false);
      return;
    }
    try {
      const result = await search(state.q, indexFilters(state));
      if (id !== searchId) return;
      const hits = await result.hits(0, pageSize);
      if (id !== searchId) return;
      outcome = result;
      render(hits, state, false);
    } catch {
      if (id !== searchId) return;
      outcome = undefined;
      render([], { q: '', filters: { type: [], thema: [], doelgroep: [] } }, false);
      window.clearTimeout(announceTimer);
      status.textContent = failedText;
    }
  };

  const render = (hits: SearchHit[], state: SearchState, append: boolean) => {
    const items = hits.map(renderHit);
    if (append) list.append(...items);
    else list.replaceChildren(...items);
    shownCount = list.children.length;
    // Which search the list shows, for tests and anyone inspecting the page.
    list.dataset.query = state.q;
    const total = outcome?.total ?? 0;
    more.hidden = shownCount >= total;
    note.hidden = !outcome || outcome.corrections.length === 0;
    note.textContent = outcome ? correctionText(outcome.corrections) : '';
    const searched = state.q.trim() !== '' || hasFilters(state);
    if (azList) azList.hidden = searched;
    empty.hidden = !searched || total > 0;
    empty.replaceChildren(...(empty.hidden ? [] : [noResults()]));
    const text = searched ? countText(total, state.q) : '';
    // Announced once typing pauses, not at every letter.
    window.clearTimeout(announceTimer);
    if (append) status.textContent = text;
    else announceTimer = window.setTimeout(() => (status.textContent = text), 350);
  };

  // Typing starts a new history entry once and then keeps replacing it, so the back button
  // returns to the previous search rather than to every letter of this one.
  let typing = false;
  const update = (mode: 'typing' | 'commit') => {
    const state = readForm();
    const url = searchToUrl(state);
    if (url !== `${location.pathname}${location.search}`) {
      if (mode === 'typing' && typing) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
    }
    typing = mode === 'typing';
    void run(state);
  };

  input.addEventListener('focus', () => void loadPagefind(), { once: true });
  let pause: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(pause);
    // A half-typed word ("m", "mijn z") waits for a pause; a real word is searched at once.
    if (isWeakQuery(input.value) && input.value.trim()) pause = window.setTimeout(() => update('typing'), pauseBeforeWeakQuery);
    else update('typing');
  });
  for (const box of boxes) box.addEventListener('change', () => update('commit'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update('commit');
  });
  window.addEventListener('popstate', () => {
    typing = false;
    const state = stateFromSearch(location.search);
    writeForm(state);
    void run(state);
  });
  more.addEventListener('click', async () => {
    if (!outcome) return;
    const before = shownCount;
    const hits = await outcome.hits(before, pageSize);
    render(hits, readForm(), true);
    list.children[before]?.querySelector<HTMLAnchorElement>('a')?.focus();
  });

  // Arrow keys: from the field into the results, and from result to result.
  form.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a[data-result-link]')];
    const target = event.target as HTMLElement;
    const index = links.indexOf(target as HTMLAnchorElement);
    if (target === input && event.key === 'ArrowDown' && links.length > 0) {
      event.preventDefault();
      links[0]!.focus();
    } else if (index >= 0) {
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? links[index + 1] : index === 0 ? input : links[index - 1];
      next?.focus();
    }
  });

  const initial = stateFromSearch(location.search);
  writeForm(initial);
  widen();
  if (initial.q || hasFilters(initial)) void run(initial);
}

function renderHit(hit: SearchHit): HTMLLIElement {
  return el('li', { class: 'search-hit' }, [
    el('p', { class: 'search-kind' }, [hit.kind]),
    el('h3', { class: 'text-lg' }, [el('a', { href: hit.url, 'data-result-link': '' }, [hit.title])]),
    el('p', { class: 'search-excerpt' }, excerptNodes(hit.excerpt)),
    hit.sections.length > 0 &&
      el(
        'ul',
        { class: 'search-sections', 'aria-label': `Delen van ${hit.title}` },
        hit.sections.map((section) =>
          el('li', {}, [
            el('a', { href: section.url, 'data-result-link': '' }, [section.title]),
            el('span', { class: 'search-excerpt block' }, excerptNodes(section.excerpt)),
          ]),
        ),
      ),
  ]);
}
