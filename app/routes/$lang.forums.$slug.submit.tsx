import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { randomUUID } from 'node:crypto';
import { SubmissionForm } from '../components/SubmissionForm';
import { requireForum } from '../lib/forum-loader.server';
import { readSubmissionRequest, type SubmissionRequest } from '../lib/submission-request.server';
import { requireLocale } from '../lib/require-locale.server';
import { EMPTY_FORM, readDraftToken, readIdempotencyKey, readSubmissionForm, type RawSubmissionForm } from '../lib/submission-form.server';
import { callState } from '../modules/forums/call-window';
import { formForum } from '../modules/forums/forum-summary';
import { countriesSortedFor } from '../modules/taxonomy/countries';
import { languageName } from '../modules/taxonomy/locales';
import { checkFormStamp, issueFormStamp } from '../modules/abuse/form-timing';
import { hitSubmitLimits, hitUploadLimits } from '../modules/abuse/rate-limit';
import { findOpenDraft, saveDraft } from '../modules/drafts/drafts';
import { formatInZone } from '../modules/time/format-instant';
import { createSubmission, findReplayedSubmission } from '../modules/submissions/create-submission';
import { fieldErrors, submissionInputSchema } from '../modules/submissions/submission-input';
import { looksLikeStatusToken } from '../modules/submissions/status-token';
import { normaliseLateCode, verifyLateAccessCode, type LateAccessGrant } from '../modules/forums/late-access';
import { gatherFormAttachments, type FormAttachments } from '../modules/attachments/form-attachments';
import { discardReceivedFiles, findHeldAttachments, holdForDraft, reissueDraftHolds, type HeldAttachment, type RefusedFile } from '../modules/attachments/held-attachments';
import type { Forum } from '../../db/schema';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const forum = await requireForum(context, params.slug, locale);
  const now = new Date();
  const search = new URL(request.url).searchParams;
  const draftToken = search.get('draft');
  const draft = draftToken && looksLikeStatusToken(draftToken) ? await findOpenDraft(context.db, forum.id, draftToken) : undefined;
  // A late-access code matters only once the call closed; before it opens nothing lets anyone in.
  const late = search.get('late');
  const lateCheck = late !== null && callState(forum, now) === 'closed' ? await verifyLateAccessCode(context.db, forum, late, now) : undefined;
  return {
    draft: draft
      ? {
          token: draftToken!,
          values: draft.values,
          attachments: await reissueDraftHolds(context.db, draft.id),
          expiresAt: formatInZone(draft.expiresAt, locale, forum.timeZone),
          justSaved: search.has('saved'),
        }
      : { closed: draftToken !== null, justSaved: search.has('saved') },
    forum: formForum(forum, locale, now),
    lateCode: lateCheck?.ok ? normaliseLateCode(late) : undefined,
    lateCodeRefused: lateCheck ? !lateCheck.ok : false,
    choices: {
      countries: countriesSortedFor(locale).map((c) => ({ value: c.code, label: c.name })),
      languages: forum.inputLanguages.map((l) => ({ value: l, label: languageName(l, locale) })),
    },
    // A fresh key per rendered form: every replay of this form's POST finds the same submission.
    idempotencyKey: randomUUID(),
    formStamp: issueFormStamp(context.env.SESSION_SECRET),
  };
}

// A refused POST's Retry-After reaches the document response (Remix takes headers from here).
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get('Retry-After');
  if (retryAfter) headers.set('Retry-After', retryAfter);
  return headers;
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.forum.name ?? '' }];

type ActionResult = {
  errors: Record<string, string>;
  values: RawSubmissionForm;
  idempotencyKey?: string;
  formStamp?: string;
  draftToken?: string;
  retryAfterMinutes?: number;
  /** The late-access code this POST was let in with, so a form with errors stays open. */
  lateCode?: string;
  /** Files held for this form (kept across error round trips) and files refused this time. */
  attachments?: HeldAttachment[];
  refusedFiles?: RefusedFile[];
};

