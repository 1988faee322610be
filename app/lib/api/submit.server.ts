/**
 * POST /api/v1/forums/{slug}/submissions: the web form's rules for a JSON client. Same schema,
 * same idempotency (the key comes in a header), same rate limits, same transaction and the same
 * confirmation e-mail: an input sent here reaches moderators only once its address is confirmed.
 * The form's bot traps (honeypot, minimum fill time) have no meaning for a program and are not
 * applied; the per-IP and per-address limits and the confirmation step are what hold here.
 */
import type { AppLoadContext } from '@remix-run/node';
import type { Forum } from '../../../db/schema';
import { isMessageKey, translator } from '../../i18n/translate';
import { hitSubmitLimits } from '../../modules/abuse/rate-limit';
import { callState } from '../../modules/forums/call-window';
import { findForumBySlug } from '../../modules/forums/forum-queries';
import { verifyLateAccessCode, type LateAccessGrant } from '../../modules/forums/late-access';
import { createSubmission } from '../../modules/submissions/create-submission';
import { UNCONFIRMED_EXPIRY_DAYS } from '../../modules/submissions/email-confirmation';
import { findByIdempotencyKey, isSameRequest, type KeyedSubmission } from '../../modules/submissions/idempotency';
import { fieldErrors, submissionInputSchema, type SubmissionInput } from '../../modules/submissions/submission-input';
import type { InterfaceLocale } from '../../modules/taxonomy/locales';
import { idempotencyKeyFrom } from '../submission-form.server';
import { slugParam } from './params';
import { problem } from './problem';
import { MAX_JSON_BYTES, readJsonBody, requestBodyProblem } from './read-json.server';
import { json, notFound } from './responses';

export async function submitInput(request: Request, context: AppLoadContext, slug: string | undefined, locale: InterfaceLocale) {
  const t = translator(locale);
  const forumSlug = slugParam(slug);
  const forum = forumSlug ? await findForumBySlug(context.db, forumSlug) : undefined;
  if (!forum) return notFound(locale);

  // Only JSON: a form post (the kind a browser sends cross-site without asking) never gets further.
  const wrongType = requestBodyProblem(request);
  if (wrongType === 'unsupported-encoding') {
    return problem(locale, 'unsupported-media-type', { detail: t('api.problem.unsupportedEncoding.detail'), headers: { 'Accept-Encoding': 'identity' } });
  }
  if (wrongType) return problem(locale, 'unsupported-media-type', { detail: t('api.problem.unsupportedMediaType.detail'), headers: { 'Accept-Post': 'application/json' } });
  const idempotencyKey = idempotencyKeyFrom(request.headers.get('Idempotency-Key'));
  if (!idempotencyKey) return problem(locale, 'idempotency-key-required', { detail: t('api.problem.idempotencyKeyRequired.detail') });

  const read = await readJsonBody(request);
  if (!read.ok) {
    if (read.problem === 'content-too-large') {
      return problem(locale, 'content-too-large', {
        detail: t('api.problem.contentTooLarge.detail', { max: MAX_JSON_BYTES }),
        extra: { maxBytes: MAX_JSON_BYTES },
        headers: { Connection: 'close' },
      });
    }
    const detail = read.problem === 'duplicate-member' ? 'api.problem.duplicateMember.detail' : 'api.problem.malformedBody.detail';
    return problem(locale, 'malformed-body', { detail: t(detail) });
  }
  const parsed = submissionInputSchema(forum.limits, forum.inputLanguages, forum.requiredFields, { channel: 'json' }).safeParse(withoutNulls(read.value));

  // A retry of an input already stored gets its answer again, before any other rule (as the form).
  const earlier = await findByIdempotencyKey(context.db, idempotencyKey);
  if (earlier) return answerRetry(earlier, forum, parsed.success ? parsed.data : undefined, locale);

  // After the close, only a late-access code lets an input in, as on the form.
  const state = callState(forum, new Date());
  let lateAccess: LateAccessGrant | undefined;
  const lateCode = (read.value as { lateAccessCode?: unknown } | null)?.lateAccessCode;
  if (state === 'closed' && typeof lateCode === 'string') {
    const verified = await verifyLateAccessCode(context.db, forum, lateCode);
    if (!verified.ok) return callNotOpen(forum, state, locale, 'late.invalid');
    lateAccess = verified.grant;
  } else if (state !== 'open') {
    return callNotOpen(forum, state, locale);
  }
  if (!parsed.success) {
    const errors = Object.entries(fieldErrors(parsed.error)).map(([field, key = 'error.invalid']) => ({
      field,
      pointer: field === 'form' ? '' : `/${field}`,
      key,
      message: t(isMessageKey(key) ? key : 'error.invalid'),
    }));
    return problem(locale, 'validation-failed', { detail: t('api.problem.validation.detail'), extra: { errors } });
  }

  // The form's limits, counted together with it.
  const limit = await hitSubmitLimits(context.db, context.env.SESSION_SECRET, context.clientIp, parsed.data.email);
  if (!limit.allowed) {
    return problem(locale, 'rate-limited', {
      detail: t('api.problem.rateLimited.detail', { seconds: limit.retryAfterSeconds }),
      extra: { retryAfterSeconds: limit.retryAfterSeconds },
      headers: { 'Retry-After': String(limit.retryAfterSeconds) },
    });
  }

  let result: Awaited<ReturnType<typeof createSubmission>>;
  try {
    result = await createSubmission(context.db, forum, parsed.data, { idempotencyKey, interfaceLocale: locale, lateAccess });
  } catch (error) {
    // The same key stored meanwhile by a concurrent request (perhaps for another forum).
    const winner = await findByIdempotencyKey(context.db, idempotencyKey);
    if (winner) return answerRetry(winner, forum, parsed.data, locale);
    throw error;
  }
  if (!result.ok) return callNotOpen(forum, callState(forum, new Date()), locale, result.reason === 'late_access_invalid' ? 'late.invalid' : 'call.notOpen');
  const stored = await findByIdempotencyKey(context.db, idempotencyKey);
  if (!stored) throw new Error(`submission ${result.reference} not found by its idempotency key`);
  if (result.replayed) return answerRetry(stored, forum, parsed.data, locale);
  return received(stored, forum, locale, 201);
}

