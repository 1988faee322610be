/**
 * Staff forms refused, in Chromium, in English and Arabic, with JavaScript and without: inviting
 * a staff member and changing one's access, deciding on an input (alone and in bulk) and noting
 * it, the public version and withdrawal from publication, choosing a password from an invitation,
 * and a late-access code's expiry. Each answers as the public form does: focus on an error summary at the top that lists every problem as a link to its field; the
 * field says it is invalid and is described by its message; the link takes focus to the field;
 * what was typed comes back; and axe finds nothing wrong with the page (checked with JavaScript:
 * axe needs the page's timers, which do not run without it; the server renders the same markup).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../app/i18n/translate';
import { decide } from '../../app/modules/moderation/decide';
import { MIN_PASSWORD_LENGTH } from '../../app/modules/staff/password-rules';
import { issueInviteLink } from '../../app/modules/staff/staff-invites';
import type { Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { violations } from '../helpers/axe';
import { launchChromium, openPage } from '../helpers/browser';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';
import { createStaff, signedInPage, type TestStaff } from '../helpers/staff';

type Lang = 'en' | 'ar';
interface Problem { field: string; label: string; message: string }

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let browser: Browser;
let forum: Forum;
let moderator: TestStaff;
const url = (p: string) => `${portal.appUrl}${p}`;

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.staffFormErrors);
  forum = await createForum(portal.db, 'open', { name: { en: 'Form errors review', ar: 'مراجعة أخطاء النماذج' }, timeZone: 'Asia/Beirut' });
  moderator = await createStaff(portal.db, { email: 'form-errors-mod@un.example', displayName: 'Rania', role: 'moderator' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

/** Is the element focused? */
const focused = (page: Page, id: string) => page.evaluate((i) => document.activeElement?.id === i, id);

/**
 * The page answers a refused form with focus on a summary listing exactly `problems`, each a link
 * to its field; every field is marked invalid and described by its message; axe finds nothing.
 */
async function expectErrorSummary(page: Page, lang: Lang, problems: Problem[], { axe }: { axe: boolean }): Promise<void> {
  const t = translator(lang);
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: t('form.errorSummary', { count: problems.length }), exact: true }) });
  await expect.poll(() => summary.count(), { message: 'the error summary' }).toBe(1);
  await expect.poll(() => summary.evaluate((el) => el === document.activeElement), { message: 'focus on the summary' }).toBe(true);
  const links = await summary.getByRole('link').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
  expect(links).toEqual(problems.map((p) => [`#${p.field}`, `${p.label}: ${p.message}`]));
  for (const p of problems) {
    // Polled: without JavaScript the summary at the top can be read while the rest of the
    // streamed document, with the field, is still arriving.
    const field = () =>
      page.evaluate((id) => {
        const el = document.getElementById(id);
        const described = (el?.getAttribute('aria-describedby') ?? '').split(' ').map((d) => document.getElementById(d)?.textContent);
        return { invalid: el?.getAttribute('aria-invalid'), described };
      }, p.field);
    await expect.poll(field, { message: p.field }).toEqual({ invalid: 'true', described: expect.arrayContaining([p.message]) });
  }
  if (axe) expect(await violations(page)).toEqual([]);
}

/** Follows the summary's link to a field: focus moves to the field. */
async function followLink(page: Page, problem: Problem): Promise<void> {
  await page.getByRole('link', { name: `${problem.label}: ${problem.message}`, exact: true }).click();
  await expect.poll(() => focused(page, problem.field), { message: `focus on ${problem.field}` }).toBe(true);
}

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

