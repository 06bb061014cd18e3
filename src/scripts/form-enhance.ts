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
