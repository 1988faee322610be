import { useEffect, useRef } from 'react';
import { useLocation } from '@remix-run/react';

/**
 * In the staff application a click loads the next page without a new document, so the browser
 * leaves focus where it was, often on a button that is gone. After each navigation (a link, or a
 * form's answer) focus moves to the page's main heading, as a new document would start there for a
 * screen reader; a refused form's error summary takes it instead (it marks itself data-takes-focus).
 * A link within the page (the skip link, an error summary's link to its field) is left alone: the
 * browser has already moved focus to its target.
 */
export function FocusAfterNavigation() {
  const { key, pathname, search, hash } = useLocation();
  const previous = useRef<{ pathname: string; search: string } | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = { pathname, search };
    if (!before) return;
    if (hash && before.pathname === pathname && before.search === search) return;
    // Also when a form is refused again with the same problems (the summary did not change).
    const taker = document.querySelector<HTMLElement>('[data-takes-focus]');
    if (taker) return taker.focus();
    const heading = document.querySelector<HTMLElement>('main h1');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
  }, [key, pathname, search, hash]);
  return null;
}
