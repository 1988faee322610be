/**
 * The admins' operations page in Chromium, against the whole portal (web and worker processes)
 * whose mail server refuses every recipient for good (550 at RCPT TO) and is then mended: e-mails
 * really fail for good, an admin finds them listed (in English, and in Arabic right to left) with
 * the queues and the outbox's backlog, retries one and then all listed, and the running worker
 * delivers them, with new status links that work; every retry is audited in the admin's name. An
 * e-mail that is no longer needed is listed with the reason and no button. A moderator is kept
 * out. With JavaScript and without it.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, outbox, type Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { launchChromium, openPage } from '../helpers/browser';
import { ACCEPT, faultySmtp } from '../helpers/faulty-smtp';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';
import { eventually } from '../helpers/services';
import { createStaff, signedInPage, type TestStaff } from '../helpers/staff';

const REFUSE = { failAt: 'rcpt', code: 550, text: 'No such user here' } as const;

let smtp: Awaited<ReturnType<typeof faultySmtp>>;
let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let browser: Browser;
let forum: Forum;
let admin: TestStaff;
let moderator: TestStaff;
const url = (p: string) => `${portal.appUrl}${p}`;
const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });
const address = () => `ops-${crypto.randomUUID().slice(0, 8)}@example.org`;

/** What the mail server accepted for one address. */
const deliveredTo = (email: string): ParsedMail[] =>
  smtp.received.filter((m) => [m.to].flat().some((a) => a?.value.some((v) => v.address === email)));

/** The outbox row of this kind about this input, once the worker has given up on it for good. */
const failedRow = (submissionId: string, kind: string) =>
  eventually(
    async () =>
      (await portal.db.select().from(outbox).where(and(eq(outbox.submissionId, submissionId), eq(outbox.kind, kind), isNotNull(outbox.failedAt))))[0],
    30_000,
    `${kind} to fail for good`,
  );

const outboxRow = async (id: number) => (await portal.db.select().from(outbox).where(eq(outbox.id, id)))[0];
const retriedAudit = (submissionId: string) =>
  portal.db.select().from(auditEvents).where(and(eq(auditEvents.submissionId, submissionId), eq(auditEvents.action, 'email.retried')));

const failedTable = (page: Page, caption = 'Failed work, newest first') => page.getByRole('table', { name: caption });
/** A failed row by its number (the row's header). */
const rowOf = (page: Page, id: number, caption?: string) =>
  failedTable(page, caption).getByRole('row').filter({ has: page.getByRole('rowheader', { name: String(id), exact: true }) });
const statusLinkIn = (mail: ParsedMail) => /http:\/\/127\.0\.0\.1:\d+\/en\/status\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? '')?.[0];

