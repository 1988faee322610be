import { useEffect, useRef } from 'react';
import { useLocation } from '@remix-run/react';

/**
 * In the staff application a click loads the next page without a new document, so the browser
 * leaves focus where it was, often on a button that is gone. After each navigation (a link, or a
 * form's answer) focus moves to the page's main heading, as a new document would start there for a
 * screen reader; a refused form's error summary takes it instead (it marks itself data-takes-focus).
 */
export function FocusAfterNavigation() {
  const { key } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (document.querySelector('[data-takes-focus]')) return;
    const heading = document.querySelector<HTMLElement>('main h1');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
  }, [key]);
  return null;
}