const NOTHING_UPLOADED = { files: [], filesDropped: false, filesTooLarge: false };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const forum = await requireForum(context, params.slug, locale);
  const read = await readSubmissionRequest(request, forum, context.uploadDir);
  if (!read.ok) {
    // A refused large body may not have been read to its end: the connection is not reused.
    const status = read.problem === 'too_large' ? 413 : read.problem === 'unsupported' ? 415 : 400;
    const headers = read.problem === 'too_large' ? { Connection: 'close' } : undefined;
    return data<ActionResult>({ errors: { form: read.problem === 'too_large' ? 'error.tooLong' : 'error.form' }, values: EMPTY_FORM }, { status, headers });
  }
  try {
    return await handleSubmission(locale, forum, read, context);
  } finally {
    await discardReceivedFiles(read.files);
  }
}

async function handleSubmission(locale: string, forum: Forum, read: Extract<SubmissionRequest, { ok: true }>, context: ActionFunctionArgs['context']) {
  const { form } = read;
  const { values, duplicated } = readSubmissionForm(form);
  const idempotencyKey = readIdempotencyKey(form);
  if (!idempotencyKey || duplicated.length > 0) {
    return data<ActionResult>({ errors: { form: 'error.form' }, values }, { status: 400 });
  }
  const replayed = await findReplayedSubmission(context.db, forum.id, idempotencyKey);
  if (replayed) return showReference(locale, forum.slug, replayed.reference, context);
  // The form's issue time survives error round trips: the fill time counts from the first render.
  const timing = checkFormStamp(form.get('formStamp'), context.env.SESSION_SECRET);
  const formStamp = timing === 'invalid' ? issueFormStamp(context.env.SESSION_SECRET) : String(form.get('formStamp'));
  const draftToken = readDraftToken(form);
  let lateCode: string | undefined;
  let files: FormAttachments = { attachments: [], refused: [] };
  const refuse = (status: number, errors: Record<string, string>, extra: Partial<ActionResult> = {}, headers?: HeadersInit) =>
    data<ActionResult>(
      { errors, values, idempotencyKey, formStamp, draftToken, lateCode, attachments: files.attachments, refusedFiles: files.refused, ...extra },
      { status, headers },
    );
  const tooMany = (retryAfterSeconds: number) =>
    refuse(429, { form: 'error.rateLimited' }, { retryAfterMinutes: Math.ceil(retryAfterSeconds / 60) }, { 'Retry-After': String(retryAfterSeconds) });
  // A filled honeypot is a bot: refuse without saying why.
  if (form.get('website')) return refuse(400, { form: 'error.form' });
  // After the close, only a late-access code lets an input in, and it is checked again on every POST.
  let lateAccess: LateAccessGrant | undefined;
  const state = callState(forum, new Date());
  if (state === 'closed' && form.get('late')) {
    const verified = await verifyLateAccessCode(context.db, forum, form.get('late'));
    if (!verified.ok) return refuse(403, { form: 'late.invalid' });
    lateAccess = verified.grant;
    lateCode = normaliseLateCode(form.get('late'));
  } else if (state !== 'open') {
    return refuse(403, { form: 'call.notOpen' });
  }
  // Files are stored as they arrive, before the form is complete: they count against their own limit.
  const uploadLimit = read.files.length > 0 ? await hitUploadLimits(context.db, context.env.SESSION_SECRET, context.clientIp, read.files.length) : undefined;
  files = await gatherFormAttachments(context.db, context.files, forum, form, uploadLimit?.allowed === false ? NOTHING_UPLOADED : read);
  if (uploadLimit?.allowed === false) return tooMany(uploadLimit.retryAfterSeconds);
  const fileErrors: Record<string, string> = files.refused.length > 0 ? { attachments: files.refused[0].problem } : {};

  if (form.get('intent') === 'draft') {
    // Drafts belong to an open call; someone let in late sends the input at once.
    if (state !== 'open') return refuse(403, { form: 'call.notOpen' });
    // A new draft mails a link, so it counts against the same limits as a submission.
    if (!draftToken) {
      const limit = await hitSubmitLimits(context.db, context.env.SESSION_SECRET, context.clientIp, String(values.email ?? ''));
      if (!limit.allowed) return tooMany(limit.retryAfterSeconds);
    }
    const saved = await saveDraft(context.db, forum, { values, idempotencyKey, interfaceLocale: locale, token: draftToken });
    if (!saved.ok) return 'errors' in saved ? refuse(400, { ...saved.errors, ...fileErrors }) : refuse(410, { form: 'draft.closed' }, { draftToken: undefined });
    await holdForDraft(context.db, forum.id, saved.draftId, files.attachments.map((a) => a.token), saved.expiresAt);
    const token = saved.token ?? draftToken;
    return redirect(`/${locale}/forums/${forum.slug}/submit?${token ? `draft=${token}&` : ''}saved=1`);
  }

  const parsed = submissionInputSchema(forum.limits, forum.inputLanguages, forum.requiredFields).safeParse(values);
  if (!parsed.success) return refuse(400, { ...(fieldErrors(parsed.error) as Record<string, string>), ...fileErrors });
  if (files.refused.length > 0) return refuse(400, fileErrors);
  if (timing !== 'ok') return refuse(400, { form: timing === 'too_fast' ? 'error.tooFast' : 'error.form' });
  const limit = await hitSubmitLimits(context.db, context.env.SESSION_SECRET, context.clientIp, parsed.data.email);
  if (!limit.allowed) return tooMany(limit.retryAfterSeconds);
  const result = await createSubmission(context.db, forum, parsed.data, {
    idempotencyKey,
    interfaceLocale: locale,
    draftToken,
    lateAccess,
    attachmentTokens: files.attachments.map((a) => a.token),
  });
  if (!result.ok) {
    if (result.reason === 'attachments_lost') {
      files = { attachments: await findHeldAttachments(context.db, forum.id, files.attachments.map((a) => a.token)), refused: files.refused };
      return refuse(409, { attachments: 'attachment.expired' });
    }
    // The form's key belongs to an input in another forum: a tampered form, not a retry.
    if (result.reason === 'idempotency_key_reused') return refuse(400, { form: 'error.form' }, { idempotencyKey: randomUUID() });
    return refuse(403, { form: result.reason === 'late_access_invalid' ? 'late.invalid' : 'call.notOpen' });
  }
  return showReference(locale, forum.slug, result.reference, context);
}