beforeAll(async () => {
  smtp = await faultySmtp(REFUSE);
  await smtp.listen();
  portal = await startPortalUnderTest(REDIS_DB.operationsPage, { SMTP_URL: smtp.url });
  forum = await createForum(portal.db, 'open', { name: { en: 'Operations review', ar: 'مراجعة العمليات' } });
  admin = await createStaff(portal.db, { email: 'ops-admin@un.example', displayName: 'Ops Admin', role: 'admin' });
  moderator = await createStaff(portal.db, { email: 'ops-mod@un.example', displayName: 'Ops Moderator', role: 'moderator' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await smtp?.stop();
});

// Staff pages are the client application; the retry must also work as a plain HTML form.
describe.each([
  { way: 'with JavaScript', javaScriptEnabled: true },
  { way: 'without JavaScript', javaScriptEnabled: false },
])('$way', ({ javaScriptEnabled }) => {
  it('lists e-mails that failed for good; retrying one, then all listed, has the running worker deliver them', async () => {
    smtp.set(REFUSE);
    const waitingEmail = address();
    const confirmedEmail = address();
    // Never confirmed: its confirmation request fails. Confirmed: the request fails and so does the acknowledgement.
    const waiting = await createTestSubmission(portal.db, forum, { email: waitingEmail, title: 'Consular services far from the capital' }, 'en', { confirmed: false });
    const confirmed = await createTestSubmission(portal.db, forum, { email: confirmedEmail, title: 'Remittance costs' });
    const confirmRow = await failedRow(waiting.id, 'confirm-email');
    const ackRow = await failedRow(confirmed.id, 'acknowledge');
    const notNeededRow = await failedRow(confirmed.id, 'confirm-email');
    expect(confirmRow.attempts).toBe(1);
    // Its one-time status token went with the failure.
    expect(confirmRow.payload).toEqual({});
    expect([...deliveredTo(waitingEmail), ...deliveredTo(confirmedEmail)]).toEqual([]);

    const { page, problems } = await signedInPage(browser, portal.appUrl, admin, 'en', { javaScriptEnabled });
    await page.getByRole('navigation', { name: 'Secretariat' }).getByRole('link', { name: 'Operations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Operations' }).waitFor();

    // The queues (queue × state) and the outbox's backlog.
    const queues = page.getByRole('table', { name: 'Jobs in the queues' });
    expect(await queues.getByRole('columnheader').allTextContents()).toEqual(['Queue', 'Waiting', 'Running', 'Delayed (to be tried again)', 'Failed']);
    expect(await queues.getByRole('rowheader').allTextContents()).toEqual(['E-mails', 'Checks of inputs', 'PDFs and books']);
    expect(await page.getByRole('heading', { level: 2, name: 'Waiting in the outbox' }).count()).toBe(1);

    // The failures, with the input's reference, the attempts and the stored error; never an address.
    const confirmCells = await rowOf(page, confirmRow.id).getByRole('cell').allTextContents();
    expect(confirmCells.slice(0, 3)).toEqual(['Request to confirm the address', waiting.reference, '1']);
    expect(confirmCells[3]).toMatch(/SMTP send failed at RCPT TO: .*550/);
    expect(await rowOf(page, ackRow.id).getByRole('cell').first().textContent()).toBe('Acknowledgement with receipt');
    // Already confirmed: no longer needed, said so, and no button.
    expect(await rowOf(page, notNeededRow.id).getByRole('cell').last().textContent()).toBe('Not needed: the address is already confirmed.');
    expect(await page.getByRole('button', { name: `Retry no. ${notNeededRow.id}` }).count()).toBe(0);
    const html = await page.content();
    for (const secret of [waitingEmail, confirmedEmail, waiting.statusToken, confirmed.statusToken]) expect(html).not.toContain(secret);
    await page.screenshot(shot(`en-staff-operations${javaScriptEnabled ? '' : '-nojs'}`));

    // The same page in Arabic, right to left, the reference kept whole.
    await page.goto(url('/ar/staff/operations'));
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('العمليات');
    const arabicRow = rowOf(page, confirmRow.id, 'الأعمال التي أخفقت، الأحدث أولًا');
    expect(await arabicRow.getByRole('cell').first().textContent()).toBe('طلب تأكيد العنوان');
    expect(await arabicRow.getByRole('link', { name: waiting.reference }).evaluate((a) => a.firstElementChild?.tagName)).toBe('BDI');
    expect(await arabicRow.getByRole('button', { name: `إعادة المحاولة رقم ${confirmRow.id}` }).count()).toBe(1);
    await page.screenshot(shot(`ar-staff-operations${javaScriptEnabled ? '' : '-nojs'}`));

    // The mail server is mended; the one request is retried.
    smtp.set(ACCEPT);
    await page.goto(url('/en/staff/operations'));
    await page.getByRole('button', { name: `Retry no. ${confirmRow.id}` }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Queued again: 1');
    await expect.poll(() => deliveredTo(waitingEmail).length, { timeout: 30_000 }).toBe(1);
    const request = deliveredTo(waitingEmail)[0];
    // Recorded as delivered just after the mail server's "250".
    await expect.poll(async () => (await outboxRow(confirmRow.id)).doneAt).not.toBeNull();
    expect(await outboxRow(confirmRow.id)).toMatchObject({ failedAt: null, lastError: null, payload: {} });
    expect((await retriedAudit(waiting.id)).map((a) => ({ actor: a.actorStaffId, details: a.details }))).toEqual([
      { actor: admin.id, details: expect.objectContaining({ kind: 'confirm-email', outboxId: confirmRow.id, attempts: 1 }) },
    ]);
    // Gone from the list once done.
    await page.reload();
    await expect.poll(() => rowOf(page, confirmRow.id).count()).toBe(0);

    // The e-mail carries a new private link (the first was erased when it failed), and it works.
    const link = statusLinkIn(request);
    expect(link).toBeDefined();
    expect(link).not.toContain(waiting.statusToken);
    const visitor = await openPage(browser);
    await visitor.page.goto(link!);
    await visitor.page.getByRole('button', { name: 'Confirm my e-mail address' }).click();
    await visitor.page.waitForURL(/confirmed=1/, { waitUntil: 'load' });
    // Confirmed with it: the acknowledgement follows, carrying the same working link.
    await expect.poll(() => deliveredTo(waitingEmail).length, { timeout: 30_000 }).toBe(2);
    expect(statusLinkIn(deliveredTo(waitingEmail)[1])).toBe(link);

    // Everything listed that can be retried, at once.
    await page.getByRole('button', { name: /^Retry all listed \(\d+\)$/ }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/^Queued again: [1-9]\d*$/);
    await expect.poll(() => deliveredTo(confirmedEmail).length, { timeout: 30_000 }).toBe(1);
    const acknowledgement = deliveredTo(confirmedEmail)[0];
    expect(acknowledgement.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
    expect(statusLinkIn(acknowledgement)).toBeDefined();
    await expect.poll(async () => (await outboxRow(ackRow.id)).doneAt).not.toBeNull();
    expect((await retriedAudit(confirmed.id)).map((a) => ({ actor: a.actorStaffId, kind: (a.details as { kind: string }).kind }))).toEqual([
      { actor: admin.id, kind: 'acknowledge' },
    ]);
    // The one no longer needed stays failed, and was neither sent nor audited as retried.
    expect((await outboxRow(notNeededRow.id)).failedAt).not.toBeNull();
    await page.reload();
    await expect.poll(() => rowOf(page, ackRow.id).count()).toBe(0);
    expect(await rowOf(page, notNeededRow.id).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Retry/ }).count()).toBe(0);

    expect(problems()).toEqual([]);
    expect(visitor.problems()).toEqual([]);
  });
});

describe('a moderator', () => {
  it('has no link to the page and is refused there', async () => {
    const { page, problems } = await signedInPage(browser, portal.appUrl, moderator);
    expect(await page.getByRole('navigation', { name: 'Secretariat' }).getByRole('link', { name: 'Operations' }).count()).toBe(0);
    const response = await page.goto(url('/en/staff/operations'));
    expect(response?.status()).toBe(403);
    expect(problems()).toEqual([]);
  });
});
