/**
 * The public moderation ledger in Chromium: reached from the forum page, its tables read by their
 * captions, row headers and cells as assistive technology reads them, in English and in Arabic
 * (right to left, numbers in the Arabic locale's format), without JavaScript, and on a 360px
 * screen without sideways scrolling.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide, type DecisionRequest } from '../../app/modules/moderation/decide';
import { withdrawSubmission } from '../../app/modules/submissions/withdraw';
import type { Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { launchChromium, openPage } from '../helpers/browser';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';
import { createStaff } from '../helpers/staff';

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let browser: Browser;
let forum: Forum;
const url = (p: string) => `${portal.appUrl}${p}`;
const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

const MIGRANT_IN_MEXICO = { constituency: 'migrants', country: 'MX', region: 'ECLAC' } as const;

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.moderationLedger);
  forum = await createForum(portal.db, 'open', { name: { en: 'Ledger review', ar: 'استعراض السجل' } });
  const staff = await createStaff(portal.db, { email: 'ledger-mod@un.example', role: 'moderator' });
  const decided = async (request: DecisionRequest, overrides = {}) => {
    const input = await createTestSubmission(portal.db, forum, overrides);
    expect(await decide(portal.db, { submissionId: input.id, expectedVersion: 1, staffId: staff.id, request })).toEqual({ ok: true });
    return input;
  };
  // Nine received (civil society in Lebanon, ESCWA, unless said otherwise) and one never confirmed.
  await createTestSubmission(portal.db, forum);
  await createTestSubmission(portal.db, forum, MIGRANT_IN_MEXICO);
  const original = await decided({ decision: 'accepted' });
  await decided({ decision: 'accepted' }, MIGRANT_IN_MEXICO);
  await decided({ decision: 'rejected', category: 'not_gcm', reason: 'About tourism visas.' });
  await decided({ decision: 'rejected', category: 'out_of_scope', reason: 'About another forum.' });
  await decided({ decision: 'duplicate', duplicateOf: original.id });
  await decided({ decision: 'spam' });
  expect(await withdrawSubmission(portal.db, (await createTestSubmission(portal.db, forum)).id)).toBe(true);
  await createTestSubmission(portal.db, forum, { constituency: 'media' }, 'en', { confirmed: false });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

/** The text of a table's cell in the row whose header is `rowHeader` (first data column unless told). */
async function cell(table: Locator, rowHeader: string, column = 0): Promise<string | null> {
  const row = table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: rowHeader, exact: true }) });
  return row.getByRole('cell').nth(column).textContent();
}

/** Every number of the ledger, read through captions, row headers and cells, in English. */
async function readEnglishLedger(page: Page) {
  const outcomes = page.getByRole('table', { name: 'Inputs received and what became of them' });
  const reasons = page.getByRole('table', { name: 'Inputs not accepted, by kind of reason' });
  const groups = page.getByRole('table', { name: 'Inputs received and published, by stakeholder group' });
  const regions = page.getByRole('table', { name: 'Inputs received and published, by UN region' });
  const read = async (table: Locator, headers: string[], column = 0) => Object.fromEntries(await Promise.all(headers.map(async (h) => [h, await cell(table, h, column)])));
  return {
    outcomes: await read(outcomes, ['Published', 'Accepted, not yet published', 'Withdrawn from publication by the secretariat', 'Awaiting a decision', 'Not accepted', 'Marked as a duplicate', 'Marked as spam', 'Withdrawn by the submitter', 'Received (e-mail address confirmed)']),
    reasons: await read(reasons, ['Out of scope', 'Not about the Global Compact for Migration', 'Abusive', 'Spam', 'Risk to personal data', 'Other', 'Not accepted in all']),
    groupsReceived: await read(groups, ['Civil society organisations', 'Migrants', 'Media']),
    groupsPublished: await read(groups, ['Civil society organisations', 'Migrants', 'Media'], 1),
    regionsReceived: await read(regions, ['Arab region (ESCWA)', 'Latin America and the Caribbean (ECLAC)', 'Africa (ECA)']),
    regionsPublished: await read(regions, ['Arab region (ESCWA)', 'Latin America and the Caribbean (ECLAC)', 'Africa (ECA)'], 1),
  };
}

const ENGLISH_LEDGER = {
  outcomes: {
    Published: '2',
    'Accepted, not yet published': '0',
    'Withdrawn from publication by the secretariat': '0',
    'Awaiting a decision': '2',
    'Not accepted': '2',
    'Marked as a duplicate': '1',
    'Marked as spam': '1',
    'Withdrawn by the submitter': '1',
    'Received (e-mail address confirmed)': '9',
  },
  reasons: { 'Out of scope': '1', 'Not about the Global Compact for Migration': '1', Abusive: '0', Spam: '0', 'Risk to personal data': '0', Other: '0', 'Not accepted in all': '2' },
  groupsReceived: { 'Civil society organisations': '7', Migrants: '2', Media: '0' },
  groupsPublished: { 'Civil society organisations': '1', Migrants: '1', Media: '0' },
  regionsReceived: { 'Arab region (ESCWA)': '7', 'Latin America and the Caribbean (ECLAC)': '2', 'Africa (ECA)': '0' },
  regionsPublished: { 'Arab region (ESCWA)': '1', 'Latin America and the Caribbean (ECLAC)': '1', 'Africa (ECA)': '0' },
};

