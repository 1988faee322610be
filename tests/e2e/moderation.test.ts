/**
 * Moderation in Chromium, as two moderators work the queue together: filters and search with
 * counts, a claim that keeps the other out, each decision (reject with a category, duplicate,
 * spam, accept), two moderators deciding at once (the second sees what changed), bulk decisions
 * with the same guards, internal notes, and the Arabic queue.
 */
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffTime } from '../../app/modules/time/format-instant';
import { auditEvents, outbox, submissions, type Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { launchChromium } from '../helpers/browser';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';
import { createStaff, signedInPage, type TestStaff } from '../helpers/staff';

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let browser: Browser;
let forum: Forum;
let amina: TestStaff;
let jonas: TestStaff;
const url = (p: string) => `${portal.appUrl}${p}`;
const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.moderation);
  forum = await createForum(portal.db, 'open', { name: { en: 'Moderation review', ar: 'استعراض الإشراف' } });
  amina = await createStaff(portal.db, { email: 'amina@un.example', displayName: 'Amina', role: 'moderator' });
  jonas = await createStaff(portal.db, { email: 'jonas@un.example', displayName: 'Jonas', role: 'moderator' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

const row = async (id: string) => (await portal.db.select().from(submissions).where(eq(submissions.id, id)))[0];

// Staff pages are the client application; every action must also work as plain HTML forms.
describe.each([
  { way: 'with JavaScript', javaScriptEnabled: true },
  { way: 'without JavaScript', javaScriptEnabled: false },
])('$way', ({ javaScriptEnabled }) => {
  const signedIn = (who: TestStaff, lang: 'en' | 'ar' = 'en') => signedInPage(browser, portal.appUrl, who, lang, { javaScriptEnabled });

  describe('the queue', () => {
    it('filters by stage, group and flag, searches the text, and counts what matches', async () => {
      const tag = crypto.randomUUID().slice(0, 6);
      await createTestSubmission(portal.db, forum, { title: `Ports and seafarers ${tag}`, constituency: 'trade_unions' });
      const callMe = await createTestSubmission(portal.db, forum, { title: `Call me ${tag}`, body: 'Write to me at someone@example.org or call +41 22 917 1234 for the full study.' });
      const { page, problems } = await signedIn(amina);
      const matching = () => page.getByText(/inputs? match/).textContent();
      await page.getByLabel(/^Search/).fill(tag);
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL((address) => address.searchParams.get('q') === tag);
      await expect.poll(matching).toBe('2 inputs match');
      // The filters live in the address, so a filtered queue can be bookmarked or sent to a colleague.
      await page.goto(url(`/en/staff?q=${tag}&flagged=yes`));
      expect(await matching()).toBe('1 input matches');
      expect(await page.getByLabel('Flagged').inputValue()).toBe('yes');
      expect(await page.getByRole('cell', { name: `Call me ${tag}` }).count()).toBe(1);
      expect(await page.getByRole('cell', { name: /likely personal data/ }).count()).toBe(1);
      await page.goto(url(`/en/staff?q=${encodeURIComponent(`seafarers ${tag}`)}&constituency=trade_unions`));
      expect(await matching()).toBe('1 input matches');
      expect(await page.getByRole('cell', { name: `Ports and seafarers ${tag}` }).count()).toBe(1);
      await page.screenshot(shot('en-queue-filtered'));

      // The flagged input marks the address and the number for whoever prepares the public version.
      await page.goto(url(`/en/staff?q=${tag}`));
      // By its reference: the same text sent in the other run is listed as near-identical, with a link of its own.
      await page.getByRole('row', { name: new RegExp(`Call me ${tag}`) }).getByRole('link', { name: callMe.reference }).click();
      await expect.poll(() => page.getByText('someone@example.org', { exact: true }).evaluate((e) => e.tagName)).toBe('MARK');
      expect(await page.getByText('+41 22 917 1234', { exact: true }).evaluate((e) => e.tagName)).toBe('MARK');
      expect(problems()).toEqual([]);
    });
  });

  describe('deciding', () => {
    it('a claim keeps the other moderator from deciding; notes stay internal; a rejection carries its category', async () => {
      const input = await createTestSubmission(portal.db, forum, { title: 'An input two people open' });
      const a = await signedIn(amina);
      const j = await signedIn(jonas);
      await a.page.goto(url(`/en/staff/submissions/${input.id}`));
      await j.page.goto(url(`/en/staff/submissions/${input.id}`));
      await a.page.getByRole('button', { name: 'Claim: I am working on this input' }).click();
      await expect.poll(() => a.page.getByText(/You are working on this input until/).count()).toBe(1);

      await j.page.getByRole('button', { name: 'Accept and publish' }).click();
      await expect.poll(() => j.page.getByRole('alert').textContent()).toBe('Amina is working on this input: only they can decide until their claim ends.');
      expect((await row(input.id)).decision).toBe('pending');

      await j.page.getByLabel(/^Add a note/).fill('I know this organisation: their earlier input was published.');
      await j.page.getByRole('button', { name: 'Save the note' }).click();
      await expect.poll(() => j.page.getByText('I know this organisation: their earlier input was published.').count()).toBe(1);

      await a.page.reload();
      expect(await a.page.getByText('I know this organisation: their earlier input was published.').count()).toBe(1);
      await a.page.getByRole('button', { name: 'Reject' }).click();
      await expect.poll(() => a.page.getByText('This field is required.').count()).toBeGreaterThan(0);
      await a.page.getByLabel(/^Kind of reason/).selectOption('not_gcm');
      await a.page.getByLabel('Reason (sent to the submitter)').fill('The input is about tourism visas, not migration governance.');
      await a.page.getByRole('button', { name: 'Reject' }).click();
      await expect.poll(() => a.page.getByText(/Decision: Rejected · Not about the Global Compact for Migration/).count()).toBe(1);
      await a.page.screenshot(shot('en-staff-rejected-with-category'));
      expect(await row(input.id)).toMatchObject({ decision: 'rejected', rejectionCategory: 'not_gcm', claimedBy: null });
      expect(a.problems()).toEqual([]);
      expect(j.problems()).toEqual([]);
    });

    it('a claim is released; changes are asked for only with the request written, and the submitter is mailed', async () => {
      const input = await createTestSubmission(portal.db, forum, { title: `Changes wanted, ${javaScriptEnabled ? 'with' : 'without'} JavaScript` });
      const { page, problems } = await signedIn(jonas);
      await page.goto(url(`/en/staff/submissions/${input.id}`));
      await page.getByRole('button', { name: 'Claim: I am working on this input' }).click();
      await expect.poll(() => page.getByText(/You are working on this input until/).count()).toBe(1);
      await page.getByRole('button', { name: 'Release' }).click();
      await expect.poll(() => page.getByRole('button', { name: 'Claim: I am working on this input' }).count()).toBe(1);
      expect((await row(input.id)).claimedBy).toBeNull();

      await page.getByRole('button', { name: 'Request changes' }).click();
      await expect.poll(() => page.getByText('This field is required.').count()).toBeGreaterThan(0);
      expect((await row(input.id)).decision).toBe('pending');
      await page.getByLabel('What should the submitter change? (sent to them)').fill('Please add the country your organisation works in.');
      await page.getByRole('button', { name: 'Request changes' }).click();
      await expect.poll(() => page.getByText(/Decision: Changes requested/).count()).toBe(1);
      expect((await row(input.id)).decision).toBe('changes_requested');
      const mails = await portal.db.select().from(outbox).where(eq(outbox.submissionId, input.id));
      expect(mails.map((m) => m.kind)).toContain('decision-email');
      expect(problems()).toEqual([]);
    });

    it('when two moderators decide at once, the second is refused and sees what the first did', async () => {
      const input = await createTestSubmission(portal.db, forum, { title: 'Decided twice at once' });
      const a = await signedIn(amina);
      const j = await signedIn(jonas);
      await a.page.goto(url(`/en/staff/submissions/${input.id}`));
      await j.page.goto(url(`/en/staff/submissions/${input.id}`));
      await a.page.getByRole('button', { name: 'Accept and publish' }).click();
      await expect.poll(() => a.page.getByText('Decision: Accepted').count()).toBe(1);
      await j.page.getByRole('button', { name: 'Mark as spam' }).click();
      await expect.poll(() => j.page.getByRole('alert').textContent()).toContain('Someone else decided on this input meanwhile.');
      const alert = (await j.page.getByRole('alert').textContent()) ?? '';
      expect(alert).toContain('Accepted');
      expect(alert).toContain('Amina');
      expect(alert).toContain('Waiting for a decision → Accepted'.split(' → ')[1]);
      await j.page.screenshot(shot('en-staff-stale-decision'));
      expect((await row(input.id)).decision).toBe('accepted');
    });

    it('marks a duplicate of another input by its reference, and spam without any e-mail', async () => {
      const first = await createTestSubmission(portal.db, forum, { title: 'Campaign text, first copy' });
      const copy = await createTestSubmission(portal.db, forum, { title: 'Campaign text, second copy' });
      const junk = await createTestSubmission(portal.db, forum, { title: 'Cheap watches' });
      const { page, problems } = await signedIn(jonas);
      await page.goto(url(`/en/staff/submissions/${copy.id}`));
      await page.getByLabel('Reference of the input it repeats').fill('NOPE-0001');
      await page.getByRole('button', { name: 'Mark as duplicate' }).click();
      await expect.poll(() => page.getByText('No other input of this forum has this reference.', { exact: true }).count()).toBe(1);
      await page.getByLabel('Reference of the input it repeats').fill(first.reference.toLowerCase());
      await page.getByRole('button', { name: 'Mark as duplicate' }).click();
      await expect.poll(() => page.getByText(/Decision: Duplicate/).count()).toBe(1);
      expect(await page.getByText(/Decision: Duplicate/).getByRole('link', { name: first.reference }).count()).toBe(1);
      expect(await row(copy.id)).toMatchObject({ decision: 'duplicate', duplicateOf: first.id });

      await page.goto(url(`/en/staff/submissions/${junk.id}`));
      await page.getByRole('button', { name: 'Mark as spam' }).click();
      await expect.poll(() => page.getByText(/Decision: Spam/).count()).toBe(1);
      const mails = await portal.db.select().from(outbox).where(eq(outbox.submissionId, junk.id));
      // The confirmation, the receipt and the look for near-identical inputs; no decision e-mail.
      expect(mails.map((m) => m.kind).sort()).toEqual(['acknowledge', 'confirm-email', 'find-similar']);
      const dupMails = await portal.db.select().from(outbox).where(eq(outbox.submissionId, copy.id));
      expect(dupMails.map((m) => m.kind)).toContain('decision-email');
      expect(problems()).toEqual([]);
    });

    it('applies one decision to the selected inputs in Arabic, skipping one decided meanwhile', async () => {
      const tag = crypto.randomUUID().slice(0, 6);
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push((await createTestSubmission(portal.db, forum, { title: `دفعة ${tag} ${i}` })).id);
      const { page, problems } = await signedIn(amina, 'ar');
      await page.getByLabel(/^بحث/).fill(tag);
      await page.getByRole('button', { name: 'عرض' }).click();
      // The search's own page, not the queue it replaces: ticks given to the old page would be lost.
      await page.waitForURL((address) => address.searchParams.get('q') === tag);
      await expect.poll(() => page.getByText('3 مساهمات مطابقة').count()).toBe(1);
      for (const checkbox of await page.getByRole('checkbox').all()) await checkbox.check();
      expect(await page.getByRole('checkbox', { checked: true }).count()).toBe(3);
      // Meanwhile, someone decides on one of them elsewhere.
      const meanwhile = await row(ids[0]);
      await portal.db.update(submissions).set({ decision: 'spam', decidedAt: new Date(), version: meanwhile.version + 1 }).where(eq(submissions.id, ids[0]));
      await page.getByLabel('القرار', { exact: true }).selectOption('accept');
      await page.screenshot(shot('ar-queue-bulk'));
      await page.getByRole('button', { name: 'تطبيق على المساهمات المحدّدة' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('اتُّخذ القرار بشأن');
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      const decided = await Promise.all(ids.map(row));
      expect(decided.map((d) => d.decision)).toEqual(['spam', 'accepted', 'accepted']);
      const audits = await portal.db.select().from(auditEvents).where(eq(auditEvents.submissionId, ids[1]));
      expect(audits.map((a) => a.action)).toContain('decision.accepted');
      // The audit trail shows the change with the arrow pointing the way Arabic reads: from ← to.
      await page.goto(url(`/ar/staff/submissions/${ids[1]}`));
      // Times read as Arabic writes them, in UTC with the zone named, set apart from the text
      // around them, the instant kept for machines; the same text the server rendered (hydrated).
      const received = (await row(ids[1])).receivedAt;
      const time = page.locator(`bdi > time[datetime="${received.toISOString()}"]`).first();
      expect(await time.textContent()).toBe(staffTime(received, 'ar').text);
      expect(staffTime(received, 'ar').text).toMatch(/UTC/);
      expect(staffTime(received, 'ar').text).not.toBe(staffTime(received, 'en').text);
      const audit = page.getByRole('list').filter({ hasText: 'مقبولة' }).last();
      await expect.poll(() => audit.getByText('قيد الانتظار ← مقبولة').count()).toBe(1);
      expect(await audit.getByText('→').count()).toBe(0);
      expect(problems()).toEqual([]);
    });
  });
});
