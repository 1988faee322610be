import { isRouteErrorResponse } from '@remix-run/react';
import { isMessageKey, type MessageKey } from '../i18n/translate';

/**
 * The heading and text of an error page, by HTTP status: the same words whether a page's error
 * boundary or a download's small page (message-page.server.tsx) says it. A form refused before it
 * could be read (too large, not a form, broken) says so: it is no server error, and trying again
 * will not help.
 */
export function errorMessages(status: number): readonly [title: MessageKey, body: MessageKey] {
  switch (status) {
    case 404:
      return ['notFound.title', 'notFound.body'];
    case 410:
      return ['gone.title', 'gone.body'];
    case 403:
      return ['forbidden.title', 'forbidden.body'];
    case 405:
      return ['methodNotAllowed.title', 'methodNotAllowed.body'];
    case 413:
      return ['formRefused.title', 'error.tooLong'];
    case 400:
    case 415:
      return ['formRefused.title', 'error.form'];
    default:
      return ['serverError.title', 'serverError.body'];
  }
}

/**
 * The heading and text of an error a page's boundary shows. A thrown message page
 * (message-page.server.tsx) names its own words in its markup, so a 403 for another forum's input
 * or a stale form says that, not the generic "for administrators"; anything else goes by status.
 * The page's markup is what reaches the boundary (as the error's data), with or without JavaScript.
 */
export function errorMessagesOf(error: unknown): readonly [title: MessageKey, body: MessageKey] {
  if (!isRouteErrorResponse(error)) return errorMessages(500);
  const named = typeof error.data === 'string' ? /data-error-title="([\w.]+)" data-error-body="([\w.]+)"/.exec(error.data) : null;
  if (named && isMessageKey(named[1]) && isMessageKey(named[2])) return [named[1], named[2]];
  return errorMessages(error.status);
}
