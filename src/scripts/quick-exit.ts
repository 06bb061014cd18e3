/**
 * "Verlaat deze pagina": leaves at once for a neutral site and replaces this page in the
 * history, so the back button does not bring it back. Pressing Escape three times does the same.
 * Without JavaScript the link still leaves, as an ordinary link.
 */
const link = document.querySelector<HTMLAnchorElement>('a.js-quick-exit');
if (link) {
  const leave = (event?: Event) => {
    event?.preventDefault();
    document.body.hidden = true;
    window.location.replace(link.href);
  };
  link.addEventListener('click', leave);
  let presses = 0;
  let timer: number | undefined;
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    presses += 1;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => (presses = 0), 1000);
    if (presses >= 3) leave();
  });
}

export {};
