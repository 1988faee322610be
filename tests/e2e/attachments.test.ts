/**
 * Attached files in Chromium, as people send them: in Arabic with JavaScript (each file sent at
 * once with a progress bar, one refused by content, one sent that can be cancelled), and in
 * English without JavaScript (files travel with the form; refused files named, held files kept
 * across round trips and removable). Then the receipt lists each file's SHA-256, staff download
 * the exact bytes, and the public record offers files only where their publication was agreed.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_FILL_SECONDS } from '../../app/modules/abuse/form-timing';
import { attachments, submissions, type Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { launchChromium, openPage } from '../helpers/browser';
import { arabicFixture } from '../helpers/fixtures';
import { createStaff, signInInBrowser, type TestStaff } from '../helpers/staff';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';
import { eventually, mailTo } from '../helpers/services';

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let browser: Browser;
let forum: Forum;
let admin: TestStaff;
const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const url = (p: string) => `${portal.appUrl}${p}`;

async function pdfBytes(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText(text);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

async function encryptedPdf(): Promise<Buffer> {
  const text = (await pdfBytes('locked')).toString('latin1');
  return Buffer.from(text.replace(/trailer\s*<</, 'trailer\n<< /Encrypt << /Filter /Standard /V 1 /R 2 /O (x) /U (x) /P -4 >>'), 'latin1');
}

const odtBytes = () =>
  Buffer.from(
    zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
      'content.xml': strToU8('<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'),
      'META-INF/manifest.xml': strToU8('<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'),
    }),
  );

/** The status link from the confirmation request, opened and confirmed (works with or without JavaScript). */
async function confirmAddress(page: Page, email: string, button: string) {
  const [mail] = await eventually(async () => ((await mailTo(email)).length > 0 ? mailTo(email) : undefined), 30_000, 'confirmation e-mail');
  const link = /https?:\/\/\S+\/status\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? '')?.[0];
  if (!link) throw new Error('no status link in the confirmation e-mail');
  await page.goto(link);
  await page.getByRole('button', { name: button }).click();
  await expect.poll(() => page.getByRole('status').count()).toBeGreaterThan(0);
}

