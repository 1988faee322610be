import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams, type ShouldRevalidateFunction } from '@remix-run/react';
import { ForumSettingsForm } from '../components/ForumSettingsForm';
import { readForumSettingsForm, readVersion } from '../lib/forum-settings-form.server';
import { requireForumById } from '../lib/forum-loader.server';
import { requireAdmin, requireStaffForm } from '../lib/staff-auth.server';
import { requireLocale } from '../lib/require-locale.server';
import { useLocale } from '../lib/route-locale';
import { forumAuditTrail, settingsChoices } from '../modules/forums/forum-admin-view';
import { forumSettingsSchema, settingsFieldErrors, settingsFormValues, type RawForumSettings } from '../modules/forums/forum-settings';
import { editForum } from '../modules/forums/save-forum';
import { pickLabel } from '../modules/taxonomy/locales';
import { staffTime } from '../modules/time/format-instant';
import { Instant } from '../components/Instant';

// Names and guidance in six languages: room for them, and no more.
const FORUM_FORM_BYTES = 256 * 1024;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const staff = await requireAdmin(request, context, locale);
  const forum = await requireForumById(context, params.id, locale);
  return {
    forum: { id: forum.id, slug: forum.slug, name: pickLabel(forum.name, locale), version: forum.version },
    values: settingsFormValues(forum),
    storedAs: { opensAt: staffTime(forum.opensAt, locale), closesAt: staffTime(forum.closesAt, locale) },
    choices: settingsChoices(locale, forum.timeZone),
    history: await forumAuditTrail(context.db, forum.id, locale),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.forum.name ?? '' }];

type ActionResult = { errors: Record<string, string>; values?: RawForumSettings; stale?: boolean };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const { staff, form } = await requireStaffForm(request, context, locale, { admin: true, maxBytes: FORUM_FORM_BYTES });
  const forum = await requireForumById(context, params.id, locale);
  const { values, duplicated } = readForumSettingsForm(form);
  const expectedVersion = readVersion(form);
  if (duplicated || expectedVersion === undefined) return data<ActionResult>({ errors: { form: 'error.form' }, values }, { status: 400 });
  const parsed = forumSettingsSchema.safeParse(values);
  if (!parsed.success) return data<ActionResult>({ errors: settingsFieldErrors(parsed.error), values }, { status: 400 });
  const result = await editForum(context.db, { forumId: forum.id, expectedVersion, staffId: staff.id, settings: parsed.data });
  if (result.ok) return redirect(`/${locale}/staff/forums/${forum.id}?${result.changed.length ? 'saved' : 'unchanged'}=1`);
  if (result.reason === 'not_found') throw new Response('Not found', { status: 404 });
  // Stale: the page reloads the current settings; what was typed is not applied over them.
  if (result.reason === 'stale') return data<ActionResult>({ errors: {}, stale: true }, { status: 409 });
  return data<ActionResult>({ errors: 'errors' in result ? result.errors as Record<string, string> : {}, values }, { status: 409 });
}

// After a refused stale edit the page must show the current settings and version; Remix skips
// reloading loaders after a 4xx action unless told.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  (actionResult as ActionResult | undefined)?.stale ? true : defaultShouldRevalidate;

export default function EditForum() {
  const { forum, values, storedAs, choices, history } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const [search] = useSearchParams();
  const { locale, t } = useLocale();
  const flash = search.get('created') ? 'forumAdmin.created' : search.get('saved') ? 'forumAdmin.saved' : search.get('unchanged') ? 'forumAdmin.unchanged' : undefined;
  return (
    <>
      <p className="actions">
        <Link to={`/${locale}/staff/forums`}>{t('forumAdmin.back')}</Link>
        <Link reloadDocument to={`/${locale}/forums/${forum.slug}`}>{forum.name}</Link>
        <Link to={`/${locale}/staff/forums/${forum.id}/late-access`}>{t('forumAdmin.lateCodes')}</Link>
        <Link to={`/${locale}/staff/forums/${forum.id}/held-emails`}>{t('held.link')}</Link>
        <Link to={`/${locale}/staff/forums/${forum.id}/books`}>{t('book.link')}</Link>
        <Link to={`/${locale}/staff/forums/${forum.id}/coverage`}>{t('coverage.staffLink')}</Link>
      </p>
      <h1>{t('forumAdmin.edit.title', { forum: forum.name })}</h1>
      {flash && !result ? <p className="notice" role="status">{t(flash)}</p> : null}
      {result?.stale ? <p className="notice notice-error" role="alert">{t('forumAdmin.stale')}</p> : null}
      {result?.errors.form ? <p className="notice notice-error" role="alert">{t('error.form')}</p> : null}
      <ForumSettingsForm mode="edit" values={result?.values ?? values} errors={result?.errors ?? {}} choices={choices} version={forum.version} storedAs={storedAs} />
      <h2>{t('forumAdmin.history')}</h2>
      <ul>
        {history.map((h) => (
          <li key={h.id}>
            <Instant at={h.occurredAt} /> · {h.action}{h.fields ? <> ({h.fields})</> : null}
            {h.actor ? <> · <bdi>{h.actor}</bdi></> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
