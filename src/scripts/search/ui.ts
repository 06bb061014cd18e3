import { openSearchDialog } from './dialog.ts';
import { initSearchPage } from './page.ts';

/**
 * Everything search needs once the visitor asks for it. /zoeken loads this as its page
 * script; elsewhere the header opener imports it through /zoeken-ui.js (written by the
 * search integration) and then asks for the dialog with a `search:open` event.
 */
initSearchPage();
document.addEventListener('search:open', (event) => openSearchDialog((event as CustomEvent<HTMLElement | null>).detail));