describe.each([
  { way: 'with JavaScript', javaScriptEnabled: true },
  { way: 'without JavaScript', javaScriptEnabled: false },
])('$way', ({ javaScriptEnabled }) => {
  const js = javaScriptEnabled ? 'js' : 'nojs';
  const checks = { axe: javaScriptEnabled };

  it.each(['en', 'ar'] as const)('inviting a staff member and changing one’s access, in %s', async (lang) => {
    const t = translator(lang);
    const admin = await createStaff(portal.db, { email: `form-errors-admin-${js}-${lang}@un.example`, role: 'admin' });
    const { page, problems } = await signedInPage(browser, portal.appUrl, admin, lang, { javaScriptEnabled });
    await page.goto(url(`/${lang}/staff/team/new`));
    const send = page.getByRole('button', { name: t('staff.team.sendInvite'), exact: true });
    await send.click();
    const required = t('error.required');
    const empty = [
      { field: 'displayName', label: t('staff.team.name'), message: required },
      { field: 'email', label: t('staff.team.email'), message: required },
      { field: 'role', label: t('staff.team.role'), message: required },
    ];
    await expectErrorSummary(page, lang, empty, checks);
    if (!javaScriptEnabled) await page.screenshot(shot(`${lang}-staff-invite-errors`));
    await followLink(page, empty[2]);
    // Refused again with the same problems: focus goes back to the summary.
    await send.click();
    await expectErrorSummary(page, lang, empty, checks);

    await page.getByLabel(t('staff.team.name'), { exact: true }).fill('Omar Haddad');
    await page.getByLabel(t('staff.team.email'), { exact: true }).fill(`omar-${js}-${lang}@un.example`);
    await page.getByRole('radio', { name: t('staff.role.moderator.long'), exact: true }).check();
    await page.getByRole('radio', { name: t('staff.team.someForums'), exact: true }).check();
    await send.click();
    const noForum = { field: 'forumIds', label: t('staff.team.forums'), message: t('staff.team.error.noForums') };
    await expectErrorSummary(page, lang, [noForum], checks);
    expect(await page.getByLabel(t('staff.team.name'), { exact: true }).inputValue()).toBe('Omar Haddad');
    await followLink(page, noForum);

    // The same fields when changing a member's access.
    const member = await createStaff(portal.db, { email: `form-errors-member-${js}-${lang}@un.example`, role: 'moderator' });
    await page.goto(url(`/${lang}/staff/team/${member.id}`));
    await page.getByRole('radio', { name: t('staff.team.someForums'), exact: true }).check();
    await page.getByRole('button', { name: t('staff.member.saveAccess'), exact: true }).click();
    await expectErrorSummary(page, lang, [noForum], checks);
    expect(problems()).toEqual([]);
  });

  it.each(['en', 'ar'] as const)('deciding on an input, alone and in bulk, and noting it, in %s', async (lang) => {
    const t = translator(lang);
    const input = await createTestSubmission(portal.db, forum, { title: `To be decided ${js} ${lang}` });
    const { page, problems } = await signedInPage(browser, portal.appUrl, moderator, lang, { javaScriptEnabled });
    await page.goto(url(`/${lang}/staff/submissions/${input.id}`));
    const reject = page.getByRole('button', { name: t('staff.detail.reject'), exact: true });
    await reject.click();
    const required = t('error.required');
    const category = { field: 'category', label: t('staff.detail.category'), message: required };
    const reason = { field: 'reason', label: t('staff.detail.reason'), message: required };
    // Both problems of the rejection at once.
    await expectErrorSummary(page, lang, [category, reason], checks);
    await page.screenshot(shot(`${lang}-staff-decision-errors-${js}`));
    await followLink(page, category);
    await page.getByLabel(t('staff.detail.reason'), { exact: true }).fill('Not about migration.');
    await reject.click();
    await expectErrorSummary(page, lang, [category], checks);
    expect(await page.getByLabel(t('staff.detail.reason'), { exact: true }).inputValue()).toBe('Not about migration.');

    // A publication time in the past.
    await page.getByRole('radio', { name: t('publication.when.scheduled'), exact: true }).check();
    const time = { field: 'publishAt', label: t('publication.publishAt', { zone: 'Asia/Beirut' }), message: t('publication.error.past') };
    await page.getByLabel(time.label, { exact: true }).fill('2020-01-01T09:00');
    await page.getByRole('button', { name: t('staff.detail.accept'), exact: true }).click();
    await expectErrorSummary(page, lang, [time], checks);
    await followLink(page, time);

    // An empty note.
    await page.getByRole('button', { name: t('staff.detail.saveNote'), exact: true }).click();
    const note = { field: 'note', label: t('staff.detail.addNote'), message: required };
    await expectErrorSummary(page, lang, [note], checks);
    await followLink(page, note);

    // The bulk decision of the queue: a rejection without its category and message.
    await page.goto(url(`/${lang}/staff?forum=${forum.id}`));
    const select = page.getByRole('checkbox', { name: t('staff.queue.selectOne', { reference: input.reference }), exact: true });
    await select.check();
    await page.getByLabel(t('staff.bulk.decision'), { exact: true }).selectOption('reject');
    await page.getByRole('button', { name: t('staff.bulk.apply'), exact: true }).click();
    const bulk = [
      { field: 'category', label: t('staff.bulk.category'), message: required },
      { field: 'reason', label: t('staff.bulk.reason'), message: required },
    ];
    await expectErrorSummary(page, lang, bulk, checks);
    expect(await select.isChecked(), 'the ticked input stays ticked').toBe(true);
    expect(await page.getByLabel(t('staff.bulk.decision'), { exact: true }).inputValue()).toBe('reject');
    await followLink(page, bulk[1]);
    expect(problems()).toEqual([]);
  });

  it.each(['en', 'ar'] as const)('the public version and withdrawal from publication, in %s', async (lang) => {
    const t = translator(lang);
    const publisher = await createStaff(portal.db, { email: `form-errors-publisher-${js}-${lang}@un.example`, role: 'moderator' });
    const input = await createTestSubmission(portal.db, forum, { title: `Published ${js} ${lang}` });
    expect(await decide(portal.db, { submissionId: input.id, expectedVersion: 1, staffId: publisher.id, request: { decision: 'accepted' } })).toEqual({ ok: true });
    const { page, problems } = await signedInPage(browser, portal.appUrl, publisher, lang, { javaScriptEnabled });
    await page.goto(url(`/${lang}/staff/submissions/${input.id}/publication`));
    await page.getByLabel(t('publication.field.title'), { exact: true }).fill('');
    await page.getByLabel(t('publication.field.body'), { exact: true }).fill('');
    await page.getByRole('button', { name: t('publication.save'), exact: true }).click();
    const required = t('error.required');
    const texts = [
      { field: 'title', label: t('publication.field.title'), message: required },
      { field: 'body', label: t('publication.field.body'), message: required },
    ];
    await expectErrorSummary(page, lang, texts, checks);
    await followLink(page, texts[1]);

    await page.getByRole('button', { name: t('publication.unpublish'), exact: true }).click();
    const reason = { field: 'reason', label: t('publication.unpublishReason'), message: required };
    await expectErrorSummary(page, lang, [reason], checks);
    await followLink(page, reason);
    expect(problems()).toEqual([]);
  });

  it.each(['en', 'ar'] as const)('choosing a password from an invitation, and the expiry of a late-access code, in %s', async (lang) => {
    const t = translator(lang);
    const invited = await createStaff(portal.db, { email: `form-errors-invited-${js}-${lang}@un.example`, role: 'moderator' });
    const token = await portal.db.transaction((tx) => issueInviteLink(tx, invited.id, lang, null));
    const invitation = await openPage(browser, { javaScriptEnabled });
    const page = invitation.page;
    await page.goto(url(`/${lang}/staff/invite/${token}`));
    const save = page.getByRole('button', { name: t('staff.invite.submit'), exact: true });
    await page.getByLabel(t('staff.invite.password'), { exact: true }).fill('short');
    await save.click();
    const tooShort = { field: 'password', label: t('staff.invite.password'), message: t('staff.invite.too_short', { min: MIN_PASSWORD_LENGTH }) };
    await expectErrorSummary(page, lang, [tooShort], checks);
    await followLink(page, tooShort);
    await page.getByLabel(t('staff.invite.password'), { exact: true }).fill('four unrelated words here');
    await page.getByLabel(t('staff.invite.repeat'), { exact: true }).fill('four unrelated words there');
    await save.click();
    const mismatch = { field: 'repeat', label: t('staff.invite.repeat'), message: t('staff.invite.mismatch') };
    await expectErrorSummary(page, lang, [mismatch], checks);
    await followLink(page, mismatch);
    expect(invitation.problems()).toEqual([]);
    await page.context().close();

    const admin = await createStaff(portal.db, { email: `form-errors-late-${js}-${lang}@un.example`, role: 'admin' });
    const staffSide = await signedInPage(browser, portal.appUrl, admin, lang, { javaScriptEnabled });
    await staffSide.page.goto(url(`/${lang}/staff/forums/${forum.id}/late-access`));
    const expiryLabel = t('lateCode.expiresAt', { zone: forum.timeZone });
    await staffSide.page.getByLabel(expiryLabel, { exact: true }).fill('2020-01-01T10:00');
    await staffSide.page.getByRole('button', { name: t('lateCode.generate'), exact: true }).click();
    const past = { field: 'expiresAt', label: expiryLabel, message: t('lateCode.error.expiryPast') };
    await expectErrorSummary(staffSide.page, lang, [past], checks);
    await followLink(staffSide.page, past);
    expect(staffSide.problems()).toEqual([]);
  });
});
