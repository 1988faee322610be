/**
 * Security, cookies and sessions: the flags of every cookie, over plain HTTP and behind an https
 * APP_URL; a new session at each step of signing in; signed-out and disabled-account cookies
 * refused on pages, data requests and forms (disabling an account in the browser: staff-accounts).
 */
import { createCookie } from '@remix-run/node';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { issueFormStamp } from '../../app/modules/abuse/form-timing';
import { setStaffDisabled } from '../../app/modules/staff/staff-admin';
import { SESSION_ABSOLUTE_MS, SIGN_IN_STEP_MS } from '../../app/modules/staff/staff-sessions';
import { submissions } from '../../db/schema';
import { portalEnv, startPortalProcess, waitForOutput, type PortalProcess } from '../helpers/processes';
import { REDIS_DB } from '../helpers/redis-databases';
import { cookiePair, expectNoSecretsOutside, parseSetCookie, secret, securityPortal } from '../helpers/security-portal';
import { createStaff, csrfTokenOf, freshTotpCode, signInOverHttp, type TestStaff } from '../helpers/staff';
import { freePort } from '../../scripts/services/ports';

const ctx = securityPortal(REDIS_DB.securityCookiesSessions);
const { get, postForm, newInput, passwordStep } = ctx;

/** A valid form post of the submit page (filled slowly enough), from its own client address. */
function submitForm(appUrl: string, slug: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const email = `security-form-${crypto.randomUUID().slice(0, 8)}@example.org`;
  ctx.secrets.push(email);
  return fetch(`${appUrl}/en/forums/${slug}/submit`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: appUrl, 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': '203.0.113.50', ...headers },
    body: new URLSearchParams({
      idempotencyKey: crypto.randomUUID(),
      formStamp: issueFormStamp(secret, Date.now() - 10_000),
      submitterType: 'organisation',
      contactName: 'Security Form Person',
      organisation: 'Security Form Org',
      email,
      constituency: 'civil_society',
      country: 'JO',
      language: 'en',
      title: 'A title from the security suite',
      summary: 'A summary',
      body: 'A body',
      objectives: '23',
      consentPublication: 'yes',
      ...fields,
    }),
  });
}