describe('the public moderation ledger', () => {
  it('is linked from the forum page and counts each outcome, kind of reason, group and region', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(url(`/en/forums/${forum.slug}`));
    await page.getByRole('link', { name: 'How inputs to this forum were handled' }).click();
    await page.waitForURL(/\/ledger$/, { waitUntil: 'load' }); // a public page is a new document: wait for all of it
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('How inputs to Ledger review were handled');
    expect(await readEnglishLedger(page)).toEqual(ENGLISH_LEDGER);
    // The moment of counting is stated, in the forum's zone, and machine-readable.
    expect(await page.getByText(/^Figures as of .+ \(America\/New_York\)\.$/).count()).toBe(1);
    expect(Date.parse((await page.locator('time').getAttribute('datetime')) ?? '')).not.toBeNaN();
    expect(await page.getByRole('heading', { level: 2, name: 'What the numbers mean' }).count()).toBe(1);
    await page.screenshot(shot('en-moderation-ledger'));
    expect(problems()).toEqual([]);
  });

  it('reads right to left in Arabic, with Arabic labels and numbers in the Arabic format', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(url(`/ar/forums/${forum.slug}`));
    await page.getByRole('link', { name: 'كيف جرى التعامل مع المساهمات المقدَّمة إلى هذا المنتدى' }).click();
    await page.waitForURL(/\/ledger$/, { waitUntil: 'load' }); // a public page is a new document: wait for all of it
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('كيف جرى التعامل مع المساهمات المقدَّمة إلى استعراض السجل');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    const n = (value: number) => new Intl.NumberFormat('ar').format(value);
    const outcomes = page.getByRole('table', { name: 'المساهمات الواردة وما آلت إليه' });
    expect(await cell(outcomes, 'منشورة')).toBe(n(2));
    expect(await cell(outcomes, 'بانتظار القرار')).toBe(n(2));
    expect(await cell(outcomes, 'سحبها أصحابها')).toBe(n(1));
    expect(await cell(outcomes, 'الواردة (بعد تأكيد عنوان البريد الإلكتروني)')).toBe(n(9));
    const reasons = page.getByRole('table', { name: 'المساهمات غير المقبولة حسب نوع السبب' });
    expect(await cell(reasons, 'لا تتعلق بالاتفاق العالمي من أجل الهجرة')).toBe(n(1));
    expect(await cell(reasons, 'خطر على البيانات الشخصية')).toBe(n(0));
    expect(await cell(reasons, 'مجموع المساهمات غير المقبولة')).toBe(n(2));
    const groups = page.getByRole('table', { name: 'المساهمات الواردة والمنشورة حسب فئة أصحاب المصلحة' });
    expect([await cell(groups, 'المهاجرون', 0), await cell(groups, 'المهاجرون', 1)]).toEqual([n(2), n(1)]);
    const regions = page.getByRole('table', { name: 'المساهمات الواردة والمنشورة حسب منطقة الأمم المتحدة' });
    expect([await cell(regions, 'المنطقة العربية (اللجنة الاقتصادية والاجتماعية لغربي آسيا)', 0), await cell(regions, 'المنطقة العربية (اللجنة الاقتصادية والاجتماعية لغربي آسيا)', 1)]).toEqual([n(7), n(1)]);
    expect(await page.getByText(/^الأرقام كما هي في .+\(America\/New_York\)\.$/).count()).toBe(1);
    // Counts line up at the end of their column, which is the left in Arabic.
    const numberCell = outcomes.getByRole('cell').first();
    expect(await numberCell.evaluate((e) => getComputedStyle(e).textAlign)).toBe('end');
    await page.screenshot(shot('ar-moderation-ledger'));
    expect(problems()).toEqual([]);
  });

  it('works without JavaScript, and fits a 360px screen in both languages', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(url(`/en/forums/${forum.slug}/ledger`));
    expect(await readEnglishLedger(page)).toEqual(ENGLISH_LEDGER);
    for (const lang of ['en', 'ar']) {
      await page.goto(url(`/${lang}/forums/${forum.slug}/ledger`));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${lang}: no sideways scrolling`).toBe(0);
      await page.screenshot(shot(`${lang}-moderation-ledger-360px`));
    }
    await context.close();
  });

  it('answers 404 for a forum that does not exist', async () => {
    const res = await fetch(url('/en/forums/no-such-forum/ledger'));
    expect(res.status).toBe(404);
  });
});