async function acceptAsStaff(page: Page, reference: string) {
  await page.goto(url('/en/staff'));
  if (await page.getByLabel('Password').count()) await signInInBrowser(page, portal.appUrl, admin);
  await page.getByRole('link', { name: reference }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Accept and publish' }).count()).toBe(1);
}

async function submissionByReference(reference: string) {
  const [row] = await portal.db.select().from(submissions).where(eq(submissions.reference, reference));
  return row;
}

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.attachments);
  forum = await createForum(portal.db, 'open', {
    name: { en: 'Regional review with files', ar: 'استعراض إقليمي مع ملفات' },
    attachmentRules: { allowedTypes: ['pdf', 'docx', 'odt', 'txt'], maxSizeMb: 1, maxCount: 2 },
  });
  admin = await createStaff(portal.db, { email: 'files-admin@un.example', displayName: 'Files Admin', role: 'admin' });
  browser = await launchChromium();
  mkdirSync('test-results/pdf', { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('attachments', () => {
  it('in Arabic with JavaScript: files sent at once, one refused by content, the receipt lists SHA-256, staff and public download the same bytes', async () => {
    const { page, problems } = await openPage(browser);
    const email = `files-ar-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const notes = Buffer.from(`${arabicFixture('ar-gcm-national-implementation-plans').trim()}\n`, 'utf8');

    // Arabic pages are long runs of two-byte characters: not one stray byte may reach the browser
    // (React 18 pads its stream buffers with zero bytes, which a form then sends back).
    const raw = await (await page.request.get(url(`/ar/forums/${forum.slug}/submit`))).body();
    expect(raw.length).toBeGreaterThan(20_000);
    expect(raw.includes(0)).toBe(false);
    await page.goto(url(`/ar/forums/${forum.slug}/submit`));
    expect(await page.getByText('يمكنك إرفاق ملفين كحدّ أقصى').count()).toBe(1);
    await page.getByRole('radio', { name: 'منظمة' }).check();
    await page.getByLabel('اسمك').fill('سلمى يوسف');
    await page.getByLabel('المنظمة (إن وُجدت)').fill('تحالف المهاجرين في المغرب');
    await page.getByLabel('البريد الإلكتروني').fill(email);
    await page.getByLabel('فئة أصحاب المصلحة').selectOption({ label: 'منظمات المجتمع المدني' });
    await page.getByLabel('البلد').selectOption('MA');
    await page.getByLabel('لغة كتابة المساهمة').selectOption('ar');
    await page.getByLabel('عنوان المساهمة').fill('توصيات بشأن العمل اللائق للعمال المهاجرين');
    await page.getByLabel('الملخص').fill('ملخص التوصيات المرفقة.');
    await page.getByLabel('النص الكامل').fill('نرفق ملاحظاتنا المفصلة في الملف.');
    await page.getByRole('group', { name: /أهداف الاتفاق العالمي/ }).getByRole('checkbox', { name: /التوظيف العادل/ }).check();
    await page.getByRole('checkbox', { name: 'أوافق على نشر هذه المساهمة إذا قُبلت.' }).check();
    await page.getByRole('checkbox', { name: 'انشروا ملفاتي المرفقة مع المساهمة' }).check();

    // Chosen together; sent one by one as soon as they are chosen. A text file named .pdf is refused.
    await page.getByLabel('اختر الملفات المراد إرفاقها').setInputFiles([
      { name: 'ملاحظات المنظمة.txt', mimeType: 'text/plain', buffer: notes },
      { name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not really a PDF') },
    ]);
    await expect.poll(() => page.getByRole('checkbox', { name: 'إزالة ملاحظات المنظمة.txt' }).count()).toBe(1);
    const refused = page.getByRole('list', { name: 'ملفات لم تُرفَق' });
    await expect.poll(() => refused.textContent()).toContain('report.pdf');
    expect(await refused.textContent()).toContain('محتوى هذا الملف لا يطابق اسمه');
    await page.screenshot(shot('ar-attachments-held'));

    await page.waitForTimeout(MIN_FILL_SECONDS * 1000);
    await page.getByRole('button', { name: 'أرسل المساهمة' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('تم استلام مساهمتك');
    const reference = (await page.getByRole('status').locator('.reference').textContent())!.trim();
    const stored = await portal.db.select().from(attachments).where(eq(attachments.submissionId, (await submissionByReference(reference)).id));
    expect(stored.map((a) => [a.fileName, a.kind, a.sizeBytes, a.sha256])).toEqual([['ملاحظات المنظمة.txt', 'txt', notes.length, sha256(notes)]]);

    // The acknowledgement's receipt names the file and prints its SHA-256.
    await confirmAddress(page, email, 'أكِّد عنوان بريدي الإلكتروني');
    // The private status page lists what was attached, and the data download names each file.
    expect(await page.getByRole('definition').filter({ hasText: 'ملاحظات المنظمة.txt' }).count()).toBe(1);
    const myData = await (await page.request.get(url((await page.getByRole('link', { name: /JSON/ }).getAttribute('href'))!))).json();
    expect(myData.attachments).toEqual([{ fileName: 'ملاحظات المنظمة.txt', mediaType: 'text/plain; charset=utf-8', sizeBytes: notes.length, sha256: sha256(notes), withheldFromPublication: false }]);
    expect(myData.submission.publication).toEqual({ name: false, organisation: false, attachments: true });
    const ack = await eventually(async () => (await mailTo(email)).find((m) => m.attachments.some((a) => a.filename?.endsWith('.pdf'))), 30_000, 'acknowledgement');
    const receiptFile = path.resolve(`test-results/pdf/receipt-with-files-${reference}.pdf`);
    writeFileSync(receiptFile, ack.attachments.find((a) => a.filename?.endsWith('.pdf'))!.content);
    const receiptText = execFileSync('pdftotext', ['-enc', 'UTF-8', receiptFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(receiptText).toContain(sha256(notes));
    expect(receiptText).toContain('الملفاتالمرفقة');

    // Staff download exactly what was sent, as a download that cannot run in the portal's origin.
    await acceptAsStaff(page, reference);
    const staffLink = page.getByRole('link', { name: 'ملاحظات المنظمة.txt' });
    const staffCopy = await page.request.get(url((await staffLink.getAttribute('href'))!));
    expect(staffCopy.status()).toBe(200);
    expect(Buffer.compare(await staffCopy.body(), notes)).toBe(0);
    expect(staffCopy.headers()['content-disposition']).toMatch(/^attachment;/);
    expect(staffCopy.headers()['content-disposition']).toContain("filename*=UTF-8''");
    expect(staffCopy.headers()['x-content-type-options']).toBe('nosniff');
    expect(staffCopy.headers()['content-security-policy']).toContain('sandbox');
    // The trail and the e-mails in words, in the staff member's language.
    expect(await page.getByRole('listitem').filter({ hasText: /Input received · submitter$/ }).count()).toBe(1);
    expect(await page.getByRole('listitem').filter({ hasText: /^Acknowledgement with receipt · / }).count()).toBe(1);
    const reviewUrl = page.url();
    await page.goto(reviewUrl.replace('/en/', '/ar/'));
    expect(await page.getByRole('listitem').filter({ hasText: 'استُلمت المساهمة · صاحب المساهمة' }).count()).toBe(1);
    expect(await page.getByRole('listitem').filter({ hasText: 'تأكَّد عنوان البريد الإلكتروني' }).count()).toBe(1);
    await page.screenshot(shot('ar-staff-review-attachments'));
    await page.goto(reviewUrl);
    await page.screenshot(shot('staff-review-attachments'));
    await page.getByRole('button', { name: 'Accept and publish' }).click();
    await expect.poll(() => page.getByText('Decision: Accepted').count()).toBe(1);

    // Publication of files was agreed: the public page offers the same bytes.
    await page.goto(url(`/ar/inputs/${reference}`));
    expect(await page.getByRole('heading', { name: 'الملفات المرفقة' }).count()).toBe(1);
    const publicCopy = await page.request.get(url((await page.getByRole('link', { name: 'ملاحظات المنظمة.txt' }).getAttribute('href'))!));
    expect(Buffer.compare(await publicCopy.body(), notes)).toBe(0);
    await page.screenshot(shot('ar-public-input-attachments'));
    expect(problems()).toEqual([]);
    await page.context().close();
  });

  it('in Arabic with JavaScript: a slow upload shows its progress and can be cancelled, leaving nothing attached', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(url(`/ar/forums/${forum.slug}/submit`));
    // A slow connection, so the upload is still under way when the person cancels it.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 50, downloadThroughput: -1, uploadThroughput: 64 * 1024 });
    const before = await portal.db.select({ id: attachments.id }).from(attachments).where(eq(attachments.forumId, forum.id));
    await page.getByLabel('اختر الملفات المراد إرفاقها').setInputFiles([{ name: 'كبير.txt', mimeType: 'text/plain', buffer: Buffer.alloc(900 * 1024, 'ا') }]);
    const progress = page.getByRole('progressbar', { name: 'جارٍ إرسال كبير.txt…' });
    await expect.poll(() => progress.count()).toBe(1);
    await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'أرسل المساهمة' }).isDisabled()).toBe(true);
    await page.screenshot(shot('ar-attachment-uploading'));
    await page.getByRole('button', { name: 'إلغاء' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'ملفات لم تُرفَق' }).textContent()).toContain('أُلغي الإرسال');
    expect(await progress.count()).toBe(0);
    expect(await page.getByRole('checkbox', { name: 'إزالة كبير.txt' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'أرسل المساهمة' }).isDisabled()).toBe(false);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    // The cut-off request stored nothing.
    await new Promise((r) => setTimeout(r, 1000));
    const after = await portal.db.select({ id: attachments.id }).from(attachments).where(eq(attachments.forumId, forum.id));
    expect(after.length).toBe(before.length);
    expect(problems()).toEqual([]);
    await page.context().close();
  });

  it('in English without JavaScript: refused files are named, held files survive errors and can be removed, text is kept; unpublished files stay private', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const email = `files-en-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const body = 'Line one of the input.\r\nLine two, with “quotes” & <angle brackets>.';
    await page.goto(url(`/en/forums/${forum.slug}/submit`));
    await page.getByRole('radio', { name: 'An individual' }).check();
    await page.getByLabel('Your name').fill('Jean Dupont');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Stakeholder group').selectOption('academia');
    await page.getByLabel('Country').selectOption('SN');
    await page.getByLabel('Language the input is written in').selectOption('en');
    await page.getByLabel('Title of the input').fill('Data on regular pathways');
    await page.getByLabel('Summary').fill('Three annexes with data.');
    await page.getByLabel('Full text').fill(body);
    await page.getByRole('checkbox', { name: '5. Regular pathways' }).check();
    // Consent to publish the input forgotten, and one file over the 1 MB limit.
    await page.getByLabel('Choose files to attach').setInputFiles([
      { name: 'brief.pdf', mimeType: 'application/pdf', buffer: await pdfBytes('Brief') },
      { name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.alloc(1536 * 1024, 'a') },
    ]);
    await page.waitForTimeout(MIN_FILL_SECONDS * 1000);
    await page.getByRole('button', { name: 'Send input' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect.poll(() => summary.count()).toBe(1);
    expect(await summary.getByRole('link', { name: /Attached files \(optional\): A file is larger than this call accepts/ }).count()).toBe(1);
    expect(await page.getByRole('list', { name: 'Files not attached' }).textContent()).toContain('big.txt');
    expect(await page.getByRole('checkbox', { name: 'Remove brief.pdf' }).count()).toBe(1);
    expect(await page.getByLabel('Full text').inputValue()).toBe(body.replace(/\r\n/g, '\n'));
    await page.screenshot(shot('en-attachments-refused'));
    const [brief] = await portal.db.select().from(attachments).where(and(eq(attachments.forumId, forum.id), eq(attachments.fileName, 'brief.pdf')));
    expect(existsSync(path.join(portal.dataDir, 'files', brief.storageKey))).toBe(true);

    // An encrypted PDF is refused with its own message; the held file is still there.
    await page.getByRole('checkbox', { name: 'I agree that this input may be published if it is accepted.' }).check();
    await page.getByLabel('Choose files to attach').setInputFiles([{ name: 'locked.pdf', mimeType: 'application/pdf', buffer: await encryptedPdf() }]);
    await page.getByRole('button', { name: 'Send input' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Files not attached' }).textContent()).toContain('protected by a password or encrypted');
    expect(await page.getByRole('checkbox', { name: 'Remove brief.pdf' }).count()).toBe(1);

    // Remove the PDF, attach an ODT instead, and send.
    await page.getByRole('checkbox', { name: 'Remove brief.pdf' }).check();
    const odt = odtBytes();
    await page.getByLabel('Choose files to attach').setInputFiles([{ name: 'annex.odt', mimeType: 'application/vnd.oasis.opendocument.text', buffer: odt }]);
    await page.getByRole('button', { name: 'Send input' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Your input was received');
    const reference = (await page.getByRole('status').locator('.reference').textContent())!.trim();
    const submission = await submissionByReference(reference);
    // Browsers send a textarea's line breaks as CRLF; that is what is kept.
    expect(submission.body).toBe(body);
    expect(submission.publishAttachments).toBe(false);
    const stored = await portal.db.select().from(attachments).where(eq(attachments.submissionId, submission.id));
    expect(stored.map((a) => [a.fileName, a.sha256])).toEqual([['annex.odt', sha256(odt)]]);
    // The removed file is gone, bytes and all; the refused ones were never stored.
    expect(await portal.db.select().from(attachments).where(eq(attachments.id, brief.id))).toEqual([]);
    expect(existsSync(path.join(portal.dataDir, 'files', brief.storageKey))).toBe(false);
    const names = (await portal.db.select({ n: attachments.fileName }).from(attachments).where(eq(attachments.forumId, forum.id))).map((r) => r.n);
    expect(names).not.toContain('big.txt');
    expect(names).not.toContain('locked.pdf');

    // Accepted, but the files' publication was not agreed: the public record has none.
    await confirmAddress(page, email, 'Confirm my e-mail address');
    await acceptAsStaff(page, reference);
    expect(await page.getByRole('link', { name: 'annex.odt' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Accept and publish' }).click();
    await expect.poll(() => page.getByText('Decision: Accepted').count()).toBe(1);
    await page.goto(url(`/en/inputs/${reference}`));
    expect(await page.getByRole('heading', { name: 'Data on regular pathways' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Attached files' }).count()).toBe(0);
    const hidden = await page.request.get(url(`/en/inputs/${reference}/attachments/${stored[0].id}`));
    expect(hidden.status()).toBe(404);
    await context.close();
  });
});
