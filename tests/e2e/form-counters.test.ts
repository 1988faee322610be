/**
 * Live length counters on the form, in Chromium with JavaScript: they count as the server does
 * (words by the input's language, so Chinese without spaces; characters as people see them) and
 * say when a field is over its limit. Without JavaScript there is no counter, only the stated limit.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countWords } from '../../app/modules/submissions/text-measure';
import type { Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { launchChromium, openPage } from '../helpers/browser';
import { arabicFixture, TRICKY_TEXTS } from '../helpers/fixtures';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let browser: Browser;
let forum: Forum;

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.formCounters);
  forum = await createForum(portal.db, 'open', { limits: { titleMaxChars: 200, summaryMaxChars: 20, bodyMaxWords: 400 } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('length counters', () => {
  it('count Arabic words, then Chinese words by the chosen language, and flag a summary over its limit', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${portal.appUrl}/ar/forums/${forum.slug}/submit`);
    const body = arabicFixture('ar-gcm-national-implementation-plans').split(/\s+/).slice(0, 120).join(' ');
    await page.getByLabel('لغة كتابة المساهمة').selectOption('ar');
    await page.getByLabel('النص الكامل').fill(body);
    await expect.poll(() => page.getByText(/^الكلمات: /).textContent()).toBe(`الكلمات: ${countWords(body, 'ar')} من 400`);

    await page.getByLabel('لغة كتابة المساهمة').selectOption('zh');
    await page.getByLabel('النص الكامل').fill(TRICKY_TEXTS.cjk);
    const cjkWords = countWords(TRICKY_TEXTS.cjk, 'zh');
    expect(cjkWords).toBeGreaterThan(1);
    await expect.poll(() => page.getByText(/^الكلمات: /).textContent()).toBe(`الكلمات: ${cjkWords} من 400`);

    // A letter with its vowel marks is one character, as on the server.
    await page.getByLabel('الملخص').fill('بِسْمِ'.repeat(4));
    await expect.poll(() => page.getByText(/^الحروف: /).textContent()).toBe('الحروف: 12 من 20');
    await page.getByLabel('الملخص').fill('كلمة'.repeat(6));
    await expect.poll(() => page.getByText(/تجاوزتَ الحد الأقصى للحروف/).textContent()).toBe('تجاوزتَ الحد الأقصى للحروف بمقدار 4');
    await page.screenshot({ path: 'test-results/screenshots/ar-counters.png', fullPage: true });
    expect(problems()).toEqual([]);
    await page.context().close();
  });

  it('leaves the stated limit alone when JavaScript is off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${portal.appUrl}/en/forums/${forum.slug}/submit`);
    await page.getByLabel('Full text').fill('one two three');
    expect(await page.getByText('At most 400 words.').count()).toBe(1);
    expect(await page.getByText(/of 400 words/).count()).toBe(0);
    await context.close();
  });
});
