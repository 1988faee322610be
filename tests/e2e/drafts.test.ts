/**
 * Drafts in Chromium, in Arabic with JavaScript: save a half-filled form, come back through the
 * e-mailed link in another browser, finish and send; the used link then says it no longer works.
 * And in English without JavaScript, with a file attached to the draft: the file waits with the
 * draft and goes with the input.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_FILL_SECONDS } from '../../app/modules/abuse/form-timing';
import { eq } from 'drizzle-orm';
import { attachments, submissions, type Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { launchChromium, openPage } from '../helpers/browser';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';
import { eventually, mailTo } from '../helpers/services';

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let browser: Browser;
let forum: Forum;

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.drafts);
  forum = await createForum(portal.db, 'open', { attachmentRules: { allowedTypes: ['pdf', 'txt'], maxSizeMb: 2, maxCount: 2 } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('drafts', () => {
  it('save in Arabic, resume from the e-mailed link elsewhere, send; the link then expires', async () => {
    const email = `draft-e2e-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const first = await openPage(browser);
    await first.page.goto(`${portal.appUrl}/ar/forums/${forum.slug}/submit`);
    await first.page.getByLabel('البريد الإلكتروني').fill(email);
    await first.page.getByLabel('عنوان المساهمة').fill('العمال المهاجرون في الخليج');
    await first.page.getByLabel('النص الكامل').fill('فقرة أولى لم تكتمل بعد.');
    await first.page.getByRole('button', { name: 'احفظ مسودة وأرسل لي رابطًا' }).click();
    await expect.poll(() => first.page.getByRole('status').first().textContent()).toContain('حُفظت مسودتك');
    expect(await first.page.getByLabel('عنوان المساهمة').inputValue()).toBe('العمال المهاجرون في الخليج');
    expect(first.problems()).toEqual([]);
    await first.page.context().close();

    const [mail] = await eventually(async () => ((await mailTo(email)).length > 0 ? mailTo(email) : undefined), 30_000, 'draft e-mail');
    const link = /https?:\/\/\S+\/submit\?draft=[A-Za-z0-9_-]{43}/.exec(mail.text ?? '')?.[0];
    expect(link).toBeDefined();

    // Another browser, as from a phone: the draft's values are back.
    const second = await openPage(browser);
    const page = second.page;
    await page.goto(link!);
    expect(await page.getByRole('status').first().textContent()).toContain('أنت تتابع مسودة محفوظة');
    expect(await page.getByLabel('النص الكامل').inputValue()).toBe('فقرة أولى لم تكتمل بعد.');
    await page.getByRole('radio', { name: 'فرد' }).check();
    await page.getByLabel('اسمك').fill('سلمى');
    await page.getByLabel('فئة أصحاب المصلحة').selectOption({ label: 'المهاجرون' });
    await page.getByLabel('البلد').selectOption('JO');
    await page.getByLabel('لغة كتابة المساهمة').selectOption('ar');
    await page.getByLabel('الملخص').fill('ملخص قصير');
    await page.getByRole('group', { name: /أهداف الاتفاق العالمي/ }).getByRole('checkbox', { name: /التوظيف العادل/ }).check();
    await page.getByRole('checkbox', { name: 'أوافق على نشر هذه المساهمة إذا قُبلت.' }).check();
    await page.waitForTimeout(MIN_FILL_SECONDS * 1000);
    await page.getByRole('button', { name: 'أرسل المساهمة' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('تم استلام مساهمتك');

    await page.goto(link!);
    expect(await page.getByRole('status').first().textContent()).toContain('لم يعد رابط المسودة هذا صالحًا');
    expect(await page.getByLabel('النص الكامل').inputValue()).toBe('');
    expect(second.problems()).toEqual([]);
    await page.context().close();
  });

  it('without JavaScript in English: a draft keeps its attached file, which goes with the input when sent', async () => {
    const email = `draft-file-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const first = await browser.newContext({ javaScriptEnabled: false });
    const page1 = await first.newPage();
    await page1.goto(`${portal.appUrl}/en/forums/${forum.slug}/submit`);
    await page1.getByLabel('E-mail address').fill(email);
    await page1.getByLabel('Title of the input').fill('Remittance costs');
    await page1.getByLabel('Choose files to attach').setInputFiles([{ name: 'brief.txt', mimeType: 'text/plain', buffer: Buffer.from('Costs fell by a third.\n') }]);
    await page1.getByRole('button', { name: 'Save as a draft and e-mail me a link' }).click();
    await expect.poll(() => page1.getByRole('status').first().textContent()).toContain('Your draft is saved');
    await first.close();

    const [mail] = await eventually(async () => ((await mailTo(email)).length > 0 ? mailTo(email) : undefined), 30_000, 'draft e-mail');
    const link = /https?:\/\/\S+\/submit\?draft=[A-Za-z0-9_-]{43}/.exec(mail.text ?? '')?.[0];
    expect(link).toBeDefined();

    const second = await browser.newContext({ javaScriptEnabled: false });
    const page = await second.newPage();
    await page.goto(link!);
    expect(await page.getByRole('checkbox', { name: 'Remove brief.txt' }).count()).toBe(1);
    await page.getByRole('radio', { name: 'An individual' }).check();
    await page.getByLabel('Your name').fill('Jo Banda');
    await page.getByLabel('Stakeholder group').selectOption('academia');
    await page.getByLabel('Country').selectOption('MW');
    await page.getByLabel('Language the input is written in').selectOption('en');
    await page.getByLabel('Summary').fill('Costs of sending money home.');
    await page.getByLabel('Full text').fill('Remittance costs fell, but not for everyone.');
    await page.getByRole('checkbox', { name: '20. Remittances and financial inclusion' }).check();
    await page.getByRole('checkbox', { name: 'I agree that this input may be published if it is accepted.' }).check();
    await page.waitForTimeout(MIN_FILL_SECONDS * 1000);
    await page.getByRole('button', { name: 'Send input' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Your input was received');
    const reference = (await page.getByRole('status').locator('.reference').textContent())!.trim();
    const [row] = await portal.db.select().from(submissions).where(eq(submissions.reference, reference));
    const files = await portal.db.select().from(attachments).where(eq(attachments.submissionId, row.id));
    expect(files.map((f) => [f.fileName, f.sizeBytes, f.draftId])).toEqual([['brief.txt', 23, null]]);
    await second.close();
  });
});
