import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { renderToPipeableStream } from 'react-dom/server';
import './i18n/catalogues.server';
import { NonceContext } from './lib/nonce';
import { isInterfaceLocale } from './modules/taxonomy/locales';
import { loggableError } from './modules/logging/loggable-error';
import { logError } from './modules/logging/log-line';
import { stripNulBytes } from './lib/strip-nul-bytes.server';

const ABORT_DELAY = 10_000;

/**
 * Whole documents are sent only when fully rendered (onAllReady): pages must read well without
 * JavaScript, so nothing may arrive as a fallback waiting for scripts.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  return rememberLanguage(request, responseStatusCode, responseHeaders, loadContext).then(() => render(request, responseStatusCode, responseHeaders, remixContext, loadContext));
}

/**
 * A page in a language is a choice of language: the bare address opens the next visit in it
 * (routes/_index.tsx). Set only when it changes, and only on pages that exist.
 */
async function rememberLanguage(request: Request, status: number, headers: Headers, context: AppLoadContext): Promise<void> {
  const lang = new URL(request.url).pathname.split('/')[1];
  if (status >= 400 || !isInterfaceLocale(lang)) return;
  const remembered = await context.cookies.language.parse(request.headers.get('Cookie'));
  if (remembered !== lang) headers.append('Set-Cookie', await context.cookies.language.serialize(lang));
}

function render(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext, loadContext: AppLoadContext) {
  return new Promise<Response>((resolve, reject) => {
    let status = responseStatusCode;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={loadContext.nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={loadContext.nonce} />
      </NonceContext.Provider>,
      {
        nonce: loadContext.nonce,
        onAllReady() {
          const body = stripNulBytes();
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          if (!responseHeaders.has('Cache-Control')) responseHeaders.set('Cache-Control', 'no-store');
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status }));
          pipe(body);
        },
        onShellError: reject,
        onError(error) {
          status = 500;
          logError('web', 'render failed', loggableError(error));
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/**
 * Errors thrown by loaders and actions. Remix would print the whole error, and a database error's
 * message quotes its query's parameters (personal data, raw tokens): only what loggableError keeps
 * is written. Aborted requests (the visitor went away) are not errors of the portal.
 */
export function handleError(error: unknown, { request }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  logError('web', `${request.method} ${new URL(request.url).pathname.split('/').slice(0, 3).join('/')}… failed`, loggableError(error));
}
