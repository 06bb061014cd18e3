/**
 * Small improvements when JavaScript runs; every form works without them.
 * - A second click on "send" while the first is on its way does not send twice.
 * - The error summary takes focus (browsers without `autofocus` support on it).
 */
for (const form of document.querySelectorAll<HTMLFormElement>('form.js-form')) {
  form.addEventListener('submit', (event) => {
    if (form.dataset.submitting === 'true') {
      event.preventDefault();
      return;
    }
    form.dataset.submitting = 'true';
    // The button that was pressed; the check page's "Wijzig" buttons keep their label.
    const button = (event.submitter as HTMLButtonElement | null) ?? form.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (button && !('keepLabel' in button.dataset)) {
      button.setAttribute('aria-disabled', 'true');
      button.textContent = form.dataset.submittingLabel ?? button.textContent;
    }
  });
}
const summary = document.querySelector<HTMLElement>('.error-summary');
if (summary && document.activeElement !== summary) summary.focus();

/**
 * GOV.UK's conditional reveal: questions that only matter after one answer (the contact details
 * after "Neem contact met mij op") stay hidden until that answer is chosen. Without JavaScript
 * they stay visible and the server ignores them when they do not apply.
 */
for (const group of document.querySelectorAll<HTMLElement>('[data-shown-when]')) {
  const [name, value] = group.dataset.shownWhen!.split('=') as [string, string];
  const form = group.closest('form');
  const radios = [...(form?.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`) ?? [])];
  const update = () => {
    group.hidden = !radios.some((radio) => radio.checked && radio.value === value);
  };
  for (const radio of radios) radio.addEventListener('change', update);
  update();
}

/**
 * GOV.UK's error summary: a link jumps to the field, but the question (label or legend) is what
 * tells the person what to fix, so scroll that into view and then focus the field. Without
 * JavaScript the plain link still moves focus to the field, below the sticky bar.
 */
document.querySelector('.error-summary')?.addEventListener('click', (event) => {
  const link = (event.target as HTMLElement).closest('a');
  const input = link?.hash ? document.getElementById(decodeURIComponent(link.hash.slice(1))) : null;
  if (!input) return;
  const fieldset = input.closest('fieldset');
  const question = fieldset?.querySelector('legend') ?? document.querySelector(`label[for="${input.id}"]`);
  if (!question) return;
  event.preventDefault();
  question.scrollIntoView();
  input.focus({ preventScroll: true });
  history.replaceState(null, '', link!.hash);
});
