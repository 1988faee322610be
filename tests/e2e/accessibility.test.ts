/**
 * WCAG 2.2 AA as axe-core checks it (with its heading and landmark rules), in Chromium, on every
 * page of the portal: public pages, the form with its error summary, the page after sending, the
 * status page and its edit form, and the staff sign-in in all six languages; the status page once
 * withdrawn, erased and published, the page of an input withdrawn from publication, the sign-in's
 * second step and every staff page (the books page with a book listed), as an administrator sees
 * it, in Arabic and English; the error pages (not found, refused, and the small pages of
 * addresses that are not pages) in Arabic and English; and nothing but data tables scrolls
 * sideways at 400% zoom. Every route file that renders a page must be listed here (a new one
 * without an entry fails), so no page escapes the check.
 */
import { readdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../app/i18n/catalogues.server';
import { MIN_FILL_SECONDS } from '../../app/modules/abuse/form-timing';
import { decide } from '../../app/modules/moderation/decide';
import { listBooks, requestBook } from '../../app/modules/publication/book';
import { unpublishSubmission } from '../../app/modules/publication/publish';
import { erasePersonalData } from '../../app/modules/submissions/personal-data';
import { withdrawSubmission } from '../../app/modules/submissions/withdraw';
import { objectiveLabel } from '../../app/modules/taxonomy/objectives';
import { UN_LANGUAGES, type InterfaceLocale } from '../../app/modules/taxonomy/locales';
import { submitterTypeLabel } from '../../app/modules/taxonomy/submitter-types';
import { outbox, type Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { violations } from '../helpers/axe';
import { launchChromium, openPage } from '../helpers/browser';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';
import { eventually } from '../helpers/services';
import { createStaff, signedInPage, type TestStaff } from '../helpers/staff';

/** Staff pages are checked in Arabic and English; public pages, where most people arrive, in all six. */
const LANGUAGES = ['ar', 'en'] as const;
type Lang = InterfaceLocale;

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let browser: Browser;
let forum: Forum;
let admin: TestStaff;
let moderator: TestStaff;
let published: { id: string; reference: string; statusToken: string };
let waiting: { id: string; statusToken: string };
let toChange: { id: string; statusToken: string };
/** The status page in its other stages, and an input staff withdrew from publication. */
let withdrawn: { statusToken: string };
let erased: { statusToken: string };
let unpublished: { reference: string };
const url = (p: string) => `${portal.appUrl}${p}`;
/** A field by its label, which may go on with " (required)" (in Chinese, one label begins another: 国家, 国家主权). */
const startsWith = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`);

/** Route files that answer with something other than a page (files, feeds, redirects) or only frame others. */
const NOT_PAGES = [
  '$lang.tsx',
  // Only ever the not-found page (checked with the error pages below).
  '$lang.$.tsx',
  '$lang.staff.tsx',
  '$lang.feed[.]atom.tsx',
  '$lang.forums.$slug.feed[.]atom.tsx',
  '$lang.forums.$slug.attachments.tsx',
  '$lang.inputs.$reference_.attachments.$id.tsx',
  '$lang.inputs.$reference_.pdf.tsx',
  '$lang.status.$token.data.tsx',
  '$lang.status.$token.receipt.tsx',
  '$lang.staff.logout.tsx',
  '$lang.staff.forums.$id.books.$bookId.tsx',
  '$lang.staff.submissions.$id_.attachments.$attachmentId.tsx',
];

/** Public pages, by route file, at a path in a language. */
const PUBLIC: Record<string, (l: Lang) => string> = {
  '$lang._index.tsx': (l) => `/${l}`,
  '$lang.forums.$slug._index.tsx': (l) => `/${l}/forums/${forum.slug}`,
  '$lang.forums.$slug.submit.tsx': (l) => `/${l}/forums/${forum.slug}/submit`,
  '$lang.forums.$slug.coverage.tsx': (l) => `/${l}/forums/${forum.slug}/coverage`,
  '$lang.forums.$slug.ledger.tsx': (l) => `/${l}/forums/${forum.slug}/ledger`,
  '$lang.inputs._index.tsx': (l) => `/${l}/inputs?q=recruitment`,
  '$lang.inputs.$reference.tsx': (l) => `/${l}/inputs/${published.reference}`,
  '$lang.status.$token._index.tsx': (l) => `/${l}/status/${waiting.statusToken}`,
  '$lang.status.$token.edit.tsx': (l) => `/${l}/status/${toChange.statusToken}/edit`,
  '$lang.staff.login.tsx': (l) => `/${l}/staff/login`,
  // An invitation link that is no longer valid says so on the page.
  '$lang.staff.invite.$token.tsx': (l) => `/${l}/staff/invite/${'x'.repeat(43)}`,
};

/** Pages whose test address answers 410 Gone (and says so). */
const GONE = ['$lang.staff.invite.$token.tsx'];

/** Staff pages, as an administrator sees them. */
const STAFF: Record<string, (l: Lang) => string> = {
  '$lang.staff._index.tsx': (l) => `/${l}/staff`,
  '$lang.staff.submissions.$id.tsx': (l) => `/${l}/staff/submissions/${waiting.id}`,
  '$lang.staff.submissions.$id_.publication.tsx': (l) => `/${l}/staff/submissions/${published.id}/publication`,
  '$lang.staff.forums._index.tsx': (l) => `/${l}/staff/forums`,
  '$lang.staff.forums.new.tsx': (l) => `/${l}/staff/forums/new`,
  '$lang.staff.forums.$id._index.tsx': (l) => `/${l}/staff/forums/${forum.id}`,
  '$lang.staff.forums.$id.held-emails.tsx': (l) => `/${l}/staff/forums/${forum.id}/held-emails`,
  '$lang.staff.forums.$id.late-access.tsx': (l) => `/${l}/staff/forums/${forum.id}/late-access`,
  '$lang.staff.forums.$id.books._index.tsx': (l) => `/${l}/staff/forums/${forum.id}/books`,
  '$lang.staff.forums.$id.coverage.tsx': (l) => `/${l}/staff/forums/${forum.id}/coverage`,
  '$lang.staff.account.two-factor.tsx': (l) => `/${l}/staff/account/two-factor`,
  '$lang.staff.team._index.tsx': (l) => `/${l}/staff/team`,
  '$lang.staff.team.new.tsx': (l) => `/${l}/staff/team/new`,
  '$lang.staff.team.$id.tsx': (l) => `/${l}/staff/team/${admin.id}`,
  '$lang.staff.operations.tsx': (l) => `/${l}/staff/operations`,
};

/** Pages reached by doing something first: listed here, checked in their own tests below. */
const REACHED_BY_ACTING = ['$lang.forums.$slug.received.tsx', '$lang.staff.login_.code.tsx'];

/**
 * Content wider than the window at 320 CSS pixels (a 1280-pixel window zoomed to 400%), outside
 * data tables and code-like text, which WCAG 1.4.10 lets scroll in their own box.
 */
async function overflowAt400Percent(page: Page): Promise<string[]> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  const wide = await page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= limit) return [];
    return [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > limit + 1 && !el.closest('.table-scroll, pre, code'))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}`);
  });
  if (size) await page.setViewportSize(size);
  return wide;
}

