/**
 * The keyboard alone, in Chromium: a person who cannot use a mouse sends an input in Arabic with
 * an attached file, confirms it from the status page, and a moderator signs in and accepts it in
 * English. Every control is reached with Tab (in the page's order, so an unreachable control fails
 * the test) and worked with Space, Enter and the arrow keys; focus is always visible. On public and
 * staff pages, in Arabic and English, the first Tab reaches a visible link that skips to the content.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../app/i18n/catalogues.server';
import { MIN_FILL_SECONDS } from '../../app/modules/abuse/form-timing';
import { objectiveLabel } from '../../app/modules/taxonomy/objectives';
import { submitterTypeLabel } from '../../app/modules/taxonomy/submitter-types';
import { attachments, submissions, type Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { launchChromium, openPage } from '../helpers/browser';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';
import { eventually, mailTo } from '../helpers/services';
import { createStaff, signedInPage, type TestStaff } from '../helpers/staff';

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let browser: Browser;
let forum: Forum;
let moderator: TestStaff;
const url = (p: string) => `${portal.appUrl}${p}`;

/** Presses Tab until `target` has focus, which must show; fails if Tab never reaches it. */
async function tabTo(page: Page, target: Locator, limit = 120): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) {
      const outline = await target.evaluate((el) => getComputedStyle(el).outlineStyle);
      expect(outline, 'focus must be visible').not.toBe('none');
      return;
    }
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Chooses an option of the focused select with the arrow keys, as a keyboard user does. */
async function chooseWithArrows(page: Page, select: Locator, value: string): Promise<void> {
  const [from, to] = await select.evaluate((el, v) => {
    const s = el as HTMLSelectElement;
    return [s.selectedIndex, [...s.options].findIndex((o) => o.value === v)];
  }, value);
  expect(to, `option ${value}`).toBeGreaterThanOrEqual(0);
  for (let i = from; i < to; i++) await page.keyboard.press('ArrowDown');
  expect(await select.inputValue()).toBe(value);
}

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.keyboard);
  forum = await createForum(portal.db, 'open', {
    name: { en: 'Regional review for the Arab region', ar: 'الاستعراض الإقليمي للمنطقة العربية' },
    attachmentRules: { allowedTypes: ['pdf', 'docx', 'odt', 'txt'], maxSizeMb: 1, maxCount: 2 },
  });
  moderator = await createStaff(portal.db, { email: 'keyboard-mod@un.example', displayName: 'Keyboard Moderator', role: 'moderator' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('keyboard only', () => {
  it('sends an input with a file, confirms it, and a moderator accepts it', async () => {
    const t = CATALOGUES.ar;
    const email = 'keyboard@example.org';
    const file = path.join(portal.dataDir, 'keyboard-notes.txt');
    writeFileSync(file, 'ملاحظات عن العمال المهاجرين\n');

    const { page, problems } = await openPage(browser);
    await page.goto(url(`/ar/forums/${forum.slug}/submit`));
    await tabTo(page, page.getByRole('radio', { name: submitterTypeLabel('individual', 'ar'), exact: true }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByLabel(t['form.contactName']));
    await page.keyboard.type('أمينة حداد');
    await tabTo(page, page.getByLabel(t['form.email']));
    await page.keyboard.type(email);
    await tabTo(page, page.getByLabel(t['form.constituency']));
    await chooseWithArrows(page, page.getByLabel(t['form.constituency']), 'civil_society');
    await tabTo(page, page.getByLabel(t['form.country']));
    await chooseWithArrows(page, page.getByLabel(t['form.country']), 'LB');
    await tabTo(page, page.getByLabel(t['form.language']));
    await chooseWithArrows(page, page.getByLabel(t['form.language']), 'ar');
    await tabTo(page, page.getByLabel(t['form.inputTitle']));
    await page.keyboard.type('حقوق العمال المهاجرين في لبنان');
    await tabTo(page, page.getByLabel(t['form.summary']));
    await page.keyboard.type('توصيات بشأن الوصول إلى العدالة.');
    await tabTo(page, page.getByLabel(t['form.body']));
    await page.keyboard.type('ينبغي توفير الترجمة والمساعدة القانونية للعمال المهاجرين.');
    await tabTo(page, page.getByRole('checkbox', { name: objectiveLabel('6', 'ar'), exact: true }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('checkbox', { name: t['form.consentPublication'], exact: true }));
    await page.keyboard.press('Space');
    // The file input opens the system's file dialog from the keyboard; the test answers the dialog.
    await tabTo(page, page.getByLabel(t['form.attachments.choose']));
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    await chooser.setFiles(file);
    // The file is sent at once; two busy cores may take a while to answer.
    await expect.poll(() => page.getByText('keyboard-notes.txt').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(MIN_FILL_SECONDS * 1000);
    await tabTo(page, page.getByRole('button', { name: t['form.submit'], exact: true }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/received$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t['received.title']);

    // The status page, from the link in the e-mail.
    const [mail] = await eventually(async () => ((await mailTo(email)).length > 0 ? mailTo(email) : undefined), 30_000, 'confirmation e-mail');
    await page.goto(/https?:\/\/\S+\/status\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? '')![0]);
    await tabTo(page, page.getByRole('button', { name: t['status.confirm.submit'], exact: true }));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('button', { name: t['status.confirm.submit'], exact: true }).count()).toBe(0);
    const [sent] = await portal.db.select().from(submissions).where(eq(submissions.email, email));
    expect(sent.emailConfirmedAt).toBeInstanceOf(Date);
    expect((await portal.db.select().from(attachments).where(eq(attachments.submissionId, sent.id))).map((a) => a.fileName)).toEqual(['keyboard-notes.txt']);
    expect(problems()).toEqual([]);

    // A moderator signs in and accepts it.
    const s = CATALOGUES.en;
    const staff = await openPage(browser);
    const p = staff.page;
    await p.goto(url('/en/staff/login'));
    await tabTo(p, p.getByLabel(s['staff.login.email'], { exact: true }));
    await p.keyboard.type(moderator.email);
    await tabTo(p, p.getByLabel(s['staff.login.password'], { exact: true }));
    await p.keyboard.type(moderator.password);
    await p.keyboard.press('Enter');
    await expect.poll(() => p.getByRole('heading', { level: 1 }).textContent()).toBe(s['staff.queue.title']);
    await tabTo(p, p.getByRole('row', { name: new RegExp(sent.title) }).getByRole('link', { name: sent.reference }));
    await p.keyboard.press('Enter');
    await p.waitForURL(/\/staff\/submissions\//);
    // The next page was loaded by the client application: focus starts at its heading, as on a new document.
    await expect.poll(() => p.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await tabTo(p, p.getByRole('button', { name: s['staff.detail.accept'], exact: true }));
    await p.keyboard.press('Enter');
    await eventually(async () => (await portal.db.select().from(submissions).where(eq(submissions.id, sent.id)))[0].publishedAt ?? undefined, 10_000, 'publication');
    // The decided page comes back with focus on its heading, not on the button that is gone.
    await expect.poll(() => p.evaluate(() => document.activeElement?.textContent)).toBe(sent.title);
    expect(staff.problems()).toEqual([]);
  });
});

describe('skip link', () => {
  /** The first Tab on a new document shows the skip link; Enter moves focus into the main content. */
  async function skipsToContent(page: Page, lang: 'ar' | 'en'): Promise<void> {
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: CATALOGUES[lang]['site.skip'], exact: true });
    expect(await skip.evaluate((el) => el === document.activeElement), 'the first Tab focuses the skip link').toBe(true);
    expect(await skip.evaluate((el) => getComputedStyle(el).outlineStyle), 'focus must be visible').not.toBe('none');
    // Shown inside the window while it has focus (it waits above the page otherwise).
    const box = await skip.boundingBox();
    const width = page.viewportSize()!.width;
    expect(box && box.y >= 0 && box.x >= 0 && box.x + box.width <= width && box.height > 0, 'the skip link is on screen').toBe(true);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('main')?.id ?? document.activeElement?.tagName), { message: 'focus is in the main content' })
      .toBe('main');
    // The next Tab goes on from there: to the first control of the content, past the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
  }

  it.each(['ar', 'en'] as const)('on a public page and a staff page, in %s', async (lang) => {
    const visitor = await openPage(browser);
    await visitor.page.goto(url(`/${lang}/forums/${forum.slug}`));
    await skipsToContent(visitor.page, lang);
    expect(visitor.problems()).toEqual([]);

    const staff = await signedInPage(browser, portal.appUrl, moderator, lang);
    // A new document, as when the page is opened from a bookmark.
    await staff.page.goto(url(`/${lang}/staff`));
    await skipsToContent(staff.page, lang);
    expect(staff.problems()).toEqual([]);
  });
});
