/**
 * Staff accounts in Chromium, end to end: an admin invites a new admin in Arabic, who follows the
 * e-mailed link, chooses a password, sets up two-factor sign-in from the page's secret (as an
 * authenticator app would), and later signs in with password and code. A moderator invited in
 * English works without a code. A disabled account loses its open session at once. Over HTTP:
 * sign-in throttling answers the same for known and unknown addresses, sessions end when idle,
 * and a code is taken once.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../../app/modules/staff/totp';
import { auditEvents, staffForumAssignments, staffSessions, staffUsers, type Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { launchChromium, openPage } from '../helpers/browser';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';
import { eventually, mailTo } from '../helpers/services';
import { createStaff, freshTotpCode, noteTotpStepUsed, signInInBrowser, signInOverHttp, type TestStaff } from '../helpers/staff';

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let browser: Browser;
let admin: TestStaff;
let forum: Forum;
const url = (p: string) => `${portal.appUrl}${p}`;
const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.staffAccounts);
  admin = await createStaff(portal.db, { email: 'head-admin@un.example', displayName: 'Head Admin', role: 'admin' });
  forum = await createForum(portal.db, 'open', { name: { en: 'Regional review for Asia and the Pacific', ar: 'الاستعراض الإقليمي لآسيا والمحيط الهادئ' } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

async function inviteLink(email: string): Promise<{ link: string; subject: string; text: string }> {
  const mail = await eventually(async () => (await mailTo(email)).at(-1), 30_000, `invitation to ${email}`);
  const text = mail.text ?? '';
  const link = /https?:\/\/\S+\/staff\/invite\/[A-Za-z0-9_-]{43}/.exec(text)?.[0];
  if (!link) throw new Error(`no invitation link in: ${text}`);
  return { link, subject: mail.subject ?? '', text };
}

/** The secret as printed next to the QR code, without the spaces that group it for reading. */
async function secretOnPage(page: Page, label: string): Promise<string> {
  const text = (await page.getByText(label).textContent()) ?? '';
  return text.replace(label, '').replace(/\s+/g, '');
}

