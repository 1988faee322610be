/**
 * RFC 9457 problem details for every refusal of the JSON API. Each kind of problem has a stable
 * `type` (a URI under /api/v1/problems/) and a title in the client's language (Accept-Language).
 */
import { translator, type MessageKey } from '../../i18n/translate';
import type { InterfaceLocale } from '../../modules/taxonomy/locales';

export const PROBLEMS = {
  'not-found': { status: 404, title: 'api.problem.notFound' },
  'withdrawn-from-publication': { status: 410, title: 'api.problem.withdrawn' },
  'method-not-allowed': { status: 405, title: 'api.problem.methodNotAllowed' },
  'unsupported-media-type': { status: 415, title: 'api.problem.unsupportedMediaType' },
  'content-too-large': { status: 413, title: 'api.problem.contentTooLarge' },
  'malformed-body': { status: 400, title: 'api.problem.malformedBody' },
  'idempotency-key-required': { status: 400, title: 'api.problem.idempotencyKeyRequired' },
  'idempotency-key-reused': { status: 422, title: 'api.problem.idempotencyKeyReused' },
  'validation-failed': { status: 422, title: 'api.problem.validation' },
  'call-not-open': { status: 409, title: 'api.problem.callNotOpen' },
  'rate-limited': { status: 429, title: 'api.problem.rateLimited' },
  'invalid-query': { status: 400, title: 'api.problem.invalidQuery' },
  'cross-site-request': { status: 403, title: 'api.problem.crossSite' },
  'server-error': { status: 500, title: 'api.problem.serverError' },
} as const satisfies Record<string, { status: number; title: MessageKey }>;

export type ProblemType = keyof typeof PROBLEMS;
export const PROBLEM_TYPES = Object.keys(PROBLEMS) as ProblemType[];

export const PROBLEMS_BASE = '/api/v1/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function isProblemType(value: string): value is ProblemType {
  return Object.hasOwn(PROBLEMS, value);
}

/** The problem document's body (plain data; `extra` members come after the standard ones). */
export function problemBody(locale: InterfaceLocale, type: ProblemType, detail?: string, extra: Record<string, unknown> = {}) {
  const t = translator(locale);
  return {
    type: `${PROBLEMS_BASE}${type}`,
    title: t(PROBLEMS[type].title),
    status: PROBLEMS[type].status,
    ...(detail ? { detail } : {}),
    ...extra,
  };
}

/** A problem+json response; never cached, always in the negotiated language. */
export function problem(
  locale: InterfaceLocale,
  type: ProblemType,
  opts: { detail?: string; extra?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Response {
  return new Response(JSON.stringify(problemBody(locale, type, opts.detail, opts.extra)), {
    status: PROBLEMS[type].status,
    headers: {
      'Content-Type': PROBLEM_CONTENT_TYPE,
      'Content-Language': locale,
      Vary: 'Accept-Language',
      'Cache-Control': 'no-store',
      ...opts.headers,
    },
  });
}
