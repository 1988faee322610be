/** Plumbing shared by the API's resource routes: language, JSON answers, 405s and the last-resort 500. */
import { negotiateLocale, translator } from '../../i18n/translate';
import type { InterfaceLocale } from '../../modules/taxonomy/locales';
import { loggableError } from '../../modules/logging/loggable-error';
import { logError } from '../../modules/logging/log-line';
import { problem } from './problem';

/** Public data may sit in caches briefly; anything about one client's request never. */
export const PUBLIC_CACHE = 'public, max-age=60';

export function apiLocale(request: Request): InterfaceLocale {
  return negotiateLocale(request.headers.get('Accept-Language'));
}

export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...init.headers },
  });
}

export function methodNotAllowed(request: Request, allow: string[]): Response {
  const locale = apiLocale(request);
  return problem(locale, 'method-not-allowed', {
    detail: translator(locale)('api.problem.methodNotAllowed.detail', { methods: allow.join(', ') }),
    headers: { Allow: allow.join(', ') },
  });
}

export function notFound(locale: InterfaceLocale): Response {
  return problem(locale, 'not-found', { detail: translator(locale)('api.problem.notFound.detail') });
}

/**
 * Runs one API handler in the client's language. An unexpected error becomes a problem+json 500
 * (logged as loggableError allows, never shown), so no API answer is ever an HTML error page.
 */
export async function handleApi(request: Request, handler: (locale: InterfaceLocale) => Promise<Response>): Promise<Response> {
  const locale = apiLocale(request);
  try {
    return await handler(locale);
  } catch (error) {
    if (error instanceof Response) return error;
    logError('api', `${request.method} ${new URL(request.url).pathname} failed`, loggableError(error));
    return problem(locale, 'server-error', { detail: translator(locale)('serverError.body') });
  }
}
