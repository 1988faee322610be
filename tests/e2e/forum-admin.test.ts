/**
 * Forum administration in Chromium, as the secretariat and submitters use it: an admin creates a
 * forum in English (local times in the forum's zone), it is listed on the home page in both
 * languages with the deadline also in the visitor's zone; a moderator is refused; a concurrent
 * edit is caught; the admin closes the call and generates a late-access code in Arabic; a visitor
 * without the code is refused, a submitter with it sends an input without JavaScript, recorded as
 * late; once revoked, the code opens nothing.
 */
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_FILL_SECONDS } from '../../app/modules/abuse/form-timing';
import { staffTime } from '../../app/modules/time/format-instant';
import { localToUtc, parseLocalInput, toLocalInput } from '../../app/modules/time/zoned-time';
import { auditEvents, forums, submissions } from '../../db/schema';
import { launchChromium, openPage } from '../helpers/browser';
import { createStaff, signInInBrowser, type TestStaff } from '../helpers/staff';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let browser: Browser;
let admin: TestStaff;
let moderator: TestStaff;
const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });
const url = (path: string) => `${portal.appUrl}${path}`;
const ZONE = 'America/Santiago';
const DAY = 86_400_000;
const slug = `rr-2030-eclac-${crypto.randomUUID().slice(0, 6)}`;
const prefix = `RR30${crypto.randomUUID().slice(0, 4).toUpperCase().replace(/[^A-Z0-9]/g, 'X')}`;
const nameEn = 'Regional Review 2030 – Latin America and the Caribbean';
const nameAr = 'الاستعراض الإقليمي 2030 – أمريكا اللاتينية ومنطقة البحر الكاريبي';
let forumId = '';
let lateCode = '';