async function showReference(locale: string, slug: string, reference: string, context: ActionFunctionArgs['context']) {
  return redirect(`/${locale}/forums/${slug}/received`, {
    headers: { 'Set-Cookie': await context.cookies.received.serialize(reference) },
  });
}

export default function SubmitPage() {
  const { forum, choices, idempotencyKey, formStamp, draft, lateCode, lateCodeRefused } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionResult>();
  const resumed = 'token' in draft ? draft : undefined;
  return (
    <SubmissionForm
      forum={forum}
      lateCode={actionData?.lateCode ?? lateCode}
      lateCodeRefused={lateCodeRefused}
      choices={choices}
      draft={{
        token: actionData ? actionData.draftToken : resumed?.token,
        expiresAt: resumed?.expiresAt,
        notice: resumed ? (draft.justSaved ? 'draft.saved' : 'draft.resumed') : 'closed' in draft && draft.closed ? 'draft.closed' : draft.justSaved ? 'draft.savedNoLink' : undefined,
      }}
      idempotencyKey={actionData?.idempotencyKey ?? idempotencyKey}
      formStamp={actionData?.formStamp ?? formStamp}
      retryAfterMinutes={actionData?.retryAfterMinutes}
      errors={actionData?.errors ?? {}}
      values={actionData?.values ?? resumed?.values}
      attachments={{ held: actionData?.attachments ?? resumed?.attachments ?? [], refused: actionData?.refusedFiles ?? [] }}
    />
  );
}
