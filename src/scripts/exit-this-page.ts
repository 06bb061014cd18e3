/**
 * "Verlaat deze pagina" with JavaScript, after GOV.UK's Exit this page:
 * - the button blanks the page at once (an overlay, and everything else hidden, so nobody reads
 *   or tabs through it while the neutral site loads), then goes there with `location.replace`,
 *   so the back button does not return to this page;
 * - pressing Shift three times in a row, each within five seconds of the last, does the same.
 *   Shift used to type a capital letter does not count. Escape is left alone on purpose: it
 *   closes dialogs (the search) and belongs to assistive technology;
 * - if the browser shows this page again (back/forward cache), the page is reset.
 * Without JavaScript the button is an ordinary link to the same site.
 */
const root = document.querySelector<HTMLElement>('[data-exit-this-page]');
const button = root?.querySelector<HTMLAnchorElement>('[data-exit-this-page-button]');

const PRESSES = 3;
const TIMEOUT_MS = 5000;
const HIDE_CLASS = 'exit-this-page-hide-content';

if (root && button) {
  const status = root.querySelector<HTMLElement>('[data-exit-this-page-status]');
  const lights = [...root.querySelectorAll<HTMLElement>('[data-exit-this-page-indicator] > span')];
  const indicator = root.querySelector<HTMLElement>('[data-exit-this-page-indicator]');
  const hint = document.querySelector<HTMLElement>('[data-exit-this-page-hint]');
  if (hint) hint.hidden = false;
  button.setAttribute('aria-keyshortcuts', 'Shift Shift Shift');

  let presses = 0;
  let lastKeyWasModified = false;
  let resetTimer: number | undefined;
  let overlay: HTMLElement | undefined;

  const announce = (text: string) => {
    if (status) status.textContent = text;
  };
  const showPresses = () => {
    indicator?.classList.toggle('exit-this-page__indicator--visible', presses > 0);
    lights.forEach((light, index) => light.classList.toggle('exit-this-page__light--on', index < presses));
  };

  const exit = () => {
    window.clearTimeout(resetTimer);
    presses = 0;
    announce('');
    document.body.classList.add(HIDE_CLASS);
    overlay = document.createElement('div');
    overlay.className = 'exit-this-page-overlay';
    overlay.setAttribute('role', 'alert');
    document.body.append(overlay);
    // Text after insertion: screen readers announce it more reliably.
    overlay.textContent = 'Bezig met laden.';
    window.location.replace(button.href);
  };

  const stopCounting = () => {
    window.clearTimeout(resetTimer);
    resetTimer = undefined;
    presses = 0;
    showPresses();
  };

  button.addEventListener('click', (event) => {
    // A middle click or Ctrl-click opens a tab, like any link; that does not hide this page.
    if (event.button !== 0 || event.metaKey || event.ctrlKey) return;
    event.preventDefault();
    exit();
  });

  document.addEventListener(
    'keyup',
    (event) => {
      // Shift used as a modifier (Shift+A) fires a keyup for A with shiftKey set, then one
      // for Shift itself: that Shift is not counted.
      if (event.key === 'Shift' && !lastKeyWasModified) {
        presses += 1;
        showPresses();
        window.clearTimeout(resetTimer);
        if (presses >= PRESSES) {
          exit();
        } else {
          announce(presses === 1 ? 'Druk nog 2 keer op Shift om de pagina te verlaten.' : 'Druk nog 1 keer op Shift om de pagina te verlaten.');
          resetTimer = window.setTimeout(() => {
            stopCounting();
            announce('Je blijft op deze pagina.');
          }, TIMEOUT_MS);
        }
      } else if (resetTimer !== undefined) {
        stopCounting();
        announce('');
      }
      lastKeyWasModified = event.shiftKey;
    },
    true,
  );

  // A page restored from the back/forward cache would otherwise still be blank.
  window.addEventListener('pageshow', () => {
    document.body.classList.remove(HIDE_CLASS);
    overlay?.remove();
    overlay = undefined;
    stopCounting();
    announce('');
  });
}

export {};
