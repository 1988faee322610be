/**
 * A form is sent once: a second press while the first is on its way (slow networks invite it) is
 * ignored. The buttons are not disabled, since a disabled button would drop its own name and value
 * (the draft button's intent) from what is sent. Coming back to the page (back button) resets it.
 */
export function guardFormsAgainstResending(root: Document): void {
  root.addEventListener('submit', (event) => {
    const form = event.target as HTMLFormElement;
    if (form.method.toLowerCase() !== 'post') return;
    if (form.dataset.sending) event.preventDefault();
    else form.dataset.sending = 'true';
  });
  window.addEventListener('pageshow', () => {
    for (const form of root.querySelectorAll<HTMLFormElement>('form[data-sending]')) delete form.dataset.sending;
  });
}
