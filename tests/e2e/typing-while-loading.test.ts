/**
 * A moderator who starts typing on the sign-in page while its script is still starting must not
 * break the page. Remix suspends its first render until it has decoded the page's data; input in
 * that moment made React hydrate at once and fail ("Root did not complete"). The test holds the
 * client application's script back, types the address, lets the script go, and types the password
 * straight away, at the moments the failure used to happen.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage } from '../helpers/browser';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';
import { createStaff, type TestStaff } from '../helpers/staff';

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let browser: Browser;
let moderator: TestStaff;

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.typingWhileLoading);
  moderator = await createStaff(portal.db, { email: 'early-typist@un.example', role: 'moderator' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('typing while the staff application starts', () => {
  it.each([0, 0, 10, 10, 20, 20])('signs in when the password is typed %i ms after the script arrives', async (wait) => {
    const { page, problems } = await openPage(browser);
    let letScriptGo!: () => void;
    const held = new Promise<void>((resolve) => (letScriptGo = resolve));
    await page.route(/\/assets\/components-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${portal.appUrl}/en/staff/login`, { waitUntil: 'domcontentloaded' });
    await page.getByLabel('E-mail address').fill(moderator.email);
    letScriptGo();
    await page.waitForTimeout(wait);
    await page.getByLabel('Password', { exact: true }).pressSequentially(moderator.password, { delay: 5 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toBe('Moderation queue');
    expect(problems()).toEqual([]);
    await page.context().close();
  });
});