async function expectAccessible(page: Page, path: string, status = 200) {
  const response = await page.goto(url(path));
  expect(response?.status(), path).toBe(status);
  expect(await violations(page), path).toEqual([]);
  expect(await overflowAt400Percent(page), `${path} at 400%`).toEqual([]);
}

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.accessibility);
  forum = await createForum(portal.db, 'open', { name: { en: 'Regional review for the Arab region', ar: 'الاستعراض الإقليمي للمنطقة العربية' } });
  admin = await createStaff(portal.db, { email: 'a11y-admin@un.example', role: 'admin', displayName: 'Access Admin' });
  moderator = await createStaff(portal.db, { email: 'a11y-moderator@un.example', role: 'moderator', displayName: 'Access Moderator' });
  const input = await createTestSubmission(portal.db, forum, { title: 'Fair recruitment of domestic workers', language: 'en', objectives: ['6'] });
  await decide(portal.db, { submissionId: input.id, expectedVersion: 1, staffId: admin.id, request: { decision: 'accepted' } });
  published = input;
  waiting = await createTestSubmission(portal.db, forum, { title: 'حقوق العمال المهاجرين', language: 'ar' });
  toChange = await createTestSubmission(portal.db, forum, { title: 'Needs a clearer summary', language: 'en' });
  const changes = await decide(portal.db, { submissionId: toChange.id, expectedVersion: 1, staffId: admin.id, request: { decision: 'changes_requested', reason: 'Please shorten the summary.' } });
  expect(changes).toEqual({ ok: true });
  // An e-mail that failed for good, so the operations page shows its table and retry buttons.
  await portal.db.insert(outbox).values({ kind: 'acknowledge', submissionId: waiting.id, failedAt: new Date(), attempts: 1, lastError: 'SmtpSendError [EENVELOPE]: SMTP send failed at RCPT TO: EENVELOPE 550' });
  const toWithdraw = await createTestSubmission(portal.db, forum, { title: 'Withdrawn by its submitter', language: 'en' });
  expect(await withdrawSubmission(portal.db, toWithdraw.id)).toBe(true);
  withdrawn = toWithdraw;
  const toErase = await createTestSubmission(portal.db, forum, { title: 'Personal data erased', language: 'en' });
  expect(await erasePersonalData(portal.db, toErase.id)).toMatchObject({ erased: true });
  erased = toErase;
  const toUnpublish = await createTestSubmission(portal.db, forum, { title: 'Withdrawn from publication', language: 'en' });
  await decide(portal.db, { submissionId: toUnpublish.id, expectedVersion: 1, staffId: admin.id, request: { decision: 'accepted' } });
  expect(await unpublishSubmission(portal.db, { submissionId: toUnpublish.id, staffId: admin.id, reason: 'A name that must not be public.' })).toBe('unpublished');
  unpublished = toUnpublish;
  // A book of the forum's published inputs, made by the worker, so the books page lists one.
  await requestBook(portal.db, { forumId: forum.id, staffId: admin.id, grouping: 'objective', locale: 'ar' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  it('lists every page the portal renders', () => {
    const files = readdirSync('app/routes').filter((f) => f.startsWith('$lang'));
    const listed = [...NOT_PAGES, ...Object.keys(PUBLIC), ...Object.keys(STAFF), ...REACHED_BY_ACTING];
    expect(files.filter((f) => !listed.includes(f))).toEqual([]);
    expect(listed.filter((f) => !files.includes(f))).toEqual([]);
  });

  it.each(UN_LANGUAGES)('public pages in %s, and a page that does not exist', async (lang) => {
    const { page } = await openPage(browser);
    for (const [file, path] of Object.entries(PUBLIC)) await expectAccessible(page, path(lang), GONE.includes(file) ? 410 : 200);
    await expectAccessible(page, `/${lang}/forums/no-such-forum`, 404);
  });

  it.each(UN_LANGUAGES)('the form with its error summary, then the page after sending, in %s', async (lang) => {
    const t = CATALOGUES[lang];
    const { page, problems } = await openPage(browser);
    await page.goto(url(`/${lang}/forums/${forum.slug}/submit`));
    await page.getByRole('button', { name: t['form.submit'], exact: true }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBeGreaterThan(0);
    expect(await violations(page), 'form with errors').toEqual([]);
    // The refused form opens on its error summary: the next Tab reaches the first problem's link.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'))).toBe('error-summary-title');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#submitterType');

    await page.getByRole('radio', { name: submitterTypeLabel('individual', lang), exact: true }).check();
    await page.getByLabel(startsWith(t['form.contactName'])).fill('Amina Haddad');
    await page.getByLabel(startsWith(t['form.email'])).fill(`a11y-${lang}@example.org`);
    await page.getByLabel(startsWith(t['form.constituency'])).selectOption('civil_society');
    await page.getByLabel(startsWith(t['form.country'])).selectOption('LB');
    await page.getByLabel(startsWith(t['form.language'])).selectOption(lang);
    await page.getByLabel(startsWith(t['form.inputTitle'])).fill('Access to justice for migrant workers');
    await page.getByLabel(startsWith(t['form.summary'])).fill('Labour courts should hear migrant workers in their language.');
    await page.getByLabel(startsWith(t['form.body'])).fill('Interpreters and legal aid make the courts reachable.');
    await page.getByRole('checkbox', { name: objectiveLabel('6', lang), exact: true }).check();
    await page.getByRole('checkbox', { name: t['form.consentPublication'], exact: true }).check();
    // A person takes longer than this to fill the form in; faster is refused as a robot.
    await page.waitForTimeout(MIN_FILL_SECONDS * 1000);
    await page.getByRole('button', { name: t['form.submit'], exact: true }).click();
    await page.waitForURL(/\/received$/);
    expect(await violations(page), 'received').toEqual([]);
    expect(problems()).toEqual([]);
  });

  it.each(LANGUAGES)('the status page withdrawn, erased and published, and an input withdrawn from publication (410), in %s', async (lang) => {
    const t = CATALOGUES[lang];
    const { page, problems } = await openPage(browser);
    for (const [token, stage] of [[withdrawn.statusToken, 'withdrawn'], [erased.statusToken, 'erased'], [published.statusToken, 'published']] as const) {
      await expectAccessible(page, `/${lang}/status/${token}`);
      if (stage === 'erased') expect(await page.getByText(t['status.erased'].split('{')[0].trim()).count(), stage).toBe(1);
      else expect(await page.getByText(t[`status.stage.${stage}`], { exact: true }).count(), stage).toBe(1);
    }
    await expectAccessible(page, `/${lang}/inputs/${unpublished.reference}`, 410);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t['input.withdrawn.title'].replace('{reference}', unpublished.reference));
    expect(problems()).toEqual([]);
  });

  it('staff pages in Arabic and English, as an administrator', async () => {
    // The books page is checked with a finished book listed.
    await eventually(async () => (await listBooks(portal.db, forum.id)).every((b) => b.finishedAt !== null), 60_000, 'the book');
    const { page, problems } = await signedInPage(browser, portal.appUrl, admin);
    for (const lang of LANGUAGES) {
      for (const [file, path] of Object.entries(STAFF)) {
        await expectAccessible(page, path(lang));
        if (file === '$lang.staff.forums.$id.books._index.tsx') {
          const download = CATALOGUES[lang]['book.download'].split('{')[0].trim();
          expect(await page.getByRole('link', { name: download }).count(), 'a book listed').toBe(1);
        }
      }
    }
    expect(problems()).toEqual([]);
  });

  it('error pages in Arabic and English: not found, refused to a moderator, and an address that is not a page', async () => {
    const { page, problems } = await signedInPage(browser, portal.appUrl, moderator);
    for (const lang of LANGUAGES) {
      await expectAccessible(page, `/${lang}/no/such/page`, 404);
      await expectAccessible(page, `/${lang}/staff/forums/${forum.id}`, 403);
      await expectAccessible(page, `/${lang}/staff/logout`, 405);
      await expectAccessible(page, `/${lang}/inputs/${published.reference}/attachments/${crypto.randomUUID()}`, 404);
    }
    expect(problems()).toEqual([]);
  });

  it('the sign-in code step, in Arabic and English', async () => {
    for (const lang of LANGUAGES) {
      const t = CATALOGUES[lang];
      const { page } = await openPage(browser);
      await page.goto(url(`/${lang}/staff/login`));
      await page.getByLabel(t['staff.login.email'], { exact: true }).fill(admin.email);
      await page.getByLabel(t['staff.login.password'], { exact: true }).fill(admin.password);
      await page.getByRole('button', { name: t['staff.login.submit'], exact: true }).click();
      await page.waitForURL(/\/staff\/login\/code$/);
      expect(await violations(page), lang).toEqual([]);
    }
  });
});