describe('cookies', () => {
  /** Every cookie the code defines: a cookie added anywhere else fails the first check below. */
  function definedCookies(): string[] {
    const names = [...readFileSync('app/lib/cookies.server.ts', 'utf8').matchAll(/createCookie\('([^']+)'/g)].map((m) => m[1]);
    return names.sort();
  }

  function cookieMakers(dir: string): string[] {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
      .map((e) => path.join(e.parentPath, e.name))
      .filter((f) => /createCookie(SessionStorage)?\(|createCookieSessionStorage|res\.cookie\(/.test(readFileSync(f, 'utf8')));
  }

  /** Every Set-Cookie the portal at `appUrl` sends, by cookie, for a visitor, a submitter and staff. */
  async function cookiesSentBy(appUrl: string, slug: string) {
    const seen: Array<{ from: string; line: string }> = [];
    const keep = (from: string, res: Response) => res.headers.getSetCookie().forEach((line) => seen.push({ from, line }));
    keep('a page in a language', await fetch(`${appUrl}/fr`, { redirect: 'manual' }));
    const sent = await submitForm(appUrl, slug);
    expect(sent.status).toBe(302);
    keep('a form sent', sent);
    const signIn = (who: TestStaff) =>
      fetch(`${appUrl}/en/staff/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { Origin: appUrl, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: who.email, password: who.password }),
      });
    const step = await signIn(ctx.admin);
    keep('the first step of a two-factor sign-in', step);
    const signedIn = await signIn(ctx.moderator);
    keep('a sign-in', signedIn);
    const cookie = signedIn.headers.getSetCookie()[0].split(';')[0];
    const page = await (await fetch(`${appUrl}/en/staff`, { headers: { Cookie: cookie } })).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const out = await fetch(`${appUrl}/en/staff/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: appUrl, Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf }),
    });
    expect(out.status).toBe(302);
    keep('signing out', out);
    return seen;
  }

  function expectFlags(seen: Array<{ from: string; line: string }>, secure: boolean) {
    const now = Date.now();
    for (const { from, line } of seen) {
      const { name, attributes } = parseSetCookie(line);
      const where = `${name} (${from}): ${line}`;
      expect(attributes.has('httponly'), where).toBe(true);
      expect(attributes.get('samesite')?.toLowerCase(), where).toBeOneOf(['lax', 'strict']);
      expect(attributes.get('path'), where).toBe('/');
      expect(attributes.has('domain'), where).toBe(false);
      expect(attributes.has('secure'), where).toBe(secure);
      if (name === 'staff_session') {
        // A session cookie lives no longer than the session may: its absolute end, or a step's
        // ten minutes; signing out expires it at once.
        expect(attributes.has('max-age') ? attributes.get('max-age') : 'none', where).toBeOneOf(['none', '0']);
        const expires = attributes.has('expires') ? Date.parse(attributes.get('expires')!) : undefined;
        if (attributes.get('max-age') !== '0') {
          expect(expires, where).toBeDefined();
          const limit = from.includes('two-factor') ? SIGN_IN_STEP_MS : SESSION_ABSOLUTE_MS;
          expect(expires! - now, where).toBeLessThanOrEqual(limit + 5_000);
        }
      }
    }
  }

  it('sends every cookie HttpOnly, SameSite=Lax, host-only for the whole site, and the session cookie no longer than the session', async () => {
    // The portal's cookies are made in one place; nothing else makes one.
    expect([...cookieMakers('app'), ...cookieMakers('server')]).toEqual(['app/lib/cookies.server.ts']);
    const seen = await cookiesSentBy(ctx.portal.appUrl, ctx.forum.slug);
    expect([...new Set(seen.map((s) => parseSetCookie(s.line).name))].sort()).toEqual(definedCookies());
    expectFlags(seen, false);
    // Signing out empties the cookie as well as ending the session.
    const out = seen.filter((s) => s.from === 'signing out').map((s) => parseSetCookie(s.line));
    expect(out.map((c) => [c.name, c.value, c.attributes.get('max-age')])).toEqual([['staff_session', '', '0']]);
  });

  it('marks every cookie Secure, and sends HSTS, when APP_URL is https', async () => {
    const port = await freePort();
    const web: PortalProcess = startPortalProcess(
      'server/index.ts',
      portalEnv({ DATABASE_URL: ctx.portal.databaseUrl, REDIS_URL: ctx.portal.redisUrl, PORT: String(port), APP_URL: 'https://inputs.example.org', DATA_DIR: ctx.portal.dataDir }),
    );
    try {
      await waitForOutput(web, /listening/);
      // Reached over plain HTTP on its port, as a TLS proxy in front of it would.
      const direct = `http://127.0.0.1:${port}`;
      const seen = await cookiesSentBy(direct, ctx.forum.slug);
      expect([...new Set(seen.map((s) => parseSetCookie(s.line).name))].sort()).toEqual(definedCookies());
      expectFlags(seen, true);
      expect((await fetch(`${direct}/en`)).headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}/);
      // …and never over http.
      expect((await get('/en')).headers.get('strict-transport-security')).toBeNull();
    } finally {
      await web.stop();
    }
  });
});

