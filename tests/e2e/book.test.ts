/**
 * The book of inputs in Chromium, as an admin makes one: from the forum's staff page, ask for a
 * book by objective with an Arabic frame, watch the page until it is ready (the page reloads
 * itself, no script needed), download it, and read it: Arabic contents, the inputs, page numbers.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide } from '../../app/modules/moderation/decide';
import type { Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { launchChromium } from '../helpers/browser';
import { arabicFixture } from '../helpers/fixtures';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';
import { createStaff, signedInPage, type TestStaff } from '../helpers/staff';

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let browser: Browser;
let forum: Forum;
let admin: TestStaff;
const url = (p: string) => `${portal.appUrl}${p}`;
const squeeze = (s: string) => s.replace(/[\s\u200E\u200F\u202A-\u202E]+/g, '');

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.book);
  forum = await createForum(portal.db, 'open', { name: { en: 'Regional review for the Arab region', ar: 'الاستعراض الإقليمي للمنطقة العربية' } });
  admin = await createStaff(portal.db, { email: 'book-admin@un.example', role: 'admin' });
  for (const [title, objectives, body] of [
    ['حقوق العمال المهاجرين في منطقة الخليج', ['6'], arabicFixture('ar-arab-region-imrf-briefing')],
    ['Fair recruitment of domestic workers', ['6', '15'], 'Recruiters should never charge migrants a fee.'],
  ] as const) {
    const input = await createTestSubmission(portal.db, forum, { title, objectives: [...objectives], body, language: title.startsWith('Fair') ? 'en' : 'ar' });
    await decide(portal.db, { submissionId: input.id, expectedVersion: 1, staffId: admin.id, request: { decision: 'accepted' } });
  }
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('book of inputs', () => {
  it('an admin asks for an Arabic book by objective, sees it made, and downloads it', async () => {
    const { page, problems } = await signedInPage(browser, portal.appUrl, admin);
    await page.goto(url(`/en/staff/forums/${forum.id}`));
    await page.getByRole('link', { name: 'Book of the published inputs (PDF)' }).click();
    await page.getByLabel('Chapters').selectOption({ label: 'By GCM objective' });
    await page.getByLabel('Language of the cover and contents').selectOption({ label: 'العربية' });
    await page.getByRole('button', { name: 'Make the book' }).click();
    const download = page.getByRole('link', { name: /^Download/ });
    // The page reloads itself every few seconds until the book is ready.
    await expect.poll(() => download.count(), { timeout: 60_000 }).toBe(1);
    expect(await page.getByRole('cell', { name: 'By GCM objective' }).count()).toBe(1);
    // Each language is named in itself and marked as that language, for screen readers to say it right.
    expect(await page.getByRole('cell', { name: 'العربية', exact: true }).locator('[lang="ar"]').textContent()).toBe('العربية');
    expect(await page.getByLabel('Language of the cover and contents').locator('option[lang="zh"]').textContent()).toBe('中文');
    await page.screenshot({ path: 'test-results/screenshots/en-staff-books.png', fullPage: true });

    const res = await page.context().request.get(url((await download.getAttribute('href'))!));
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    mkdirSync('test-results/pdf', { recursive: true });
    writeFileSync('test-results/pdf/e2e-book.pdf', await res.body());
    execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '2', 'test-results/pdf/e2e-book.pdf', 'test-results/pdf/e2e-book']);
    const text = squeeze(execFileSync('pdftotext', ['-enc', 'UTF-8', 'test-results/pdf/e2e-book.pdf', '-'], { encoding: 'utf8' }));
    expect(text).toContain(squeeze('المحتويات'));
    expect(text).toContain(squeeze('حقوق العمال المهاجرين في منطقة الخليج'));
    expect(text).toContain('Fairrecruitmentofdomesticworkers');
    expect(text).toContain(squeeze('التوظيف العادل والعمل اللائق'));
    expect(problems()).toEqual([]);

    // Staff who are not admins cannot download it.
    const moderator = await createStaff(portal.db, { email: 'book-moderator@un.example', role: 'moderator' });
    const other = await signedInPage(browser, portal.appUrl, moderator);
    expect((await other.page.context().request.get(url((await download.getAttribute('href'))!))).status()).toBe(403);
  });
});
