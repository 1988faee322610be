/**
 * A refused form comes back as a new document; its error summary takes the focus (marked by the
 * server with data-takes-focus), so the next Tab leads to the first field to fix.
 */
export function focusWhatAsksForIt(root: Document): void {
  root.querySelector<HTMLElement>('[data-takes-focus]')?.focus();
}
