import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary } from '../components/form-fields';
import { StaffAccessFields, staffAccessProblems } from '../components/StaffAccessFields';
import { isMessageKey } from '../i18n/translate';
import { requireAdmin, requireStaffForm } from '../lib/staff-auth.server';
import { forumChoices } from '../lib/staff-team.server';
import { requireLocale } from '../lib/require-locale.server';
import { useLocale } from '../lib/route-locale';
import { staffActivity } from '../modules/audit/staff-activity';
import { isUuid } from '../modules/ids/uuid';
import { findStaff, resetStaffTotp, setStaffDisabled, updateStaffAccess } from '../modules/staff/staff-admin';
import { parseStaffAccess, readStaffForm, type RawStaffForm } from '../modules/staff/staff-member-input';
import { reinviteStaff } from '../modules/staff/staff-invites';
import { staffTime } from '../modules/time/format-instant';
import { Instant } from '../components/Instant';
import { pickLabel } from '../modules/taxonomy/locales';

async function requireMember(context: LoaderFunctionArgs['context'], id: string | undefined) {
  const member = isUuid(id) ? await findStaff(context.db, id) : undefined;
  if (!member) throw new Response('Not found', { status: 404 });
  return member;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const admin = await requireAdmin(request, context, locale);
  const member = await requireMember(context, params.id);
  const [forums, activity] = await Promise.all([forumChoices(context.db, locale), staffActivity(context.db, member.id)]);
  return {
    member: { ...member, isSelf: member.id === admin.id },
    forums,
    activity: activity.map((a) => ({
      id: a.id,
      occurredAt: staffTime(a.occurredAt, locale),
      action: a.action,
      byThisPerson: a.actorStaffId === member.id,
      reference: a.reference,
      submissionId: a.submissionId,
      forum: a.forumName ? pickLabel(a.forumName, locale) : null,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.member.displayName ?? '' }];

type ActionResult = { errors: Record<string, string>; values?: RawStaffForm };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const { staff, form } = await requireStaffForm(request, context, locale, { admin: true });
  const member = await requireMember(context, params.id);
  const intent = form.get('intent');
  const done = (what: string) => redirect(`/${locale}/staff/team/${member.id}?done=${what}`);
  if (intent === 'access') {
    const raw = readStaffForm(form);
    const forums = await forumChoices(context.db, locale);
    const parsed = parseStaffAccess(raw, new Set(forums.map((f) => f.id)));
    if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, values: raw }, { status: 400 });
    const result = await updateStaffAccess(context.db, {
      staffId: member.id,
      role: parsed.value.role,
      allForums: parsed.value.forumScope === 'all',
      forumIds: parsed.value.forumIds,
      by: staff.id,
    });
    if (!result.ok) return data<ActionResult>({ errors: { role: 'staff.team.error.self' }, values: raw }, { status: 400 });
    return done('access');
  }
  if (intent === 'disable' || intent === 'enable') {
    const result = await setStaffDisabled(context.db, { staffId: member.id, disabled: intent === 'disable', by: staff.id });
    if (!result.ok) return data<ActionResult>({ errors: { form: 'staff.team.error.self' } }, { status: 400 });
    return done(intent);
  }
  if (intent === 'reinvite') {
    await reinviteStaff(context.db, member.id, locale, staff.id);
    return done('reinvite');
  }
  if (intent === 'reset-totp') {
    await resetStaffTotp(context.db, { staffId: member.id, by: staff.id });
    return done('reset-totp');
  }
  return data<ActionResult>({ errors: { form: 'error.form' } }, { status: 400 });
}

export default function StaffMemberPage() {
  const { member, forums, activity } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { locale, t } = useLocale();
  const done = search.get('done');
  const doneKey = done ? `staff.member.done.${done}` : '';
  const values = result?.values;
  const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);
  const problems = staffAccessProblems(result?.errors ?? {}, forums.length, t);
  const actionName = (action: string) => (isMessageKey(`staff.audit.${action}`) ? t(`staff.audit.${action}` as 'staff.audit.staff.invited') : action);
  return (
    <>
      <p><Link to={`/${locale}/staff/team`}>{t('staff.team.back')}</Link></p>
      <h1><bdi>{member.displayName}</bdi></h1>
      {isMessageKey(doneKey) ? <p className="notice" role="status">{t(doneKey)}</p> : null}
      {result?.errors.form ? <p className="notice notice-error" role="alert">{t(result.errors.form as 'error.form')}</p> : null}
      <ErrorSummary title={t('form.errorSummary', { count: problems.length })} errors={problems} />
      <dl className="facts">
        <dt>{t('staff.team.email')}</dt><dd><bdi dir="ltr">{member.email}</bdi></dd>
        <dt>{t('staff.team.status')}</dt>
        <dd>{t(`staff.team.status.${member.disabled ? 'disabled' : member.invited ? 'invited' : 'active'}`)}{member.totpEnabled ? <> · {t('staff.team.totpOn')}</> : null}</dd>
      </dl>

      <h2>{t('staff.member.access')}</h2>
      <Form method="post" noValidate className="card">
        <CsrfField />
        <StaffAccessFields
          values={{
            role: one(values?.role) ?? member.role,
            forumScope: one(values?.forumScope) ?? (member.role === 'admin' || member.allForums ? 'all' : 'some'),
            forumIds: Array.isArray(values?.forumIds) ? values.forumIds : member.forumIds,
          }}
          errors={result?.errors ?? {}}
          forums={forums}
        />
        <button className="button" type="submit" name="intent" value="access">{t('staff.member.saveAccess')}</button>
      </Form>

      {member.isSelf ? null : (
        <>
          <h2>{t('staff.member.account')}</h2>
          <div className="actions">
            <Form method="post" className="inline-form">
              <CsrfField />
              {member.disabled ? (
                <button className="button button-secondary" type="submit" name="intent" value="enable">{t('staff.member.enable')}</button>
              ) : (
                <button className="button button-danger" type="submit" name="intent" value="disable">{t('staff.member.disable')}</button>
              )}
            </Form>
            {member.disabled ? null : (
              <Form method="post" className="inline-form">
                <CsrfField />
                <button className="button button-secondary" type="submit" name="intent" value="reinvite">{t('staff.member.reinvite')}</button>
              </Form>
            )}
            {member.totpEnabled ? (
              <Form method="post" className="inline-form">
                <CsrfField />
                <button className="button button-secondary" type="submit" name="intent" value="reset-totp">{t('staff.member.resetTotp')}</button>
              </Form>
            ) : null}
          </div>
        </>
      )}

      <h2>{t('staff.member.activity')}</h2>
      {activity.length === 0 ? <p>{t('staff.member.noActivity')}</p> : (
        <ul>
          {activity.map((a) => (
            <li key={a.id}>
              <Instant at={a.occurredAt} /> · {actionName(a.action)}
              {a.byThisPerson ? null : <> ({t('staff.member.byAdmin')})</>}
              {a.reference && a.submissionId ? <> · <Link to={`/${locale}/staff/submissions/${a.submissionId}`}><bdi>{a.reference}</bdi></Link></> : null}
              {a.forum ? <> · <bdi>{a.forum}</bdi></> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
