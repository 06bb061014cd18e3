/**
 * The only search code every page loads. It opens the search dialog from the header link,
 * "/" or Ctrl/⌘K, and loads the search code (and through it the index) only at that moment.
 */
const link = document.querySelector<HTMLAnchorElement>('a[data-search-open]');
const searchPageInput = document.querySelector<HTMLInputElement>('[data-search-page] input[type="search"]');
// A stable address for the hashed search bundle, written at build time. A runtime URL keeps
// the bundler from adding its module-preload helper, which would triple this script.
const uiUrl = '/zoeken-ui.js';
let ui: Promise<unknown> | undefined;

/** `from` gets focus back when the dialog closes: the link that was clicked, or what had focus before a shortcut. */
function open(from: Element | null): void {
  if (searchPageInput) {
    // On /zoeken itself the page's own search field is the place to type.
    searchPageInput.focus();
    return;
  }
  ui ??= import(/* @vite-ignore */ uiUrl);
  ui.then(
    () => document.dispatchEvent(new CustomEvent('search:open', { detail: from })),
    () => window.location.assign('/zoeken'),
  );
}

if (link && !searchPageInput) {
  link.setAttribute('aria-haspopup', 'dialog');
  link.setAttribute('aria-keyshortcuts', '/ Control+K Meta+K');
}
link?.addEventListener('click', (event) => {
  // A middle click or Ctrl-click still opens /zoeken in a new tab, like any link.
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  open(link);
});
document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || event.altKey) return;
  const target = event.target as HTMLElement;
  const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  const shortcut = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
  if (shortcut || (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey)) {
    event.preventDefault();
    open(document.activeElement === document.body ? null : document.activeElement);
  }
});