describe('sessions', () => {
  const opens = async (cookie: string) => {
    const res = await get('/en/staff', { Cookie: cookie });
    return res.status === 200 ? 'staff' : res.headers.get('location');
  };

  it('gives a new session at each step of signing in: no token from before opens anything after', async () => {
    // A value planted in the browser beforehand (session fixation) is replaced, and worth nothing.
    const planted = await createCookie('staff_session').serialize('planted-by-someone-else-0123456789abcdef');
    const plantedPair = planted.split(';')[0];
    const moderatorIn = await passwordStep(ctx.moderator, plantedPair);
    expect(moderatorIn.cookie).not.toBe(plantedPair);
    expect(await opens(moderatorIn.cookie)).toBe('staff');
    expect(await opens(plantedPair)).toBe('/en/staff/login');

    // A half-finished two-factor sign-in: password again, then the code. Each step a new token,
    // and the earlier ones open nothing afterwards: neither the staff pages nor the code step.
    const first = await passwordStep(ctx.admin);
    expect(await opens(first.cookie)).toBe('/en/staff/login/code');
    const second = await passwordStep(ctx.admin, first.cookie);
    expect(second.cookie).not.toBe(first.cookie);
    const done = await postForm('/en/staff/login/code', { csrf: second.csrf, code: await freshTotpCode(ctx.admin.totpSecret!) }, { Cookie: second.cookie });
    expect(done.status).toBe(302);
    const signedIn = `staff_session=${cookiePair(done, 'staff_session')!.value}`;
    expect([first.cookie, second.cookie]).not.toContain(signedIn);
    expect(await opens(signedIn)).toBe('staff');
    for (const earlier of [first, second]) {
      expect(await opens(earlier.cookie)).toBe('/en/staff/login');
      expect((await get('/en/staff/login/code', { Cookie: earlier.cookie })).headers.get('location')).toBe('/en/staff/login');
      // Nor does an earlier step's CSRF token work for the new session.
      expect(earlier.csrf).not.toBe(await csrfTokenOf(ctx.portal.appUrl, signedIn));
    }

    // Signing in again over a live session (a shared computer) ends that session too.
    const again = await passwordStep(ctx.moderator, moderatorIn.cookie);
    expect(await opens(again.cookie)).toBe('staff');
    expect(await opens(moderatorIn.cookie)).toBe('/en/staff/login');
    ctx.secrets.push(first.cookie, second.cookie, signedIn, moderatorIn.cookie, again.cookie);
  });

  it('refuses a signed-out cookie and a disabled account’s cookie on pages, data requests and forms', async () => {
    const target = await newInput(ctx.forum, 'session-target');
    const attempts = async (session: { cookie: string; csrf: string }) => {
      const page = await get(`/en/staff/submissions/${target.id}`, { Cookie: session.cookie });
      expect(page.status).toBe(302);
      expect(page.headers.get('location')).toBe('/en/staff/login');
      // Data requests (what the staff application fetches) answer with the same redirect, and no data.
      for (const data of [`/en/staff.data`, `/en/staff/submissions/${target.id}.data`]) {
        const res = await get(data, { Cookie: session.cookie });
        const body = await res.text();
        expect(res.status, data).toBe(202);
        expect(body, data).toContain('/en/staff/login');
        expect(body, data).not.toContain(target.title);
        expect(body, data).not.toContain(target.email);
      }
      const decided = await postForm(`/en/staff/submissions/${target.id}`, { csrf: session.csrf, intent: 'accept', version: '1' }, { Cookie: session.cookie });
      expect(decided.status).toBe(302);
      expect(decided.headers.get('location')).toBe('/en/staff/login');
      const asData = await postForm(`/en/staff/submissions/${target.id}.data`, { csrf: session.csrf, intent: 'accept', version: '1' }, { Cookie: session.cookie });
      expect(await asData.text()).toContain('/en/staff/login');
    };

    // Signed out.
    const out = await signInOverHttp(ctx.portal.appUrl, ctx.moderator);
    expect((await get(`/en/staff/submissions/${target.id}.data`, { Cookie: out.cookie })).status).toBe(200);
    expect((await postForm('/en/staff/logout', { csrf: out.csrf }, { Cookie: out.cookie })).status).toBe(302);
    await attempts(out);

    // Disabled while signed in; enabling the account again does not bring the session back.
    const soon = await createStaff(ctx.portal.db, { email: 'security-disabled@un.example', role: 'moderator' });
    const disabled = await signInOverHttp(ctx.portal.appUrl, soon);
    expect((await get('/en/staff.data', { Cookie: disabled.cookie })).status).toBe(200);
    expect(await setStaffDisabled(ctx.portal.db, { staffId: soon.id, disabled: true, by: ctx.admin.id })).toEqual({ ok: true });
    await attempts(disabled);
    expect(await setStaffDisabled(ctx.portal.db, { staffId: soon.id, disabled: false, by: ctx.admin.id })).toEqual({ ok: true });
    await attempts(disabled);

    const [row] = await ctx.portal.db.select().from(submissions).where(eq(submissions.id, target.id));
    expect(row.decision).toBe('pending');
    ctx.secrets.push(out.cookie, disabled.cookie);
  });
});

describe('personal data outside the database', () => {
  it('writes none of this file’s addresses, passwords, tokens or session cookies to the processes’ output or the queue', () => expectNoSecretsOutside(ctx));
});