describe('invitations and two-factor sign-in', () => {
  it('an admin invites an admin in Arabic: link → password → two-factor set-up → signed in; then password and code', async () => {
    const { page, problems } = await openPage(browser);
    await signInInBrowser(page, portal.appUrl, admin);
    await page.getByRole('link', { name: 'Staff' }).click();
    await page.getByRole('link', { name: 'Invite a staff member' }).click();
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await expect.poll(() => page.getByText('This field is required.').count()).toBeGreaterThan(0);
    await page.getByLabel('Name').fill('ليلى منصور');
    await page.getByLabel('E-mail address').fill('Layla.Mansour@UN.example');
    await page.getByLabel('Language of the invitation').selectOption('ar');
    await page.getByLabel(/^Administrator/).check();
    await page.screenshot(shot('en-staff-invite'));
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('The invitation was sent.');
    expect(await page.getByRole('cell', { name: 'Invited (no password yet)' }).count()).toBe(1);
    expect(problems()).toEqual([]);

    const invitation = await inviteLink('layla.mansour@un.example');
    expect(invitation.subject).toBe('دعوة إلى الإشراف على المساهمات المقدَّمة إلى منتديات استعراض الاتفاق العالمي من أجل الهجرة');
    expect(invitation.text).toContain('Head Admin');
    expect(invitation.link).toContain('/ar/staff/invite/');

    const invitee = await openPage(browser);
    await invitee.page.goto(invitation.link);
    expect(await invitee.page.locator('html').getAttribute('dir')).toBe('rtl');
    await invitee.page.getByLabel('كلمة المرور الجديدة').fill('short');
    await invitee.page.getByLabel('اكتب كلمة المرور مرة أخرى').fill('short');
    await invitee.page.getByRole('button', { name: 'حفظ كلمة المرور' }).click();
    // Said twice: in the error summary, as a link to the field, and at the field itself.
    const tooShort = 'يجب أن تتكوّن كلمة المرور من 12 حرفًا على الأقل.';
    await expect.poll(() => invitee.page.getByRole('link', { name: `كلمة المرور الجديدة: ${tooShort}`, exact: true }).count()).toBe(1);
    expect(await invitee.page.getByText(tooShort, { exact: true }).count()).toBe(1);
    const password = 'قمر فوق جبال الأطلس البعيدة';
    await invitee.page.getByLabel('كلمة المرور الجديدة').fill(password);
    await invitee.page.getByLabel('اكتب كلمة المرور مرة أخرى').fill(password);
    await invitee.page.getByRole('button', { name: 'حفظ كلمة المرور' }).click();

    // An admin must set up two-factor sign-in before anything else opens.
    await expect.poll(() => invitee.page.getByRole('heading', { level: 1 }).textContent()).toBe('الدخول بعاملين');
    expect(await invitee.page.getByRole('img', { name: 'رمز استجابة سريعة لإضافة الحساب إلى تطبيق المصادقة' }).count()).toBe(1);
    await invitee.page.goto(url('/ar/staff'));
    await expect.poll(() => invitee.page.getByRole('heading', { level: 1 }).textContent()).toBe('الدخول بعاملين');
    await invitee.page.screenshot(shot('ar-staff-totp-setup'));
    const secret = await secretOnPage(invitee.page, 'المفتاح السري:');
    await invitee.page.getByLabel('رمز من ستة أرقام').fill('000000');
    await invitee.page.getByRole('button', { name: 'تفعيل الدخول بعاملين' }).click();
    await expect.poll(() => invitee.page.getByRole('alert').textContent()).toContain('هذا الرمز غير مطابق');
    await invitee.page.getByLabel('رمز من ستة أرقام').fill(await freshTotpCode(secret));
    await invitee.page.getByRole('button', { name: 'تفعيل الدخول بعاملين' }).click();
    await expect.poll(() => invitee.page.getByRole('heading', { level: 1 }).textContent()).toBe('قائمة المراجعة');
    expect(await invitee.page.getByRole('link', { name: 'فريق الأمانة' }).count()).toBe(1);

    // The link worked once.
    const again = await openPage(browser);
    await again.page.goto(invitation.link);
    expect(await again.page.getByRole('alert').textContent()).toContain('لم يعد هذا الرابط صالحًا');

    // Signing out and in again asks for the password, then the code.
    await invitee.page.getByRole('button', { name: 'تسجيل الخروج' }).click();
    // Signing out lands on the sign-in page; opening it earlier would race the sign-out request.
    await invitee.page.waitForURL(/\/ar\/staff\/login$/);
    // The address changes as the client application starts rendering the page: wait for the page.
    await expect.poll(() => invitee.page.getByRole('heading', { level: 1 }).textContent()).toBe('دخول موظفي الأمانة');
    await signInInBrowser(invitee.page, portal.appUrl, { email: 'layla.mansour@un.example', password, totpSecret: secret }, 'ar');
    expect(invitee.problems()).toEqual([]);

    const [row] = await portal.db.select().from(staffUsers).where(eq(staffUsers.email, 'layla.mansour@un.example'));
    const actions = (await portal.db.select().from(auditEvents).where(eq(auditEvents.actorStaffId, row.id)).orderBy(auditEvents.id)).map((a) => a.action);
    expect(actions).toEqual(['staff.password_set', 'staff.totp_enabled', 'staff.signed_in', 'staff.signed_in']);
  });

  it('a moderator invited for one forum signs in without a code and sees that they may add one', async () => {
    const { page } = await openPage(browser);
    await signInInBrowser(page, portal.appUrl, admin);
    await page.goto(url('/en/staff/team/new'));
    await page.getByLabel('Name').fill('Carlos Moderator');
    await page.getByLabel('E-mail address').fill('carlos@un.example');
    await page.getByLabel(/^Moderator/).check();
    await page.getByLabel('Only the forums ticked below').check();
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await expect.poll(() => page.getByText('Tick at least one forum, or choose all forums.', { exact: true }).count()).toBe(1);
    expect(await page.getByLabel('Name').inputValue()).toBe('Carlos Moderator');
    await page.getByLabel('Regional review for Asia and the Pacific').check();
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('The invitation was sent.');

    expect(await page.getByRole('cell', { name: 'Regional review for Asia and the Pacific' }).count()).toBe(1);
    const [carlos] = await portal.db.select().from(staffUsers).where(eq(staffUsers.email, 'carlos@un.example'));
    expect(await portal.db.select().from(staffForumAssignments).where(eq(staffForumAssignments.staffId, carlos.id))).toEqual([{ staffId: carlos.id, forumId: forum.id }]);
    const invitation = await inviteLink('carlos@un.example');
    expect(invitation.subject).toBe('You are invited to moderate inputs to the GCM review forums');
    const invitee = await openPage(browser);
    await invitee.page.goto(invitation.link);
    await invitee.page.getByLabel('New password').fill('a moderator passphrase of some length');
    await invitee.page.getByLabel('Type the password again').fill('a moderator passphrase of some length');
    await invitee.page.getByRole('button', { name: 'Save my password' }).click();
    await expect.poll(() => invitee.page.getByRole('heading', { level: 1 }).textContent()).toBe('Moderation queue');
    await invitee.page.getByRole('link', { name: 'Two-factor sign-in' }).click();
    await expect.poll(() => invitee.page.getByText(/You can add a code from an authenticator app/).count()).toBe(1);
    expect(invitee.problems()).toEqual([]);
  });
});

