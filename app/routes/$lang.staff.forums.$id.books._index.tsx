import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { CsrfField } from '../components/CsrfField';
import { FilterSelect } from '../components/FilterSelect';
import { Instant } from '../components/Instant';
import { Interpolate } from '../components/Interpolate';
import { requireForumById } from '../lib/forum-loader.server';
import { requireAdmin, requireStaffForm } from '../lib/staff-auth.server';
import { requireLocale } from '../lib/require-locale.server';
import { useLocale } from '../lib/route-locale';
import { staffTime } from '../modules/time/format-instant';
import { listBooks, requestBook } from '../modules/publication/book';
import { fileSizeLabel } from '../modules/attachments/file-size';
import { AUTONYMS, INTERFACE_LOCALES, isInterfaceLocale, pickLabel } from '../modules/taxonomy/locales';
import { BOOK_GROUPINGS, type BookGrouping } from '../../db/schema/book-groupings';
import { ScrollingTable } from '../components/ScrollingTable';

/** The books of a forum's published inputs: ask for one, follow its progress, download it (admins). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  await requireAdmin(request, context, locale);
  const forum = await requireForumById(context, params.id, locale);
  const rows = await listBooks(context.db, forum.id);
  return {
    forum: { id: forum.id, name: pickLabel(forum.name, locale) },
    // While a book is being made, the page reloads itself (no script needed) to show its progress.
    inProgress: rows.some((b) => !b.finishedAt && !b.failure && !b.retiredAt),
    books: rows.map((b) => ({
      id: b.id,
      grouping: b.grouping,
      // The book's language, named in itself (as the language switch names languages).
      language: { code: b.locale, name: AUTONYMS[b.locale] ?? b.locale },
      requestedAt: staffTime(b.requestedAt, locale),
      done: b.done,
      total: b.total,
      ready: b.finishedAt !== null && b.retiredAt === null,
      retiredAt: b.retiredAt ? staffTime(b.retiredAt, locale) : null,
      failed: b.failure !== null && b.finishedAt === null,
      size: b.sizeBytes !== null ? fileSizeLabel(b.sizeBytes, locale) : null,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.forum.name ?? '' },
  ...(data?.inProgress ? [{ httpEquiv: 'refresh', content: '5' } as const] : []),
];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const { staff, form } = await requireStaffForm(request, context, locale, { admin: true });
  const forum = await requireForumById(context, params.id, locale);
  const grouping = String(form.get('grouping'));
  const language = String(form.get('language'));
  if (!(BOOK_GROUPINGS as readonly string[]).includes(grouping) || !isInterfaceLocale(language)) throw new Response('Bad request', { status: 400 });
  await requestBook(context.db, { forumId: forum.id, staffId: staff.id, grouping: grouping as BookGrouping, locale: language });
  return redirect(`/${locale}/staff/forums/${forum.id}/books`);
}

export default function Books() {
  const { forum, books } = useLoaderData<typeof loader>();
  const { locale, t } = useLocale();
  return (
    <>
      <p><Link to={`/${locale}/staff/forums/${forum.id}`}>{forum.name}</Link></p>
      <h1>{t('book.title', { forum: forum.name })}</h1>
      <p className="lede">{t('book.intro')}</p>
      <Form method="post" className="card">
        <CsrfField />
        <FilterSelect id="b-grouping" name="grouping" label={t('book.grouping')} value="constituency" options={BOOK_GROUPINGS.map((g) => ({ value: g, label: t(`book.grouping.${g}`) }))} />
        <FilterSelect id="b-language" name="language" label={t('book.language')} value={locale} options={INTERFACE_LOCALES.map((l) => ({ value: l, label: AUTONYMS[l], lang: l }))} />
        <button className="button" type="submit">{t('book.make')}</button>
      </Form>
      {books.length === 0 ? <p>{t('book.none')}</p> : (
        <ScrollingTable label={t('book.caption')}>
          <caption>{t('book.caption')}</caption>
          <thead>
            <tr><th scope="col">{t('book.col.requested')}</th><th scope="col">{t('book.grouping')}</th><th scope="col">{t('book.language')}</th><th scope="col">{t('book.col.state')}</th></tr>
          </thead>
          <tbody>
            {books.map((b) => (
              <tr key={b.id}>
                <td><Instant at={b.requestedAt} /></td>
                <td>{t(`book.grouping.${b.grouping}`)}</td>
                <td><bdi lang={b.language.code}>{b.language.name}</bdi></td>
                <td>
                  {b.retiredAt ? (
                    <Interpolate template={t('book.retired')} values={{ date: <Instant at={b.retiredAt} /> }} />
                  ) : b.ready ? (
                    <a href={`/${locale}/staff/forums/${forum.id}/books/${b.id}`} download>{t('book.download', { size: b.size ?? '' })}</a>
                  ) : b.failed ? (
                    t('book.failed')
                  ) : b.total === null ? (
                    t('book.queued')
                  ) : (
                    <>
                      <progress value={b.done} max={b.total} aria-label={t('book.progress', { done: b.done, total: b.total })} /> {t('book.progress', { done: b.done, total: b.total })}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
    </>
  );
}
