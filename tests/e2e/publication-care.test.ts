/**
 * Publication work in Chromium, in English and Arabic: a public version prepared before
 * publishing (redaction), acceptance for a scheduled time, withdrawal from publication and the
 * public page that says so, near-identical inputs grouped by the worker and handled at once, and
 * decision e-mails a forum holds until an admin releases them. Each is done both with JavaScript
 * and without it.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, forums, outbox, submissions, type Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { launchChromium, openPage } from '../helpers/browser';
import { arabicFixture } from '../helpers/fixtures';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';
import { eventually, mailTo } from '../helpers/services';
import { createStaff, signedInPage, type TestStaff } from '../helpers/staff';

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let browser: Browser;
let forum: Forum;
const url = (p: string) => `${portal.appUrl}${p}`;
const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });
const row = async (id: string) => (await portal.db.select().from(submissions).where(eq(submissions.id, id)))[0];
const address = () => `care-${crypto.randomUUID().slice(0, 8)}@example.org`;
const mailsTo = (email: string, count: number) =>
  eventually(async () => {
    const mails = await mailTo(email);
    return mails.length >= count ? mails : undefined;
  }, 30_000, `${count} e-mail(s) to ${email}`);

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.publicationCare);
  forum = await createForum(portal.db, 'open', { name: { en: 'Care review', ar: 'مراجعة العناية' } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

// Staff pages are the client application; every action here must also work as plain HTML forms.
describe.each([
  { way: 'with JavaScript', javaScriptEnabled: true },
  { way: 'without JavaScript', javaScriptEnabled: false },
])('$way', ({ javaScriptEnabled }) => {
  const signedIn = (who: TestStaff, lang: 'en' | 'ar' = 'en') => signedInPage(browser, portal.appUrl, who, lang, { javaScriptEnabled });
  // Accounts of each run's own: sign-ins are throttled per account (ten in fifteen minutes).
  let mod: TestStaff;
  let admin: TestStaff;
  beforeAll(async () => {
    const way = javaScriptEnabled ? 'js' : 'nojs';
    mod = await createStaff(portal.db, { email: `leila-${way}@un.example`, displayName: 'Leila', role: 'moderator' });
    admin = await createStaff(portal.db, { email: `chef-${way}@un.example`, displayName: 'Chef', role: 'admin' });
  });

  describe('the public version', () => {
    it('a moderator removes a phone number and hides the name, then publishes; the public reads the public version, staff the original', async () => {
      const body = 'Our shelter in Tripoli hosts forty women. Call Samir on +961 3 123 456 for visits.\r\nThey need legal aid.';
      const input = await createTestSubmission(portal.db, forum, { title: 'Shelter needs in Tripoli', body, contactName: 'Samir Khoury', publishName: true });
      const { page, problems } = await signedIn(mod);
      await page.goto(url(`/en/staff/submissions/${input.id}`));
      await page.getByRole('link', { name: 'Public version and publication' }).click();
      await page.getByRole('heading', { name: `Public version and publication: ${input.reference}` }).waitFor();
      // The original, with the number marked, stays on the page for reference.
      expect(await page.getByText('+961 3 123 456', { exact: true }).evaluate((e) => e.tagName)).toBe('MARK');

      await page.getByLabel('Full text').fill('');
      await page.getByRole('button', { name: 'Save the public version' }).click();
      await expect.poll(() => page.getByText('This field is required.', { exact: true }).count()).toBe(1);
      const redacted = 'Our shelter in Tripoli hosts forty women. [Contact details removed.]\nThey need legal aid.';
      await page.getByLabel('Full text').fill(redacted);
      await page.getByLabel('Do not publish the contact name (Samir Khoury), although the submitter agreed to it').check();
      await page.getByRole('button', { name: 'Save the public version' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toBe('The public version was saved.');
      await page.screenshot(shot('en-staff-public-version'));

      await page.getByRole('link', { name: `Back to ${input.reference}` }).click();
      await expect.poll(() => page.getByText(/The public version differs from the original/).count()).toBe(1);
      await page.getByRole('button', { name: 'Accept and publish' }).click();
      await expect.poll(() => page.getByText(/^Published on /).count()).toBe(1);

      const visitor = await openPage(browser);
      await visitor.page.goto(url(`/en/inputs/${input.reference}`));
      const article = visitor.page.getByRole('article');
      expect(await article.textContent()).toContain('[Contact details removed.]');
      expect(await article.textContent()).not.toContain('+961');
      expect(await article.textContent()).not.toContain('Samir');
      // Staff still read what was sent.
      expect((await row(input.id)).body).toBe(body);
      expect(await page.getByText('Public version edited').count()).toBe(1);
      expect(problems()).toEqual([]);
      expect(visitor.problems()).toEqual([]);
    });
  });

  describe('withdrawal from publication', () => {
    it('withdraws a published input from publication in Arabic; its page says so and the submitter is told why', async () => {
      const email = address();
      const input = await createTestSubmission(portal.db, forum, { title: 'مساهمة ستُسحب من النشر', email }, 'ar');
      const { page, problems } = await signedIn(mod, 'ar');
      await page.goto(url(`/ar/staff/submissions/${input.id}`));
      await page.getByRole('button', { name: 'قبول ونشر' }).click();
      await expect.poll(() => page.getByText(/^نُشرت بتاريخ/).count()).toBe(1);
      await page.getByRole('link', { name: 'النسخة العامة والنشر' }).click();
      await page.getByRole('button', { name: 'السحب من النشر' }).click();
      await expect.poll(() => page.getByText('هذا الحقل مطلوب.', { exact: true }).count()).toBe(1);
      const reason = 'يتضمن النص اسم طفل، وقد طلبت أسرته حذفه.';
      await page.getByLabel('سبب سحبها من النشر').fill(reason);
      await page.getByRole('button', { name: 'السحب من النشر' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toBe('سُحبت المساهمة من النشر، وسيُبلَّغ مقدّمها بالسبب.');
      expect(await page.getByText(reason).count()).toBe(1);
      await page.screenshot(shot('ar-staff-unpublished'));

      const visitor = await openPage(browser);
      const response = await visitor.page.goto(url(`/ar/inputs/${input.reference}`));
      expect(response?.status()).toBe(410);
      expect(await visitor.page.getByRole('heading', { level: 1 }).textContent()).toBe(`سُحبت المساهمة ${input.reference} من النشر`);
      expect(await visitor.page.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await visitor.page.getByRole('article').textContent()).not.toContain('مساهمة ستُسحب');
      await visitor.page.screenshot(shot('ar-public-withdrawn'));
      // The JSON API says the same, with the reference and date only.
      const api = await fetch(url(`/api/v1/inputs/${input.reference}`), { headers: { 'Accept-Language': 'ar' } });
      expect(api.status).toBe(410);
      const gone = await api.json();
      expect(gone).toMatchObject({ type: '/api/v1/problems/withdrawn-from-publication', title: 'سُحبت من النشر', reference: input.reference });
      expect(JSON.stringify(gone)).not.toContain('مساهمة ستُسحب');
      // The submitter's status page names the stage.
      await visitor.page.goto(url(`/ar/status/${input.statusToken}`));
      await expect.poll(() => visitor.page.getByText('قُبلت، ثم سحبتها الأمانة من النشر (وراسلناك بالسبب)').count()).toBe(1);

      const mails = await mailsTo(email, 4);
      const withdrawn = mails.find((m) => m.subject?.startsWith('سُحبت من النشر'));
      expect(withdrawn?.text).toContain(reason);
      expect(problems()).toEqual([]);
    });
  });

  describe('publication over time', () => {
    it('accepts for a scheduled time; the worker publishes it when the time comes', async () => {
      const input = await createTestSubmission(portal.db, forum, { title: 'To be published with the others' });
      const { page, problems } = await signedIn(mod);
      await page.goto(url(`/en/staff/submissions/${input.id}`));
      await page.getByRole('radio', { name: 'Publish at the date and time below' }).check();
      const time = page.getByLabel('Date and time of publication (America/New_York)');
      // Offered first: the close of the call, in the forum's time zone.
      expect(await time.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
      await time.fill('2020-01-01T09:00');
      await page.getByRole('button', { name: 'Accept and publish' }).click();
      await expect.poll(() => page.getByText('Choose a time in the future.', { exact: true }).count()).toBe(1);
      expect((await row(input.id)).decision).toBe('pending');

      await page.getByLabel('Date and time of publication (America/New_York)').fill('2031-03-31T17:00');
      await page.getByRole('button', { name: 'Accept and publish' }).click();
      await expect.poll(() => page.getByText('Accepted; to be published on Mar 31, 2031, 9:00 PM UTC.').count()).toBe(1);
      expect(await page.locator('time[datetime="2031-03-31T21:00:00.000Z"]').first().textContent()).toBe('Mar 31, 2031, 9:00 PM UTC');
      expect(await row(input.id)).toMatchObject({ decision: 'accepted', publishedAt: null, publishAt: new Date('2031-03-31T21:00:00Z') });
      const visitor = await openPage(browser);
      expect((await visitor.page.goto(url(`/en/inputs/${input.reference}`)))?.status()).toBe(404);

      // Time passes: the scheduled instant is moved into the past, and the worker's check publishes.
      await portal.db.update(submissions).set({ publishAt: sql`now() - interval '1 second'` }).where(eq(submissions.id, input.id));
      await eventually(async () => (await row(input.id)).publishedAt, 30_000, 'scheduled publication');
      expect((await visitor.page.goto(url(`/en/inputs/${input.reference}`)))?.status()).toBe(200);
      expect(problems()).toEqual([]);
    });

    it('accepts the selected inputs of a forum together, for publication when its call closes', async () => {
      const closes = new Date(Math.ceil((Date.now() + 7 * 86_400_000) / 60_000) * 60_000);
      const call = await createForum(portal.db, 'open', { name: { en: 'Closing together', ar: 'الإغلاق معًا' }, closesAt: closes, timeZone: 'Asia/Beirut' });
      const inputs = [await createTestSubmission(portal.db, call, { title: 'Together one' }), await createTestSubmission(portal.db, call, { title: 'Together two' })];
      const { page, problems } = await signedIn(mod);
      await page.goto(url(`/en/staff?forum=${call.id}`));
      for (const i of inputs) await page.getByRole('checkbox', { name: `Select ${i.reference}` }).check();
      await page.getByRole('radio', { name: 'Publish at the date and time below' }).check();
      // Offered: the call's close, in the forum's own time zone.
      const beirut = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Beirut', dateStyle: 'short', timeStyle: 'short' }).format(closes).replace(' ', 'T');
      expect(await page.getByLabel('Date and time of publication (Asia/Beirut)').inputValue()).toBe(beirut);
      await page.getByRole('button', { name: 'Apply to the selected inputs' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toBe('2 inputs decided.');
      for (const i of inputs) expect(await row(i.id)).toMatchObject({ decision: 'accepted', publishedAt: null, publishAt: closes });
      expect(problems()).toEqual([]);
    });

  });

  describe('near-identical inputs', () => {
    it('the worker groups a campaign text; the queue shows the group and a moderator marks the copies as duplicates at once', async () => {
      const campaign = arabicFixture('ar-arab-region-imrf-briefing').slice(0, 1200);
      const group = await createForum(portal.db, 'open', { name: { en: 'Campaign review', ar: 'مراجعة الحملات' } });
      const first = await createTestSubmission(portal.db, group, { title: 'نداء من أجل الهجرة الآمنة', body: campaign, language: 'ar' });
      const copies = [
        await createTestSubmission(portal.db, group, { title: 'نداء من أجل الهجرة الآمنة', body: `${campaign}\nجمعية النور`, language: 'ar' }),
        await createTestSubmission(portal.db, group, { title: 'نداء من أجل الهجرة الآمنة والنظامية', body: campaign, language: 'ar' }),
      ];
      await eventually(async () => (await Promise.all(copies.map((c) => row(c.id)))).every((r) => r.similarGroup === first.id), 30_000, 'grouping');

      const { page, problems } = await signedIn(mod);
      await page.goto(url(`/en/staff?forum=${group.id}&flagged=similar`));
      await expect.poll(() => page.getByText(/inputs? match/).textContent()).toBe('3 inputs match');
      await page.getByRole('row', { name: new RegExp(first.reference) }).getByRole('link', { name: first.reference }).click();
      await page.getByRole('heading', { name: 'Near-identical inputs: 2' }).waitFor();
      for (const c of copies) expect(await page.getByRole('checkbox', { name: `Select ${c.reference}` }).isChecked()).toBe(true);
      await page.screenshot(shot('en-staff-similar-inputs'));
      await page.getByRole('button', { name: `Mark the selected inputs as duplicates of ${first.reference}` }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Inputs marked as duplicates: 2');
      for (const c of copies) expect(await row(c.id)).toMatchObject({ decision: 'duplicate', duplicateOf: first.id, decidedBy: mod.id });
      expect((await row(first.id)).decision).toBe('pending');
      expect(problems()).toEqual([]);
    });
  });

  describe('held decision e-mails', () => {
    it('an admin turns holding on; decisions wait; the admin releases them in one batch', async () => {
      const held = await createForum(portal.db, 'open', { name: { en: 'Held review', ar: 'مراجعة محتجزة' } });
      const a = await signedIn(admin);
      await a.page.goto(url(`/en/staff/forums/${held.id}`));
      await a.page.getByLabel('Hold decision e-mails for review before they are sent').check();
      await a.page.getByRole('button', { name: 'Save settings' }).click();
      await expect.poll(async () => (await portal.db.select().from(forums).where(eq(forums.id, held.id)))[0].holdDecisionEmails).toBe(true);

      const email = address();
      const input = await createTestSubmission(portal.db, held, { email, title: 'A decision that waits' });
      await mailsTo(email, 2); // confirmation and receipt
      const m = await signedIn(mod);
      await m.page.goto(url(`/en/staff/submissions/${input.id}`));
      await m.page.getByLabel(/^Kind of reason/).selectOption('out_of_scope');
      await m.page.getByLabel('Reason (sent to the submitter)').fill('The input is about tourism.');
      await m.page.getByRole('button', { name: 'Reject' }).click();
      await expect.poll(() => m.page.getByText(/held until an admin releases it/).count()).toBe(1);
      const [job] = await portal.db.select().from(outbox).where(and(eq(outbox.submissionId, input.id), eq(outbox.kind, 'decision-email')));
      expect(job.heldAt).not.toBeNull();

      await a.page.goto(url(`/en/staff/forums/${held.id}`));
      await a.page.getByRole('link', { name: 'Held decision e-mails' }).click();
      await expect.poll(() => a.page.getByRole('table', { name: 'Held e-mails, oldest first' }).getByRole('row', { name: new RegExp(input.reference) }).count()).toBe(1);
      expect((await mailTo(email)).length).toBe(2);
      await a.page.screenshot(shot('en-staff-held-emails'));
      await a.page.getByRole('button', { name: 'Send the e-mails listed below (1)' }).click();
      await expect.poll(() => a.page.getByRole('status').first().textContent()).toBe('E-mails released for sending: 1');
      const mails = await mailsTo(email, 3);
      expect(mails.map((x) => x.subject)).toContain(`Not published, no action needed: your input ${input.reference} to Held review`);
      const [audit] = await portal.db.select().from(auditEvents).where(and(eq(auditEvents.forumId, held.id), eq(auditEvents.action, 'forum.decision_emails_released')));
      expect(audit.actorStaffId).toBe(admin.id);
      expect(a.problems()).toEqual([]);
      expect(m.problems()).toEqual([]);
    });
  });
});