describe('disabling an account', () => {
  it('ends the open session at once: the next click goes to the sign-in page', async () => {
    const moderator = await createStaff(portal.db, { email: 'soon-disabled@un.example', displayName: 'Soon Disabled', role: 'moderator' });
    const mod = await openPage(browser);
    await signInInBrowser(mod.page, portal.appUrl, moderator);

    const { page, problems } = await openPage(browser);
    await signInInBrowser(page, portal.appUrl, admin);
    await page.goto(url(`/en/staff/team/${moderator.id}`));
    await page.getByRole('button', { name: 'Disable the account' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('The account is disabled: its sessions have ended.');
    await page.screenshot(shot('en-staff-member-disabled'));
    expect(await portal.db.select().from(staffSessions).where(eq(staffSessions.staffId, moderator.id))).toEqual([]);

    await mod.page.getByRole('link', { name: 'Moderation queue' }).click();
    await expect.poll(() => mod.page.getByRole('heading', { level: 1 }).textContent()).toBe('Secretariat sign-in');
    await mod.page.getByLabel('E-mail address').fill(moderator.email);
    await mod.page.getByLabel('Password', { exact: true }).fill(moderator.password);
    await mod.page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => mod.page.getByRole('alert').textContent()).toBe('The e-mail address or password is not correct.');
    expect(problems()).toEqual([]);
  });
});

describe('sign-in over HTTP', () => {
  // Every request here comes from 127.0.0.1: one connection, as an attacker's would be.
  const login = (email: string, password: string) =>
    fetch(url('/en/staff/login'), {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: portal.appUrl, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password }),
    });
  const alertOf = async (res: Response) => /role="alert">([^<]*)</.exec(await res.text())?.[1];

  it('answers a wrong password and an unknown address alike, then throttles both alike without locking the account', async () => {
    const known = await createStaff(portal.db, { email: 'throttle-known@un.example', role: 'moderator' });
    const wrong = await login(known.email, 'not the password at all');
    const unknown = await login('nobody-here@un.example', 'not the password at all');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(await alertOf(wrong)).toBe(await alertOf(unknown));

    let lastKnown: Response | undefined;
    let lastUnknown: Response | undefined;
    for (let i = 0; i < 10; i++) {
      lastKnown = await login(known.email, `wrong ${i}`);
      lastUnknown = await login('nobody-here@un.example', `wrong ${i}`);
    }
    expect([lastKnown!.status, lastUnknown!.status]).toEqual([429, 429]);
    // Alike, but each counted to the second at its own moment (the two may straddle a second).
    const [knownWait, unknownWait] = [lastKnown!, lastUnknown!].map((res) => Number(res.headers.get('retry-after')));
    expect(knownWait).toBeGreaterThan(0);
    expect(Math.abs(knownWait - unknownWait)).toBeLessThanOrEqual(1);
    expect((await alertOf(lastKnown!))?.replace(/\d+/g, 'N')).toBe((await alertOf(lastUnknown!))?.replace(/\d+/g, 'N'));
    // Even the right password waits out the throttle from this connection…
    expect((await login(known.email, known.password)).status).toBe(429);
    // …but the account itself is not locked: it is the address from this connection that is slowed.
    const [row] = await portal.db.select().from(staffUsers).where(eq(staffUsers.id, known.id));
    expect(row.disabledAt).toBeNull();
  });

  it('ends a session left idle for half an hour, and one past its absolute end', async () => {
    const moderator = await createStaff(portal.db, { email: 'idle-mod@un.example', role: 'moderator' });
    const idle = await signInOverHttp(portal.appUrl, moderator);
    const expired = await signInOverHttp(portal.appUrl, moderator);
    const open = (cookie: string) => fetch(url('/en/staff'), { redirect: 'manual', headers: { Cookie: cookie } });
    expect((await open(idle.cookie)).status).toBe(200);
    // The cookie carries the token as Remix encodes cookie values (base64 of JSON); the table, its SHA-256.
    const tokenHash = (cookie: string) =>
      createHash('sha256').update(JSON.parse(Buffer.from(decodeURIComponent(cookie.split('=')[1]), 'base64').toString('utf8'))).digest('hex');
    await portal.db.update(staffSessions).set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) }).where(eq(staffSessions.id, tokenHash(idle.cookie)));
    await portal.db.update(staffSessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(staffSessions.id, tokenHash(expired.cookie)));
    for (const cookie of [idle.cookie, expired.cookie]) {
      const res = await open(cookie);
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/en/staff/login');
    }
  });

  it('takes a code once: the same code replayed for a second sign-in is refused', async () => {
    const withCode = await createStaff(portal.db, { email: 'replay-mod@un.example', role: 'moderator', totp: true });
    const start = async () => {
      const res = await login(withCode.email, withCode.password);
      const cookie = res.headers.get('set-cookie')!.split(';')[0];
      const page = await (await fetch(url('/en/staff/login/code'), { headers: { Cookie: cookie } })).text();
      return { cookie, csrf: /name="csrf" value="([^"]+)"/.exec(page)![1] };
    };
    const sendCode = (s: { cookie: string; csrf: string }, code: string) =>
      fetch(url('/en/staff/login/code'), {
        method: 'POST',
        redirect: 'manual',
        headers: { Origin: portal.appUrl, 'Content-Type': 'application/x-www-form-urlencoded', Cookie: s.cookie },
        body: new URLSearchParams({ csrf: s.csrf, code }),
      });
    const now = new Date();
    const code = totpCodeAt(withCode.totpSecret!, now);
    noteTotpStepUsed(withCode.totpSecret!, now);
    const first = await start();
    expect((await sendCode(first, code)).status).toBe(302);
    const second = await start();
    expect((await sendCode(second, code)).status).toBe(401);
    // The half-signed-in session opens nothing meanwhile.
    const res = await fetch(url('/en/staff'), { redirect: 'manual', headers: { Cookie: second.cookie } });
    expect(res.headers.get('location')).toBe('/en/staff/login/code');
  });
});
