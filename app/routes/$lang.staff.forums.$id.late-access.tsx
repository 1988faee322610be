import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, TextField } from '../components/form-fields';
import type { MessageKey } from '../i18n/translate';
import { requireForumById } from '../lib/forum-loader.server';
import { requireAdmin, requireStaffForm } from '../lib/staff-auth.server';
import { requireLocale } from '../lib/require-locale.server';
import { useLocale } from '../lib/route-locale';
import { lateCodeRow } from '../modules/forums/forum-admin-view';
import { generateLateAccessCode, listLateAccessCodes, revokeLateAccessCode } from '../modules/forums/late-access';
import { pickLabel } from '../modules/taxonomy/locales';
import { localToUtc, parseLocalInput } from '../modules/time/zoned-time';
import { ScrollingTable } from '../components/ScrollingTable';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const staff = await requireAdmin(request, context, locale);
  const forum = await requireForumById(context, params.id, locale);
  const now = new Date();
  return {
    forum: { id: forum.id, slug: forum.slug, name: pickLabel(forum.name, locale), timeZone: forum.timeZone },
    codes: (await listLateAccessCodes(context.db, forum.id)).map((c) => lateCodeRow(c, locale, forum.timeZone, now)),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.forum.name ?? '' }, { name: 'robots', content: 'noindex' }];

// The page that shows a new code must not be kept by any cache (it is the only copy).
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const cache = actionHeaders.get('Cache-Control');
  if (cache) headers.set('Cache-Control', cache);
  return headers;
};

type ActionResult = { generated?: { code: string; link: string }; revoked?: boolean; error?: MessageKey };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const { staff, form } = await requireStaffForm(request, context, locale, { admin: true });
  const forum = await requireForumById(context, params.id, locale);
  if (form.get('intent') === 'revoke') {
    const codeId = String(form.get('codeId') ?? '');
    const revoked = /^[0-9a-f-]{36}$/i.test(codeId) && (await revokeLateAccessCode(context.db, { forumId: forum.id, codeId, staffId: staff.id }));
    return data<ActionResult>({ revoked }, { status: revoked ? 200 : 409 });
  }
  if (form.get('intent') !== 'generate') return data<ActionResult>({ error: 'error.form' }, { status: 400 });
  // An expiry is read as the clock shows it in the forum's zone, like the call's own times.
  const typed = String(form.get('expiresAt') ?? '').trim();
  let expiresAt: Date | null = null;
  if (typed) {
    const local = parseLocalInput(typed);
    const converted = local ? localToUtc(local, forum.timeZone) : undefined;
    if (!converted?.ok) return data<ActionResult>({ error: converted?.reason === 'gap' ? 'forumAdmin.error.timeGap' : 'forumAdmin.error.dateTime' }, { status: 400 });
    expiresAt = converted.at;
  }
  const result = await generateLateAccessCode(context.db, { forumId: forum.id, staffId: staff.id, expiresAt });
  if (!result.ok) return data<ActionResult>({ error: 'lateCode.error.expiryPast' }, { status: 400 });
  const link = `${context.env.APP_URL}/${locale}/forums/${forum.slug}/submit?late=${encodeURIComponent(result.code)}`;
  return data<ActionResult>({ generated: { code: result.code, link } }, { headers: { 'Cache-Control': 'no-store' } });
}

export default function LateAccessCodes() {
  const { forum, codes } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const busy = useNavigation().state === 'submitting';
  const { locale, t } = useLocale();
  // A form that could not be read is no fault of the expiry field; every other refusal is.
  const expiryError = result?.error && result.error !== 'error.form' ? t(result.error) : undefined;
  const expiryLabel = t('lateCode.expiresAt', { zone: forum.timeZone });
  const problems = expiryError ? [{ field: 'expiresAt', label: expiryLabel, message: expiryError }] : [];
  return (
    <>
      <p className="actions">
        <Link to={`/${locale}/staff/forums`}>{t('forumAdmin.back')}</Link>
        <Link to={`/${locale}/staff/forums/${forum.id}`}>{t('forumAdmin.edit')}</Link>
      </p>
      <h1>{t('lateCode.title', { forum: forum.name })}</h1>
      <p>{t('lateCode.intro')}</p>
      {result?.generated ? (
        <section className="card" role="status" aria-labelledby="new-code-title">
          <h2 id="new-code-title">{t('lateCode.new')}</h2>
          <p className="late-code" data-testid="late-code">{result.generated.code}</p>
          <p>{t('lateCode.once')}</p>
          <p className="break-anywhere" dir="ltr"><code>{result.generated.link}</code></p>
        </section>
      ) : null}
      {result?.revoked ? <p className="notice" role="status">{t('lateCode.revoked')}</p> : null}
      {result?.error === 'error.form' ? <p className="notice notice-error" role="alert">{t('error.form')}</p> : null}
      <ErrorSummary title={t('form.errorSummary', { count: problems.length })} errors={problems} />
      <Form method="post" noValidate className="card">
        <CsrfField />
        <input type="hidden" name="intent" value="generate" />
        <TextField type="datetime-local" name="expiresAt" label={expiryLabel} hint={t('lateCode.expiresAt.hint')} error={expiryError} />
        <button className="button" type="submit" disabled={busy}>{t('lateCode.generate')}</button>
      </Form>
      <h2>{t('lateCode.list')}</h2>
      {codes.length === 0 ? (
        <p>{t('lateCode.none')}</p>
      ) : (
        <ScrollingTable label={t('lateCode.list')}>
          <thead>
            <tr>
              <th scope="col">{t('lateCode.col.hint')}</th>
              <th scope="col">{t('lateCode.col.created')}</th>
              <th scope="col">{t('lateCode.col.expires')}</th>
              <th scope="col">{t('lateCode.col.status')}</th>
              <th scope="col"><span className="visually-hidden">{t('forumAdmin.col.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {codes.map((c) => (
              <tr key={c.id}>
                <td><code dir="ltr">…{c.hint}</code></td>
                <td>{c.createdAt}</td>
                <td>{c.expiresAt ?? t('lateCode.never')}</td>
                <td>{t(`lateCode.status.${c.status}`)}</td>
                <td>
                  {c.status === 'active' ? (
                    <Form method="post">
                      <CsrfField />
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="codeId" value={c.id} />
                      <button type="submit" className="button button-danger">{t('lateCode.revoke', { hint: c.hint })}</button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
    </>
  );
}
