/**
 * A moderator asks for changes in the staff interface; the submitter follows the link from the
 * e-mail, edits the input (without JavaScript, and with it) and sends it again; a new receipt
 * arrives and the input is back in the queue.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertStaffUser } from '../../app/modules/staff/staff-accounts';
import { withdrawSubmission } from '../../app/modules/submissions/withdraw';
import type { Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { launchChromium, openPage } from '../helpers/browser';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';
import { eventually, mailTo } from '../helpers/services';

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let browser: Browser;
let forum: Forum;
const staff = { email: 'changes-mod@un.example', password: 'a long and unguessable passphrase' };

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.changesRequested);
  forum = await createForum(portal.db);
  await upsertStaffUser(portal.db, { email: staff.email, displayName: 'Moderator', role: 'moderator', password: staff.password });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

async function mailsTo(email: string, count: number) {
  return eventually(async () => {
    const mails = await mailTo(email);
    return mails.length >= count ? mails : undefined;
  }, 30_000, `${count} e-mails`);
}

describe('changes requested', () => {
  it.each([
    { way: 'without JavaScript', javaScriptEnabled: false },
    { way: 'with JavaScript', javaScriptEnabled: true },
  ])('moderator asks, submitter edits $way and sends again, new receipt', async ({ javaScriptEnabled }) => {
    const email = `edit-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const { id, reference } = await createTestSubmission(portal.db, forum, { email, title: 'First title' });
    await mailsTo(email, 2); // the confirmation request and the acknowledgement

    const mod = await openPage(browser);
    await mod.page.goto(`${portal.appUrl}/en/staff/login`);
    await mod.page.getByLabel('E-mail address').fill(staff.email);
    await mod.page.getByLabel('Password').fill(staff.password);
    await mod.page.getByRole('button', { name: 'Sign in' }).click();
    await mod.page.getByRole('link', { name: reference }).click();
    await mod.page.getByRole('button', { name: 'Request changes' }).click();
    await expect.poll(() => mod.page.getByText('This field is required.').count()).toBeGreaterThan(0);
    await mod.page.getByLabel('What should the submitter change? (sent to them)').fill('Please remove the names in the second paragraph.');
    await mod.page.getByRole('button', { name: 'Request changes' }).click();
    await expect.poll(() => mod.page.getByText(/Decision: Changes requested/).count()).toBe(1);
    expect(mod.problems()).toEqual([]);

    const mails = await mailsTo(email, 3);
    const request = mails.find((m) => m.subject === `Action needed: changes requested to your input ${reference}`)!;
    expect(request.text).toContain('Please remove the names in the second paragraph.');
    const editLink = /https?:\/\/\S+\/status\/[A-Za-z0-9_-]{43}\/edit/.exec(request.text ?? '')![0];

    const submitter = await openPage(browser, { javaScriptEnabled });
    const page = submitter.page;
    await page.goto(editLink);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Edit your input to Test forum ${forum.referencePrefix.slice(1)}`);
    expect(await page.getByLabel('Title of the input').inputValue()).toBe('First title');
    expect(await page.getByLabel('E-mail address').getAttribute('readonly')).not.toBeNull();
    await page.getByLabel('Title of the input').fill('');
    await page.getByRole('button', { name: 'Send the edited input' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'There is a problem' }).count()).toBe(1);
    await page.getByLabel('Title of the input').fill('Second title, without names');
    if (!javaScriptEnabled) await page.screenshot({ path: 'test-results/screenshots/en-edit-after-changes.png', fullPage: true });
    await page.getByRole('button', { name: 'Send the edited input' }).click();
    await page.waitForURL(/\?resubmitted=1$/, { waitUntil: 'load' });
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Your edited input was sent');
    expect(await page.getByText('Received, in review by the secretariat').count()).toBe(1);
    // The edit link has done its work: it now shows the status page.
    await page.goto(editLink);
    expect(page.url()).not.toMatch(/\/edit$/);
    expect(submitter.problems()).toEqual([]);
    await page.context().close();

    const after = await mailsTo(email, 4);
    expect(after.filter((m) => m.subject?.startsWith('Received: your input')).length).toBe(2);
    await mod.page.goto(`${portal.appUrl}/en/staff`);
    expect(await mod.page.getByRole('link', { name: reference }).count()).toBe(1);
    await mod.page.goto(`${portal.appUrl}/en/staff/submissions/${id}`);
    expect(await mod.page.getByRole('heading', { level: 1 }).textContent()).toBe('Second title, without names');

    // A withdrawn input, and one still unconfirmed, offer no decision at all.
    const withdrawn = await createTestSubmission(portal.db, forum);
    await withdrawSubmission(portal.db, withdrawn.id);
    await mod.page.goto(`${portal.appUrl}/en/staff/submissions/${withdrawn.id}`);
    expect(await mod.page.getByText('The submitter withdrew this input').count()).toBe(1);
    const unconfirmed = await createTestSubmission(portal.db, forum, {}, 'en', { confirmed: false });
    await mod.page.goto(`${portal.appUrl}/en/staff/submissions/${unconfirmed.id}`);
    expect(await mod.page.getByText('has not confirmed the e-mail address yet').count()).toBe(1);
    for (const name of ['Accept and publish', 'Reject', 'Request changes']) expect(await mod.page.getByRole('button', { name }).count()).toBe(0);
    await mod.page.context().close();
  });
});
