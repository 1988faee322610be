/**
 * The whole path in Chromium, as people use it: a submitter sends an input in Arabic and sees the
 * reference; confirms the address with the link e-mailed to it; the acknowledgement with its PDF
 * receipt arrives in the capture mailbox; a moderator
 * signs in and accepts; the input appears on the public listing. Then the same form in English,
 * through a validation error, and the status page's actions (confirm, withdraw, download, erase),
 * without JavaScript and with it.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_FILL_SECONDS } from '../../app/modules/abuse/form-timing';
import type { Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { launchChromium, openPage } from '../helpers/browser';
import { arabicFixture, TRICKY_TEXTS } from '../helpers/fixtures';
import { createStaff, signInInBrowser, type TestStaff } from '../helpers/staff';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { eventually, mailTo } from '../helpers/services';
import { REDIS_DB } from '../helpers/redis-databases';

/** The private status link from the first e-mail the submitter received (the confirmation request). */
async function statusLinkFor(email: string): Promise<string> {
  const [mail] = await eventually(async () => ((await mailTo(email)).length > 0 ? mailTo(email) : undefined), 30_000, 'confirmation e-mail');
  const link = /https?:\/\/\S+\/status\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? '')?.[0];
  if (!link) throw new Error('no status link in the confirmation e-mail');
  return link;
}

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let browser: Browser;
let forum: Forum;
let admin: TestStaff;
const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.wholePath);
  forum = await createForum(portal.db, 'open', { name: { en: 'IMRF 2026 test call', ar: 'منتدى استعراض الهجرة الدولية 2026 للاختبار' } });
  admin = await createStaff(portal.db, { email: 'e2e-admin@un.example', displayName: 'E2E Admin', role: 'admin' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('the whole path', () => {
  it('submit in Arabic → reference → acknowledgement with PDF → moderator accepts → public listing', async () => {
    const { page, problems } = await openPage(browser);
    const url = (p: string) => `${portal.appUrl}${p}`;
    const body = arabicFixture('ar-arab-region-imrf-briefing').trim();
    const email = `e2e-${crypto.randomUUID().slice(0, 8)}@example.org`;

    await page.goto(url(`/ar/forums/${forum.slug}/submit`));
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    await page.getByRole('radio', { name: 'منظمة' }).check();
    await page.getByLabel('اسمك').fill('أمينة حداد');
    await page.getByLabel('المنظمة (إن وُجدت)').fill('شبكة حقوق المهاجرين');
    await page.getByLabel('البريد الإلكتروني').fill(email);
    await page.getByLabel('فئة أصحاب المصلحة').selectOption({ label: 'منظمات المجتمع المدني' });
    await page.getByLabel('البلد').selectOption('LB');
    await page.getByLabel('لغة كتابة المساهمة').selectOption('ar');
    await page.getByLabel('عنوان المساهمة').fill(TRICKY_TEXTS.mixed);
    await page.getByLabel('الملخص').fill(TRICKY_TEXTS.vowelled);
    await page.getByLabel('النص الكامل').fill(body);
    const objectives = page.getByRole('group', { name: /أهداف الاتفاق العالمي/ });
    await objectives.getByRole('checkbox', { name: /التوظيف العادل/ }).check();
    await objectives.getByRole('checkbox', { name: /التعاون الدولي/ }).check();
    await page.getByRole('group', { name: /المبادئ التوجيهية/ }).getByRole('checkbox', { name: 'حقوق الإنسان' }).check();
    // Published under the organisation's name only: the personal name stays private.
    await page.getByRole('checkbox', { name: 'أوافق على نشر هذه المساهمة إذا قُبلت.' }).check();
    await page.getByRole('checkbox', { name: 'انشروا اسم منظمتي مع المساهمة' }).check();
    await page.screenshot(shot('ar-submit-form'));
    // A person needs more than the minimum fill time; a form sent faster is refused as a bot's.
    await page.waitForTimeout(MIN_FILL_SECONDS * 1000);
    await page.getByRole('button', { name: 'أرسل المساهمة' }).click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('تم استلام مساهمتك');
    const reference = (await page.getByRole('status').locator('.reference').textContent())!.trim();
    expect(reference).toMatch(new RegExp(`^${forum.referencePrefix}-\\d{4}$`));
    await page.screenshot(shot('ar-received'));

    // Not public before a decision.
    const hidden = await page.goto(url(`/ar/inputs/${reference}`));
    expect(hidden?.status()).toBe(404);

    // The address is confirmed with the status link from the e-mail; only then is there a receipt.
    const statusLink = await statusLinkFor(email);
    await page.goto(statusLink);
    expect(await page.getByText('في انتظار تأكيد عنوان بريدك الإلكتروني').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'تنزيل الإيصال (PDF)' }).count()).toBe(0);
    await page.screenshot(shot('ar-status-confirm'));
    await page.getByRole('button', { name: 'أكِّد عنوان بريدي الإلكتروني' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('تأكَّد عنوانك');

    // The acknowledgement arrives, in Arabic, with the receipt.
    await page.goto(url('/dev/mail'));
    const subject = `تم الاستلام: مساهمتك ${reference} في منتدى استعراض الهجرة الدولية 2026 للاختبار`;
    await expect
      .poll(async () => {
        await page.reload();
        return page.getByRole('link', { name: subject }).count();
      }, { timeout: 30_000 })
      .toBe(1);
    await page.getByRole('link', { name: subject }).click();
    const receiptLink = page.getByRole('link', { name: `receipt-${reference}.pdf` });
    const pdf = await page.request.get(url((await receiptLink.getAttribute('href'))!));
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.screenshot(shot('mail-acknowledgement'));

    // The private status page says where the input stands, and offers the receipt.
    await page.goto(statusLink);
    expect(await page.getByText('تم الاستلام، وهي قيد المراجعة لدى الأمانة').count()).toBe(1);
    const receipt = await page.request.get(url((await page.getByRole('link', { name: 'تنزيل الإيصال (PDF)' }).getAttribute('href'))!));
    expect((await receipt.body()).subarray(0, 5).toString()).toBe('%PDF-');
    // The same document as the e-mail's attachment, byte for byte: stored once, never re-rendered.
    expect(Buffer.compare(await receipt.body(), await pdf.body())).toBe(0);
    await page.screenshot(shot('ar-status'));

    // A moderator signs in and accepts.
    await signInInBrowser(page, portal.appUrl, admin);
    await page.getByRole('link', { name: reference }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(TRICKY_TEXTS.mixed);
    await page.screenshot(shot('staff-review'));
    await page.getByRole('button', { name: 'Accept and publish' }).click();
    await expect.poll(() => page.getByText('Decision: Accepted').count()).toBe(1);

    // The public listing and page now show it, in its own direction.
    await page.goto(url(`/ar/forums/${forum.slug}`));
    await page.getByRole('link', { name: TRICKY_TEXTS.mixed }).click();
    await page.waitForURL(/\/inputs\/[^/?]+$/, { waitUntil: 'load' }); // a public page is a new document: wait for all of it
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(TRICKY_TEXTS.mixed);
    expect(await page.getByRole('definition').filter({ hasText: 'شبكة حقوق المهاجرين' }).count()).toBe(1);
    expect(await page.getByRole('definition').filter({ hasText: 'حقوق الإنسان' }).count()).toBe(1);
    const publicText = await page.locator('body').textContent();
    expect(publicText).not.toContain(email);
    expect(publicText).not.toContain('أمينة حداد');
    await page.screenshot(shot('ar-public-input'));
    await page.goto(statusLink);
    expect(await page.getByText('مقبولة ومنشورة').count()).toBe(1);
    expect(problems()).toEqual([]);
    await page.context().close();
  });

  it.each([
    { way: 'without JavaScript', javaScriptEnabled: false },
    { way: 'with JavaScript', javaScriptEnabled: true },
  ])('works $way in English: a validation error keeps what was typed; confirm, withdraw, download and erase', async ({ javaScriptEnabled }) => {
    const { page, problems } = await openPage(browser, { javaScriptEnabled });
    const context = page.context();
    await page.goto(`${portal.appUrl}/en/forums/${forum.slug}/submit`);
    await page.getByLabel('Your name').fill('Jean Dupont');
    await page.getByLabel('E-mail address').fill('not an address');
    await page.getByLabel('Title of the input').fill('Regular pathways in West Africa');
    await page.getByRole('button', { name: 'Send input' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect.poll(() => summary.count()).toBe(1);
    expect(await summary.getByRole('link', { name: /E-mail address: Enter one e-mail address/ }).count()).toBe(1);
    expect(await summary.getByRole('link', { name: /agree to its publication/ }).count()).toBe(1);
    expect(await page.getByLabel('Your name').inputValue()).toBe('Jean Dupont');
    expect(await page.getByLabel('Title of the input').inputValue()).toBe('Regular pathways in West Africa');
    if (!javaScriptEnabled) await page.screenshot(shot('en-form-errors'));

    const email = `jean-${crypto.randomUUID().slice(0, 8)}@example.org`;
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Stakeholder group').selectOption('academia');
    await page.getByLabel('Country').selectOption('SN');
    await page.getByLabel('Language the input is written in').selectOption('fr');
    await page.getByLabel('Summary').fill('Voies de migration régulières.');
    await page.getByLabel('Full text').fill('Les voies régulières réduisent les risques.');
    await page.getByRole('radio', { name: 'An individual' }).check();
    await page.getByRole('checkbox', { name: '5. Regular pathways' }).check();
    await page.getByRole('checkbox', { name: 'I agree that this input may be published if it is accepted.' }).check();
    await page.waitForTimeout(MIN_FILL_SECONDS * 1000);
    await page.getByRole('button', { name: 'Send input' }).click();
    await page.waitForURL(/\/received$/, { waitUntil: 'load' });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Your input was received');

    // Confirm the address, then withdraw the input from the status page.
    await page.goto(await statusLinkFor(email));
    expect(await page.getByText('Awaiting confirmation of your e-mail address').count()).toBe(1);
    await page.getByRole('button', { name: 'Confirm my e-mail address' }).click();
    await page.waitForURL(/\?confirmed=1$/, { waitUntil: 'load' });
    await expect.poll(() => page.getByRole('status').textContent()).toContain('your address is confirmed');
    // Without the confirmation ticked, the browser's own validation keeps the form from going out.
    await page.getByRole('button', { name: 'Withdraw input' }).click();
    expect(await page.getByText('Received, in review by the secretariat').count()).toBe(1);
    await page.getByRole('checkbox', { name: 'Yes, I want to withdraw this input' }).check();
    await page.getByRole('button', { name: 'Withdraw input' }).click();
    await page.waitForURL(/\?withdrawn=1$/, { waitUntil: 'load' });
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Your input has been withdrawn.');
    expect(await page.getByText('Withdrawn by you').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Withdraw input' }).count()).toBe(0);
    if (!javaScriptEnabled) await page.screenshot(shot('en-status-withdrawn'));

    // A copy of everything held, then erasure of the personal data, from the same page.
    const dataUrl = await page.getByRole('link', { name: 'Download my data (JSON)' }).getAttribute('href');
    const receiptUrl = await page.getByRole('link', { name: 'Download the receipt (PDF)' }).getAttribute('href');
    expect((await page.request.get(`${portal.appUrl}${receiptUrl}`)).status()).toBe(200);
    // The link downloads the file, as a person following it gets it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download my data (JSON)' }).click()]);
    const before = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(before.submission).toMatchObject({ email, contactName: 'Jean Dupont', summary: 'Voies de migration régulières.' });
    await page.getByRole('checkbox', { name: 'Yes, erase my personal data' }).check();
    await page.getByRole('button', { name: 'Erase my personal data' }).click();
    await page.waitForURL(/\?erased=1$/, { waitUntil: 'load' });
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Your personal data has been erased.');
    const after = await (await page.request.get(`${portal.appUrl}${dataUrl}`)).json();
    expect(after.submission).toMatchObject({ email: '', contactName: '', summary: 'Voies de migration régulières.' });
    expect(await page.getByRole('button', { name: 'Erase my personal data' }).count()).toBe(0);
    // The receipt printed the contact data: it is gone, and no new one is made.
    expect(await page.getByRole('link', { name: 'Download the receipt (PDF)' }).count()).toBe(0);
    // An old link to it says so on a page of its own, with the way back.
    const gone = await page.goto(`${portal.appUrl}${receiptUrl}`);
    expect(gone?.status()).toBe(410);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('The receipt was deleted');
    await page.getByRole('link', { name: 'Back to the status of your input' }).click();
    await page.waitForURL((u) => !u.pathname.endsWith('/receipt'), { waitUntil: 'load' });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Status of your input');
    expect(problems()).toEqual([]);
    await context.close();
  });
});