/** The request members, with JSON null meaning "not given" (as an absent member). */
function withoutNulls(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}

/** Same key, same forum, same content: the first answer again. Anything else reuses a key. */
function answerRetry(earlier: KeyedSubmission, forum: Forum, input: SubmissionInput | undefined, locale: InterfaceLocale) {
  if (input && isSameRequest(earlier, forum, input)) return received(earlier, forum, locale, 200);
  return problem(locale, 'idempotency-key-reused', { detail: translator(locale)('api.problem.idempotencyKeyReused.detail') });
}

function received(stored: KeyedSubmission, forum: Forum, locale: InterfaceLocale, status: 200 | 201) {
  const confirmBy = new Date(stored.receivedAt.getTime() + UNCONFIRMED_EXPIRY_DAYS * 24 * 3600 * 1000);
  return json(
    {
      reference: stored.reference,
      forum: forum.slug,
      status: 'awaiting_confirmation',
      receivedAt: stored.receivedAt.toISOString(),
      confirmBy: confirmBy.toISOString(),
      note: translator(locale)('api.received.note', { days: UNCONFIRMED_EXPIRY_DAYS }),
    },
    {
      status,
      headers: { 'Content-Language': locale, Vary: 'Accept-Language', ...(status === 200 ? { 'Idempotent-Replayed': 'true' } : {}) },
    },
  );
}

function callNotOpen(forum: Forum, state: 'upcoming' | 'open' | 'closed', locale: InterfaceLocale, detail: 'call.notOpen' | 'late.invalid' = 'call.notOpen') {
  return problem(locale, 'call-not-open', {
    detail: translator(locale)(detail),
    extra: { callState: state, opensAt: forum.opensAt.toISOString(), closesAt: forum.closesAt.toISOString() },
  });
}
