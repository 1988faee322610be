import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { CsrfField } from '../components/CsrfField';
import { requireForumById } from '../lib/forum-loader.server';
import { requireAdmin, requireStaffForm } from '../lib/staff-auth.server';
import { requireLocale } from '../lib/require-locale.server';
import { useLocale } from '../lib/route-locale';
import { staffTime } from '../modules/time/format-instant';
import { listHeldDecisionEmails, releaseHeldDecisionEmails } from '../modules/notifications/held-decision-emails';
import { pickLabel } from '../modules/taxonomy/locales';
import { ScrollingTable } from '../components/ScrollingTable';
import { Instant } from '../components/Instant';

/** Decision e-mails the forum holds for review, and the button that sends them all (admins). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  await requireAdmin(request, context, locale);
  const forum = await requireForumById(context, params.id, locale);
  const held = await listHeldDecisionEmails(context.db, forum.id);
  return {
    forum: { id: forum.id, name: pickLabel(forum.name, locale), holding: forum.holdDecisionEmails },
    total: held.total,
    rows: held.rows.map((r) => ({ id: r.id, submissionId: r.submissionId, reference: r.reference, decision: r.decision, heldAt: staffTime(r.heldAt, locale) })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.forum.name ?? '' }];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const { staff, form } = await requireStaffForm(request, context, locale, { admin: true });
  const forum = await requireForumById(context, params.id, locale);
  const upTo = Number(form.get('upTo'));
  if (!Number.isSafeInteger(upTo) || upTo < 1) throw new Response('Bad request', { status: 400 });
  const released = await releaseHeldDecisionEmails(context.db, { forumId: forum.id, staffId: staff.id, upTo });
  return redirect(`/${locale}/staff/forums/${forum.id}/held-emails?released=${released}`);
}

export default function HeldEmails() {
  const { forum, total, rows } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const { locale, t } = useLocale();
  const released = search.get('released');
  return (
    <>
      <p><Link to={`/${locale}/staff/forums/${forum.id}`}>{forum.name}</Link></p>
      <h1>{t('held.title', { forum: forum.name })}</h1>
      {released !== null ? <p className="notice" role="status">{t('held.released', { count: Number(released) || 0 })}</p> : null}
      <p>{t(forum.holding ? 'held.holding' : 'held.notHolding')}</p>
      {total === 0 ? <p>{t('held.none')}</p> : (
        <>
          <p>{t('held.count', { count: total })}</p>
          {/* Releases exactly the e-mails listed below; any held later wait for the next release. */}
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="upTo" value={rows[rows.length - 1].id} />
            <button className="button" type="submit">{t('held.release', { count: rows.length })}</button>
          </Form>
          <ScrollingTable label={t('held.caption')}>
            <caption>{t('held.caption')}</caption>
            <thead>
              <tr><th scope="col">{t('staff.col.reference')}</th><th scope="col">{t('staff.detail.decision')}</th><th scope="col">{t('held.since')}</th></tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td><Link to={`/${locale}/staff/submissions/${r.submissionId}`}><bdi>{r.reference}</bdi></Link></td>
                  <td>{t(`decision.${r.decision}`)}</td>
                  <td><Instant at={r.heldAt} /></td>
                </tr>
              ))}
            </tbody>
          </ScrollingTable>
        </>
      )}
    </>
  );
}
