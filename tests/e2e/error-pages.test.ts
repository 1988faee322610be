/**
 * What a person sees when something is not there or not for them, in the language of the address:
 * downloads and other addresses that are not pages (PDFs, files, books, data copies, the sign-out
 * and upload addresses) answer a small page saying why, with their status unchanged, instead of a
 * bare English word; pages that fail keep the site's frame (skip link, header, the language switch
 * to the same address) and say what happened, without JavaScript and, on staff pages, after
 * hydrating without a script error.
 */
import { eq } from 'drizzle-orm';
import os from 'node:os';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../app/i18n/catalogues.server';
import { translator, type MessageKey } from '../../app/i18n/translate';
import { localFileStore } from '../../app/modules/attachments/file-store';
import { decide } from '../../app/modules/moderation/decide';
import { unpublishSubmission } from '../../app/modules/publication/publish';
import { AUTONYMS, INTERFACE_LOCALES, type InterfaceLocale } from '../../app/modules/taxonomy/locales';
import { attachments, staffForumAssignments, staffUsers, submissions, type Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { launchChromium, openPage } from '../helpers/browser';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';
import { createStaff, signedInPage, signInOverHttp, type TestStaff } from '../helpers/staff';

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let browser: Browser;
let forum: Forum;
let otherForum: Forum;
let admin: TestStaff;
let moderator: TestStaff;
let scoped: TestStaff;
let adminCookie: string;
let moderatorCookie: string;
let scopedCookie: string;
let published: { id: string; reference: string; file: string };
let pending: { id: string; reference: string; file: string };
let unpublished: { id: string; reference: string };
const url = (p: string) => `${portal.appUrl}${p}`;
const LANGUAGES = ['ar', 'en'] as const;
const randomUuid = () => crypto.randomUUID();

async function attachFile(inForum: Forum, submissionId: string): Promise<string> {
  const source = path.join(os.tmpdir(), `error-pages-${randomUuid()}.txt`);
  writeFileSync(source, 'Notes\n');
  const storageKey = await localFileStore(path.join(portal.dataDir, 'files')).put(source);
  const [row] = await portal.db
    .insert(attachments)
    .values({ forumId: inForum.id, submissionId, storageKey, fileName: 'notes.txt', kind: 'txt', mediaType: 'text/plain', sizeBytes: 6, sha256: '0'.repeat(64) })
    .returning();
  return row.id;
}

const get = (p: string, headers: Record<string, string> = {}) => fetch(url(p), { redirect: 'manual', headers });
const post = (p: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(url(p), { method: 'POST', redirect: 'manual', headers: { Origin: portal.appUrl, 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields) });

/** Text as React writes it into markup. */
const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

/** A whole page in `lang` (language and direction declared) whose heading and text are these messages. */
async function expectMessagePage(res: Response, what: string, lang: InterfaceLocale, status: number, title: string, body: string) {
  expect(res.status, what).toBe(status);
  expect(res.headers.get('content-type'), what).toMatch(/^text\/html/);
  const html = await res.text();
  expect(html, what).toMatch(new RegExp(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"`));
  expect(html, what).toContain(`<h1>${escaped(title)}</h1>`);
  expect(html, what).toContain(`<p>${escaped(body)}</p>`);
}

const says = (lang: InterfaceLocale, title: MessageKey, body: MessageKey) => [CATALOGUES[lang][title], CATALOGUES[lang][body]] as const;

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.errorPages);
  forum = await createForum(portal.db, 'open');
  otherForum = await createForum(portal.db, 'open');
  admin = await createStaff(portal.db, { email: 'errors-admin@un.example', role: 'admin' });
  moderator = await createStaff(portal.db, { email: 'errors-mod@un.example', role: 'moderator' });
  scoped = await createStaff(portal.db, { email: 'errors-scoped@un.example', role: 'moderator' });
  await portal.db.update(staffUsers).set({ allForums: false }).where(eq(staffUsers.id, scoped.id));
  await portal.db.insert(staffForumAssignments).values({ staffId: scoped.id, forumId: otherForum.id });

  const p = await createTestSubmission(portal.db, forum, { title: 'Published with a file', publishAttachments: true });
  published = { ...p, file: await attachFile(forum, p.id) };
  expect(await decide(portal.db, { submissionId: p.id, expectedVersion: 1, staffId: admin.id, request: { decision: 'accepted' } })).toEqual({ ok: true });
  const w = await createTestSubmission(portal.db, forum, { title: 'Waiting with a file' });
  pending = { ...w, file: await attachFile(forum, w.id) };
  unpublished = await createTestSubmission(portal.db, forum, { title: 'Withdrawn from publication' });
  expect(await decide(portal.db, { submissionId: unpublished.id, expectedVersion: 1, staffId: admin.id, request: { decision: 'accepted' } })).toEqual({ ok: true });
  expect(await unpublishSubmission(portal.db, { submissionId: unpublished.id, staffId: admin.id, reason: 'Names a child.' })).toBe('unpublished');

  adminCookie = (await signInOverHttp(portal.appUrl, admin)).cookie;
  moderatorCookie = (await signInOverHttp(portal.appUrl, moderator)).cookie;
  scopedCookie = (await signInOverHttp(portal.appUrl, scoped)).cookie;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('addresses that are not pages', () => {
  it.each(LANGUAGES)('answer what is missing with a page in %s, with the status unchanged', async (lang) => {
    const notFound = says(lang, 'notFound.title', 'notFound.body');
    const cases: Array<[string, () => Promise<Response>]> = [
      ['a publication PDF that does not exist', () => get(`/${lang}/inputs/NOPE-0001/pdf`)],
      ['the data copy of a status link that is not one', () => get(`/${lang}/status/${'x'.repeat(43)}/data`)],
      ['a public file that is not there', () => get(`/${lang}/inputs/${published.reference}/attachments/${randomUuid()}`)],
      ['a public file of an unpublished input', () => get(`/${lang}/inputs/${pending.reference}/attachments/${pending.file}`)],
      ['the upload address, opened', () => get(`/${lang}/forums/${forum.slug}/attachments`)],
      ['the Atom feed of a forum that does not exist', () => get(`/${lang}/forums/no-such-forum/feed.atom`)],
      ['a book that does not exist', () => get(`/${lang}/staff/forums/${forum.id}/books/${randomUuid()}`, { Cookie: adminCookie })],
      ['a book of a forum that does not exist', () => get(`/${lang}/staff/forums/${randomUuid()}/books/${randomUuid()}`, { Cookie: adminCookie })],
      ['a staff file of an input that does not exist', () => get(`/${lang}/staff/submissions/${randomUuid()}/attachments/${pending.file}`, { Cookie: adminCookie })],
      ['a staff file through another input', () => get(`/${lang}/staff/submissions/${published.id}/attachments/${pending.file}`, { Cookie: adminCookie })],
    ];
    for (const [what, request] of cases) await expectMessagePage(await request(), what, lang, 404, ...notFound);
  });

  it('answer a download under a language the portal does not speak with the not-found page in English', async () => {
    const notFound = says('en', 'notFound.title', 'notFound.body');
    for (const path of [`/xx/inputs/${published.reference}/pdf`, `/xx/inputs/${published.reference}/attachments/${published.file}`, '/xx/feed.atom', `/xx/status/${'x'.repeat(43)}/receipt`]) {
      await expectMessagePage(await get(path), path, 'en', 404, ...notFound);
    }
  });

  it.each(LANGUAGES)('refuse an upload to a forum that does not exist with one sentence in %s, as the page script shows it', async (lang) => {
    const body = new FormData();
    body.append('attachments', new Blob(['Notes\n'], { type: 'text/plain' }), 'notes.txt');
    const res = await fetch(url(`/${lang}/forums/no-such-forum/attachments`), { method: 'POST', headers: { Origin: portal.appUrl }, body });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe(CATALOGUES[lang]['call.notOpen']);
  });

  it.each(LANGUAGES)('say in %s that a PDF was withdrawn from publication (410)', async (lang) => {
    const t = translator(lang);
    const res = await get(`/${lang}/inputs/${unpublished.reference}/pdf`);
    const html = await res.clone().text();
    expect(html).not.toContain('Withdrawn from publication');
    const [row] = await portal.db.select({ at: submissions.unpublishedAt }).from(submissions).where(eq(submissions.id, unpublished.id));
    const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(row.at!);
    await expectMessagePage(res, 'withdrawn PDF', lang, 410, t('input.withdrawn.title', { reference: unpublished.reference }), t('input.withdrawn.body', { date }));
  });

  it.each(LANGUAGES)('say in %s why staff may not have a file or a book (403)', async (lang) => {
    await expectMessagePage(
      await get(`/${lang}/staff/submissions/${pending.id}/attachments/${pending.file}`, { Cookie: scopedCookie }),
      'a file of a forum this moderator does not moderate', lang, 403, ...says(lang, 'forbidden.title', 'forbidden.forum.body'),
    );
    await expectMessagePage(
      await get(`/${lang}/staff/forums/${forum.id}/books/${randomUuid()}`, { Cookie: moderatorCookie }),
      'a book, for a moderator', lang, 403, ...says(lang, 'forbidden.title', 'forbidden.body'),
    );
  });

  it.each(LANGUAGES)('say in %s that the sign-out address takes the button, and refuse a sign-out without the form token', async (lang) => {
    const opened = await get(`/${lang}/staff/logout`, { Cookie: moderatorCookie });
    expect(opened.headers.get('allow')).toBe('POST');
    await expectMessagePage(opened, 'sign-out opened', lang, 405, ...says(lang, 'methodNotAllowed.title', 'methodNotAllowed.body'));
    await expectMessagePage(await post(`/${lang}/staff/logout`, { csrf: 'forged' }, { Cookie: moderatorCookie }), 'sign-out with a forged token', lang, 403, ...says(lang, 'forbidden.title', 'forbidden.form.body'));
    // The session outlived the refused sign-out.
    expect((await get(`/${lang}/staff`, { Cookie: moderatorCookie })).status).toBe(200);
  });
});

/**
 * The page at `path` is the error page of `status` in `lang`, inside the site's frame: the skip
 * link to the content, the header with the site's name, and the language switch to the same
 * address in every other language, each named in itself.
 */
async function expectFramedErrorPage(page: Page, lang: InterfaceLocale, path: string, status: number, title: MessageKey, body: MessageKey) {
  const t = CATALOGUES[lang];
  const response = await page.goto(url(path));
  expect(response?.status(), path).toBe(status);
  expect(await page.getAttribute('html', 'lang')).toBe(lang);
  expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
  expect(await page.title(), path).toBe(t[title]);
  await expect(page.getByRole('link', { name: t['site.skip'], exact: true }).getAttribute('href')).resolves.toBe('#main');
  await expect(page.getByRole('banner').getByRole('link', { name: t['site.name'], exact: true }).getAttribute('href')).resolves.toBe(`/${lang}`);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t[title]);
  await expect(main.getByText(t[body], { exact: true }).count()).resolves.toBe(1);
  const switcher = page.getByRole('navigation', { name: t['site.language'], exact: true });
  const rest = path.replace(/^\/[a-z]+/, '');
  for (const other of INTERFACE_LOCALES.filter((l) => l !== lang)) {
    const link = switcher.getByRole('link', { name: AUTONYMS[other], exact: true });
    await expect(link.getAttribute('href'), `${path} → ${other}`).resolves.toBe(`/${other}${rest}`);
    await expect(link.getAttribute('hreflang')).resolves.toBe(other);
    await expect(link.getAttribute('lang')).resolves.toBe(other);
  }
}

describe('error pages', () => {
  it.each(LANGUAGES)('keep the site frame and say what was not found in %s, without JavaScript', async (lang) => {
    const { page, problems } = await openPage(browser, { javaScriptEnabled: false });
    await expectFramedErrorPage(page, lang, `/${lang}/forums/no-such-forum`, 404, 'notFound.title', 'notFound.body');
    await expectFramedErrorPage(page, lang, `/${lang}/no/such/page`, 404, 'notFound.title', 'notFound.body');
    expect(problems()).toEqual([]);
    await page.context().close();
  });

  it.each(LANGUAGES)('say in %s that a form cannot be sent to a page that takes none (405), in the frame', async (lang) => {
    const t = CATALOGUES[lang];
    const res = await post(`/${lang}/forums/${forum.slug}`, { anything: 'x' });
    expect(res.status).toBe(405);
    const html = await res.text();
    expect(html).toContain(`<h1>${escaped(t['methodNotAllowed.title'])}</h1>`);
    expect(html).toContain(`<a class="skip-link" href="#main">${escaped(t['site.skip'])}</a>`);
    expect(html).toContain(`aria-label="${escaped(t['site.language'])}"`);
  });

  it.each(LANGUAGES)('keep the frame on a staff page refused to a moderator (403) in %s, and hydrate it without a script error', async (lang) => {
    const { page, problems } = await signedInPage(browser, portal.appUrl, moderator, lang);
    await expectFramedErrorPage(page, lang, `/${lang}/staff/forums/${forum.id}`, 403, 'forbidden.title', 'forbidden.body');
    // The client application takes over the page: its links then navigate without a full load.
    await page.waitForLoadState('networkidle');
    expect(problems()).toEqual([]);
    await page.context().close();
  });

  it.each(LANGUAGES)('tell a moderator in %s that an input belongs to a forum they do not moderate, not that the page is for administrators', async (lang) => {
    const { page, problems } = await signedInPage(browser, portal.appUrl, scoped, lang);
    await expectFramedErrorPage(page, lang, `/${lang}/staff/submissions/${pending.id}`, 403, 'forbidden.title', 'forbidden.forum.body');
    await page.waitForLoadState('networkidle');
    // Hydrated, the page still says the same (the words travel with the error, not only in the HTML).
    await expect(page.getByRole('main').getByText(CATALOGUES[lang]['forbidden.forum.body'], { exact: true }).count()).resolves.toBe(1);
    expect(problems()).toEqual([]);
    await page.context().close();
  });
});