const signIn = (page: Page, who: TestStaff) => signInInBrowser(page, portal.appUrl, who);

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.forumAdmin);
  admin = await createStaff(portal.db, { email: 'forum-admin@un.example', displayName: 'Secretariat Admin', role: 'admin' });
  moderator = await createStaff(portal.db, { email: 'forum-moderator@un.example', displayName: 'A Moderator', role: 'moderator' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('forum administration', () => {
  it('an admin creates a forum in English; it is listed on the home page with the deadline in two time zones', async () => {
    // The visitor's own zone differs from the forum's, so the second time is shown.
    const { page, problems } = await openPage(browser, { timezoneId: 'Asia/Tokyo' });
    await signIn(page, admin);
    await page.getByRole('link', { name: 'Forums' }).click();
    await page.getByRole('link', { name: 'Create a forum' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Create a forum');

    const opens = toLocalInput(new Date(Date.now() - DAY), ZONE);
    const closes = toLocalInput(new Date(Date.now() + 30 * DAY), ZONE).slice(0, 11) + '17:00';
    await page.getByLabel(/^Short name for the web address/).fill(slug);
    await page.getByLabel(/^Reference prefix/).fill(prefix.toLowerCase());
    await page.getByLabel(/^Scope/).selectOption('ECLAC');
    await page.getByLabel(/^Name in English/).fill(nameEn);
    await page.getByLabel(/^Guidance in English/).fill('Share progress on the Global Compact in the region.');
    await page.getByLabel(/^Name in Arabic/).fill(nameAr);
    await page.getByLabel(/^Guidance in Arabic/).fill('شارِك التقدم المحرز في تنفيذ الاتفاق العالمي في المنطقة.');
    await page.getByLabel(/^Time zone of the call/).selectOption(ZONE);
    await page.getByLabel(/^Opens/).fill(opens);
    await page.getByLabel(/^Closes/).fill(closes);
    const languages = page.getByRole('group', { name: /Languages inputs may be written in/ });
    for (const language of ['Chinese', 'Russian']) await languages.getByRole('checkbox', { name: language }).uncheck();
    await page.getByLabel(/^Summary: fewest characters/).fill('20');
    await page.getByRole('checkbox', { name: 'Plain text (TXT)' }).check();
    await page.getByRole('checkbox', { name: 'Guiding principles (at least one)' }).check();
    await page.getByRole('checkbox', { name: '“Publish the name of my organisation” starts ticked' }).check();
    await page.screenshot(shot('en-admin-forum-new'));
    await page.getByRole('button', { name: 'Create forum' }).click();

    await expect.poll(() => page.getByRole('status').textContent()).toBe('The forum was created. It is listed on the home page.');
    forumId = /\/staff\/forums\/([0-9a-f-]{36})/.exec(page.url())![1];
    const [stored] = await portal.db.select().from(forums).where(eq(forums.id, forumId));
    const expectedClose = localToUtc(parseLocalInput(closes)!, ZONE);
    expect(expectedClose.ok && stored.closesAt.toISOString()).toBe(expectedClose.ok && expectedClose.at.toISOString());
    expect(stored).toMatchObject({
      slug,
      referencePrefix: prefix,
      scope: 'ECLAC',
      timeZone: ZONE,
      inputLanguages: ['ar', 'en', 'fr', 'es'],
      requiredFields: ['principles'],
      publishOrganisationByDefault: true,
      attachmentRules: { allowedTypes: ['pdf', 'docx', 'odt', 'txt'], maxSizeMb: 10, maxCount: 1 },
    });
    expect(stored.limits).toMatchObject({ summaryMinChars: 20, summaryMaxChars: 1500 });
    const audit = await portal.db.select().from(auditEvents).where(eq(auditEvents.forumId, forumId)).orderBy(auditEvents.id);
    expect(audit.map((a) => a.action)).toEqual(['forum.created']);
    // What was saved, in UTC as the page's language writes it, with the instant for machines.
    for (const at of [stored.opensAt, stored.closesAt]) {
      const saved = page.locator(`time[datetime="${at.toISOString()}"]`);
      expect(await saved.textContent()).toBe(staffTime(at, 'en').text);
      expect(await saved.textContent()).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M UTC$/);
    }
    expect(await page.getByText(/Saved as [A-Z][a-z]{2} \d{1,2}, \d{4}, .+ UTC\./).count()).toBe(2);
    await page.screenshot(shot('en-admin-forum-created'));

    await page.goto(url('/en/staff/forums'));
    const row = page.getByRole('row').filter({ hasText: nameEn });
    expect(await row.getByText('Open for inputs').count()).toBe(1);
    await page.screenshot(shot('en-admin-forum-list'));

    // Public: listed and open, the deadline in the forum's zone and in the visitor's.
    await page.goto(url('/en'));
    const card = page.getByRole('region', { name: nameEn });
    expect(await card.getByText('Open for inputs').count()).toBe(1);
    expect(await card.getByText(`(${ZONE})`, { exact: false }).count()).toBe(1);
    await expect.poll(() => card.getByText(/In your time zone \(Asia\/Tokyo\)/).count()).toBe(1);
    await page.goto(url('/ar'));
    expect(await page.getByRole('region', { name: nameAr }).getByText('مفتوحة لتلقي المساهمات').count()).toBe(1);
    await page.goto(url(`/en/forums/${slug}/submit`));
    expect(await page.getByText(/The server clock decides/).count()).toBe(1);
    await expect.poll(() => page.locator('.visitor-time').first().textContent()).toMatch(/^In your time zone \(Asia\/Tokyo\): /);
    // The call's publication default: the organisation box starts ticked, the name box does not.
    expect(await page.getByRole('checkbox', { name: 'Publish the name of my organisation with the input' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Publish my name with the input' }).isChecked()).toBe(false);
    expect(problems()).toEqual([]);
    await page.context().close();
  });

  it('a moderator may not manage forums', async () => {
    const { page } = await openPage(browser);
    await signIn(page, moderator);
    expect(await page.getByRole('link', { name: 'Forums' }).count()).toBe(0);
    for (const path of ['/en/staff/forums', `/en/staff/forums/${forumId}`, `/ar/staff/forums/${forumId}/late-access`]) {
      const response = await page.goto(url(path));
      expect(response?.status(), path).toBe(403);
    }
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('غير مسموح');
    const post = await page.request.post(url(`/en/staff/forums/${forumId}/late-access`), { form: { intent: 'generate' }, headers: { Origin: portal.appUrl } });
    expect(post.status()).toBe(403);
    await page.context().close();
  });

  it('an edit made on an old version is refused and the current settings are shown', async () => {
    const { page } = await openPage(browser);
    await signIn(page, admin);
    const other = await page.context().newPage();
    await page.goto(url(`/en/staff/forums/${forumId}`));
    await other.goto(url(`/en/staff/forums/${forumId}`));
    await other.getByLabel(/^Full text: most words/).fill('2500');
    await other.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => other.getByRole('status').textContent()).toBe('The settings were saved.');

    await page.getByLabel(/^Title: most characters/).fill('120');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/^Another admin changed this forum meanwhile/);
    await expect.poll(() => page.getByLabel(/^Full text: most words/).inputValue()).toBe('2500');
    expect(await page.getByLabel(/^Title: most characters/).inputValue()).toBe('200');
    const [stored] = await portal.db.select().from(forums).where(eq(forums.id, forumId));
    expect(stored.limits).toMatchObject({ titleMaxChars: 200, bodyMaxWords: 2500 });
    expect(stored.version).toBe(2);
    await page.context().close();
  });

  it('in Arabic, the admin closes the call and generates a late-access code shown once', async () => {
    const { page, problems } = await openPage(browser);
    await signIn(page, admin);
    await page.goto(url(`/ar/staff/forums/${forumId}`));
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByLabel(/^تُغلق/).fill(toLocalInput(new Date(Date.now() - 2 * 60_000), ZONE));
    await page.getByLabel(/^الإرشادات باللغة العربية/).fill('شارِك التقدم المحرز في تنفيذ الاتفاق العالمي في منطقتك.');
    await page.screenshot(shot('ar-admin-forum-edit'));
    await page.getByRole('button', { name: 'احفظ الإعدادات' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('حُفظت الإعدادات.');
    // The history names what was done and which settings changed, in words, listed as Arabic lists them.
    const history = page.getByRole('list').filter({ hasText: 'أنشأ منتدى' });
    const changed = new Intl.ListFormat('ar', { type: 'conjunction' }).format(['الإرشادات', 'موعد الإغلاق']);
    expect(await history.getByText(`غيّر إعدادات منتدى (${changed})`).count()).toBe(1);
    expect(await history.getByText('غيّر إعدادات منتدى (حدود الطول)').count()).toBe(1);
    expect(await history.getByText(/forum\.|closesAt|guidance/).count()).toBe(0);
    await page.screenshot(shot('ar-admin-forum-history'));
    await page.goto(url(`/en/staff/forums/${forumId}`));
    expect(await page.getByText('Changed forum settings (guidance and closing)').count()).toBe(1);
    expect(await page.getByText('Changed forum settings (length limits)').count()).toBe(1);
    expect(await page.getByText('Created a forum').count()).toBe(1);
    await page.goto(url(`/ar/staff/forums/${forumId}`));

    await page.getByRole('link', { name: 'رموز الدخول المتأخر' }).click();
    await page.getByRole('button', { name: 'أنشئ رمزًا' }).click();
    await expect.poll(() => page.getByTestId('late-code').count()).toBe(1);
    lateCode = (await page.getByTestId('late-code').textContent())!.trim();
    expect(lateCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    // The list reloads after the action: wait for it rather than race it.
    await expect.poll(() => page.getByRole('cell', { name: 'صالح', exact: true }).count()).toBe(1);
    await page.screenshot(shot('ar-admin-late-code'));
    // Shown once: reloading the page shows only its last characters.
    await page.goto(page.url());
    expect(await page.getByText(lateCode).count()).toBe(0);
    expect(await page.getByText(`…${lateCode.slice(-4)}`).count()).toBe(1);
    await page.goto(url('/ar'));
    expect(await page.getByRole('region', { name: nameAr }).getByText('مغلقة').count()).toBe(1);
    expect(problems()).toEqual([]);
    await page.context().close();
  });

  it('refuses a visitor without a code, on the page and on a crafted POST', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(url(`/en/forums/${slug}/submit`));
    expect(await page.getByText(/^This call closed on .+ If the secretariat gave you a late-access code/).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Send input' }).count()).toBe(0);
    await page.getByLabel('Late-access code', { exact: true }).fill('ABCD-EFGH-JKMN-PQRS-TVWX');
    await page.getByRole('button', { name: 'Open the form' }).click();
    await expect.poll(() => page.getByText('This late-access code is not valid for this call, has expired or was revoked. Ask the secretariat for a new one.').count()).toBe(1);
    await page.screenshot(shot('en-closed-call-refused'));
    expect(problems()).toEqual([]);

    const post = await page.request.post(url(`/en/forums/${slug}/submit`), {
      form: { idempotencyKey: crypto.randomUUID(), title: 'Late', late: 'ABCD-EFGH-JKMN-PQRS-TVWX' },
      headers: { Origin: portal.appUrl },
    });
    expect(post.status()).toBe(403);
    expect(await post.text()).toContain('This late-access code is not valid for this call');
    await page.context().close();
  });

  it('lets a submitter with the code send an input without JavaScript, in Arabic, recorded as late', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url(`/ar/forums/${slug}`));
    await page.getByText('هل لديك رمز دخول متأخر؟').click();
    await page.getByLabel('رمز الدخول المتأخر', { exact: true }).fill(lateCode.toLowerCase());
    await page.getByRole('button', { name: 'افتح النموذج' }).click();
    // Without JavaScript the form is a new document: wait for all of it before reading it.
    await page.waitForURL(/\/submit\?/, { waitUntil: 'load' });
    await expect.poll(() => page.getByText(/^أنت تستخدم رمز دخول متأخر/).count()).toBe(1);
    // Drafts belong to an open call: someone let in late sends at once.
    expect(await page.getByRole('button', { name: 'احفظ مسودة وأرسل لي رابطًا' }).count()).toBe(0);
    // The call requires a guiding principle and ticks "publish my organisation" from the start.
    expect(await page.getByRole('checkbox', { name: 'انشروا اسم منظمتي مع المساهمة' }).isChecked()).toBe(true);
    const email = `late-${crypto.randomUUID().slice(0, 8)}@example.org`;
    await page.getByRole('radio', { name: 'منظمة' }).check();
    await page.getByLabel('اسمك').fill('لويس فرنانديز');
    await page.getByLabel('المنظمة (إن وُجدت)').fill('شبكة المهاجرين في الأنديز');
    await page.getByLabel('البريد الإلكتروني').fill(email);
    await page.getByLabel('فئة أصحاب المصلحة').selectOption({ label: 'منظمات المجتمع المدني' });
    await page.getByLabel('البلد').selectOption('PE');
    await page.getByLabel('لغة كتابة المساهمة').selectOption('ar');
    await page.getByLabel('عنوان المساهمة').fill('حماية العمال المهاجرين في منطقة الأنديز');
    await page.getByLabel('الملخص').fill('توصيات بشأن الهدفين 6 و15 من الاتفاق العالمي.');
    await page.getByLabel('النص الكامل').fill('يحتاج العمال المهاجرون إلى الوصول إلى العدالة والخدمات الأساسية.');
    await page.getByRole('group', { name: /أهداف الاتفاق العالمي/ }).getByRole('checkbox', { name: /التوظيف العادل/ }).check();
    await page.getByRole('checkbox', { name: 'أوافق على نشر هذه المساهمة إذا قُبلت.' }).check();
    await page.waitForTimeout(MIN_FILL_SECONDS * 1000);
    await page.getByRole('button', { name: 'أرسل المساهمة' }).click();
    // The call requires a principle: the form comes back with the code still in it.
    await expect.poll(() => page.getByRole('link', { name: /المبادئ التوجيهية/ }).count()).toBe(1);
    await page.getByRole('group', { name: /المبادئ التوجيهية/ }).getByRole('checkbox', { name: 'حقوق الإنسان' }).check();
    await page.screenshot(shot('ar-late-submit-form'));
    await page.getByRole('button', { name: 'أرسل المساهمة' }).click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('تم استلام مساهمتك');
    const reference = (await page.locator('.reference').textContent())!.trim();
    expect(reference).toMatch(new RegExp(`^${prefix}-0001$`));
    const [row] = await portal.db.select().from(submissions).where(eq(submissions.reference, reference));
    expect(row.publishOrganisation).toBe(true);
    const [received] = await portal.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.submissionId, row.id), eq(auditEvents.action, 'submission.received')));
    expect(received.details).toMatchObject({ reference, late: true });
    await context.close();
  });

  it('a revoked code opens nothing', async () => {
    const { page, problems } = await openPage(browser);
    await signIn(page, admin);
    await page.goto(url(`/en/staff/forums/${forumId}/late-access`));
    await page.getByRole('button', { name: `Revoke the code ending in ${lateCode.slice(-4)}` }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('The code was revoked: it no longer opens the form.');
    await expect.poll(() => page.getByRole('cell', { name: 'Revoked', exact: true }).count()).toBe(1);
    await page.screenshot(shot('en-admin-late-code-revoked'));
    await page.goto(url(`/en/forums/${slug}/submit?late=${lateCode}`));
    expect(await page.getByText(/has expired or was revoked/).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Send input' }).count()).toBe(0);
    const audit = await portal.db.select().from(auditEvents).where(eq(auditEvents.forumId, forumId)).orderBy(auditEvents.id);
    expect(audit.map((a) => a.action)).toEqual(['forum.created', 'forum.updated', 'forum.updated', 'forum.late_code.created', 'forum.late_code.revoked']);
    expect(problems()).toEqual([]);
    await page.context().close();
  });
});
