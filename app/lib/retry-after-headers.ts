import type { HeadersFunction } from '@remix-run/node';

/**
 * A route's `headers` for actions that may answer 429: Remix builds a document's (and a data
 * request's) headers from this function, not from the action's response, so without it the
 * Retry-After a throttled action sets never reaches the client.
 */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get('Retry-After');
  if (retryAfter) headers.set('Retry-After', retryAfter);
  return headers;
};
