/**
 * The coverage map in Chromium: the public page of a forum shows its heat maps and bars as
 * pictures with accessible names, and the same numbers in tables (in English and in Arabic, right
 * to left, without JavaScript); a moderator of the forum sees the inputs still in review counted
 * too, and a moderator of another forum cannot open it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide } from '../../app/modules/moderation/decide';
import type { SubmissionInput } from '../../app/modules/submissions/submission-input';
import type { Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { launchChromium, openPage } from '../helpers/browser';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';
import { createStaff, signedInPage, type TestStaff } from '../helpers/staff';
import { staffForumAssignments, staffUsers } from '../../db/schema';
import { eq } from 'drizzle-orm';

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let browser: Browser;
let forum: Forum;
let other: Forum;
let moderator: TestStaff;
let outsider: TestStaff;
const url = (p: string) => `${portal.appUrl}${p}`;
const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

async function published(overrides: Partial<SubmissionInput>) {
  const input = await createTestSubmission(portal.db, forum, overrides);
  expect(await decide(portal.db, { submissionId: input.id, expectedVersion: 1, staffId: moderator.id, request: { decision: 'accepted' } })).toEqual({ ok: true });
}

/** Limits a moderator to one forum, as an admin's invitation would. */
async function onlyForum(who: TestStaff, f: Forum) {
  await portal.db.update(staffUsers).set({ allForums: false }).where(eq(staffUsers.id, who.id));
  await portal.db.insert(staffForumAssignments).values({ staffId: who.id, forumId: f.id });
}

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.coverage);
  forum = await createForum(portal.db, 'open', { name: { en: 'Regional review for the Arab region', ar: 'الاستعراض الإقليمي للمنطقة العربية' } });
  other = await createForum(portal.db, 'open');
  moderator = await createStaff(portal.db, { email: 'coverage@un.example', role: 'moderator' });
  outsider = await createStaff(portal.db, { email: 'elsewhere@un.example', role: 'moderator' });
  await onlyForum(moderator, forum);
  await onlyForum(outsider, other);
  await published({ objectives: ['6', '15'], constituency: 'trade_unions', country: 'PH', region: 'ESCAP', language: 'en' });
  await published({ objectives: ['6'], constituency: 'migrants', country: 'JO', region: 'ESCWA', language: 'ar' });
  await published({ objectives: ['6'], constituency: 'migrants', country: 'LB', region: 'ESCWA', language: 'ar' });
  // In review: counted for staff only.
  await createTestSubmission(portal.db, forum, { objectives: ['23'], constituency: 'migrants', country: 'JO', region: 'ESCWA', language: 'ar' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

/** Opens every "numbers as a table" under the pictures, as a reader would. */
async function openTables(page: Page, summary: string) {
  for (const toggle of await page.getByText(summary, { exact: true }).all()) await toggle.click();
}

/** The numbers of a table row, as the page writes them. */
async function rowOf(page: Page, tableIndex: number, rowName: string): Promise<string[]> {
  const table = page.getByRole('table').nth(tableIndex);
  return table.getByRole('row', { name: rowName, exact: false }).first().getByRole('cell').allTextContents();
}

describe('the public coverage map', () => {
  it('shows objectives by group and region as pictures, with the numbers in tables, in English', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(url(`/en/forums/${forum.slug}`));
    await page.getByRole('link', { name: 'What the inputs to this forum address: the coverage map' }).click();
    // A public page is a new document: wait until all of it has arrived, not only its heading.
    await page.waitForURL(/\/coverage$/, { waitUntil: 'load' });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('What inputs to Regional review for the Arab region address');
    expect(await page.getByText('Inputs counted: 3.').count()).toBe(1);
    for (const name of ['GCM objectives by stakeholder group', 'GCM objectives by UN region', 'Inputs by the language they were written in', 'Inputs by week of arrival']) {
      expect(await page.getByRole('img', { name }).count(), name).toBe(1);
    }
    // The tables: objective 6 by group (Migrants column) and by region.
    await openTables(page, 'The numbers as a table');
    const groups = await page.getByRole('table').first().getByRole('columnheader').allTextContents();
    const row6 = await rowOf(page, 0, '6. Fair recruitment and decent work');
    expect(row6[groups.indexOf('Migrants') - 1]).toBe('2');
    expect(row6[groups.indexOf("Trade unions and workers' organisations") - 1]).toBe('1');
    expect((await rowOf(page, 0, '23. International cooperation')).every((n) => n === '0')).toBe(true);
    const regions = await page.getByRole('table').nth(1).getByRole('columnheader').allTextContents();
    expect((await rowOf(page, 1, '6. Fair recruitment and decent work'))[regions.findIndex((r) => r.includes('ESCWA')) - 1]).toBe('2');
    expect(await rowOf(page, 2, 'Arabic')).toEqual(['2']);
    // Each picture writes its numbers too: colour is never the only signal.
    const map = page.getByRole('img', { name: 'GCM objectives by stakeholder group' });
    expect(await map.locator('text', { hasText: /^2$/ }).count()).toBe(1);
    await page.screenshot(shot('en-coverage'));
    expect(problems()).toEqual([]);
  });

  it('reads right to left in Arabic, without JavaScript', async () => {
    const { page } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(url(`/ar/forums/${forum.slug}/coverage`));
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.getByRole('img', { name: 'أهداف الاتفاق العالمي بحسب فئة أصحاب المصلحة' }).getAttribute('direction')).toBe('rtl');
    await page.screenshot(shot('ar-coverage'));
    expect(await page.getByText('عدد المساهمات المحتسبة: 3.').count()).toBe(1);
    await openTables(page, 'الأرقام في جدول');
    expect(await rowOf(page, 2, 'العربية')).toEqual(['2']);
  });
});

describe('the staff coverage map', () => {
  it('counts inputs in review for a moderator of the forum, and is closed to others', async () => {
    const { page, problems } = await signedInPage(browser, portal.appUrl, moderator);
    await page.goto(url(`/en/staff?forum=${forum.id}`));
    await page.getByRole('link', { name: 'Coverage map of this forum, including inputs in review' }).click();
    await expect.poll(() => page.getByText('Inputs counted: 4.').count()).toBe(1);
    await openTables(page, 'The numbers as a table');
    expect(await rowOf(page, 0, '23. International cooperation')).toContain('1');
    await page.screenshot(shot('en-staff-coverage'));
    expect(problems()).toEqual([]);

    const elsewhere = await signedInPage(browser, portal.appUrl, outsider);
    const res = await elsewhere.page.goto(url(`/en/staff/forums/${forum.id}/coverage`));
    expect(res?.status()).toBe(403);
  });
});
