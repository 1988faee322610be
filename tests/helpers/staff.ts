/**
 * Staff accounts for tests and signing them in as a person would: the sign-in form, then, for
 * accounts with two-factor sign-in, the code an authenticator app would show at that moment.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { openPage } from './browser';
import { expect } from 'vitest';
import type { Db } from '../../db/client';
import { upsertStaffUser } from '../../app/modules/staff/staff-accounts';
import { newTotpSecret, totpCodeAt } from '../../app/modules/staff/totp';

export interface TestStaff {
  id: string;
  email: string;
  password: string;
  /** Set for admins (who must have it) and for moderators created with `totp: true`. */
  totpSecret?: string;
}

export async function createStaff(
  db: Db,
  args: { email: string; role: 'admin' | 'moderator'; displayName?: string; password?: string; totp?: boolean },
): Promise<TestStaff> {
  const password = args.password ?? 'a long and unguessable passphrase';
  const totpSecret = args.role === 'admin' || args.totp ? newTotpSecret() : undefined;
  const user = await upsertStaffUser(db, { email: args.email, displayName: args.displayName ?? args.email.split('@')[0], role: args.role, password, totpSecret });
  return { id: user.id, email: user.email, password, totpSecret };
}

const STEP_MS = 30_000;
const lastStepUsed = new Map<string, number>();

/**
 * A code the portal has not seen yet: the server takes each 30-second step once (replays are
 * refused) and allows one step of clock drift, so this uses the current step or the next, and
 * waits for time to pass when both were used.
 */
export async function freshTotpCode(secret: string): Promise<string> {
  for (;;) {
    const current = Math.floor(Date.now() / STEP_MS);
    const last = lastStepUsed.get(secret) ?? -1;
    const step = [current, current + 1].find((s) => s > last);
    if (step !== undefined) {
      lastStepUsed.set(secret, step);
      return totpCodeAt(secret, new Date(step * STEP_MS + 1000));
    }
    await new Promise((r) => setTimeout(r, (current + 1) * STEP_MS - Date.now() + 50));
  }
}

/** Records a step used outside freshTotpCode (a test that types a code by hand). */
export function noteTotpStepUsed(secret: string, at: Date): void {
  lastStepUsed.set(secret, Math.max(lastStepUsed.get(secret) ?? -1, Math.floor(at.getTime() / STEP_MS)));
}

const LABELS = {
  en: { email: 'E-mail address', password: 'Password', submit: 'Sign in', code: 'Six-digit code', next: 'Continue', queue: 'Moderation queue' },
  ar: { email: 'البريد الإلكتروني', password: 'كلمة المرور', submit: 'تسجيل الدخول', code: 'رمز من ستة أرقام', next: 'متابعة', queue: 'قائمة المراجعة' },
};

/** Signs in through the pages, as a person would, and waits for the moderation queue. */
export async function signInInBrowser(page: Page, appUrl: string, who: Pick<TestStaff, 'email' | 'password' | 'totpSecret'>, lang: 'en' | 'ar' = 'en') {
  const l = LABELS[lang];
  await page.goto(`${appUrl}/${lang}/staff/login`);
  await page.getByLabel(l.email).fill(who.email);
  await page.getByLabel(l.password, { exact: true }).fill(who.password);
  await page.getByRole('button', { name: l.submit }).click();
  if (who.totpSecret) {
    await page.getByLabel(l.code).fill(await freshTotpCode(who.totpSecret));
    await page.getByRole('button', { name: l.next }).click();
  }
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(l.queue);
}

/** The CSRF token of a signed-in session, as its pages carry it. */
export async function csrfTokenOf(appUrl: string, cookie: string): Promise<string> {
  const html = await (await fetch(`${appUrl}/en/staff`, { headers: { Cookie: cookie } })).text();
  const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF token on the staff page');
  return token;
}

/** Signs in over plain HTTP (for authorisation tests); returns the session cookie and its CSRF token. */
export async function signInOverHttp(appUrl: string, who: Pick<TestStaff, 'email' | 'password' | 'totpSecret'>): Promise<{ cookie: string; csrf: string }> {
  const form = (cookie: string | undefined, body: Record<string, string>, path: string) =>
    fetch(`${appUrl}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: appUrl, 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
      body: new URLSearchParams(body),
    });
  const cookieOf = (res: Response) => res.headers.get('set-cookie')?.split(';')[0];
  const first = await form(undefined, { email: who.email, password: who.password }, '/en/staff/login');
  let cookie = cookieOf(first);
  if (first.status !== 302 || !cookie) throw new Error(`sign-in failed: ${first.status}`);
  if (who.totpSecret) {
    const page = await (await fetch(`${appUrl}/en/staff/login/code`, { headers: { Cookie: cookie } })).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const second = await form(cookie, { csrf, code: await freshTotpCode(who.totpSecret) }, '/en/staff/login/code');
    cookie = cookieOf(second);
    if (second.status !== 302 || !cookie) throw new Error(`second step failed: ${second.status}`);
  }
  return { cookie, csrf: await csrfTokenOf(appUrl, cookie) };
}

/** A new browser page with `who` signed in (its own context, so several staff can work side by side). */
export async function signedInPage(
  browser: Browser,
  appUrl: string,
  who: TestStaff,
  lang: 'en' | 'ar' = 'en',
  options: BrowserContextOptions = {},
): Promise<{ page: Page; problems: () => string[] }> {
  const opened = await openPage(browser, options);
  await signInInBrowser(opened.page, appUrl, who, lang);
  return opened;
}
