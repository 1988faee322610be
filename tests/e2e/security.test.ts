/**
 * The security suite, over real HTTP against the running portal (and Chromium where a browser is
 * what matters): the flags of every cookie, over plain HTTP and behind an https APP_URL; a new
 * session at each step of signing in; signed-out and disabled-account cookies refused on pages and
 * on data requests; cross-site posts refused on every route that has an action (the list is read
 * from app/routes, so a new route is tried the day it is added); no redirect off the portal; no
 * input, file or receipt reached through another one's address; the security headers on every kind
 * of response; the sign-in throttles answering 429 with Retry-After; and nothing personal in the
 * processes' output or the queue's job data.
 *
 * Already proven elsewhere and not repeated here: who may reach each staff route
 * (staff-access.test.ts), the CSRF token of decisions (same), disabling an account in the browser
 * (staff-accounts.test.ts), the submit form's 429 and its cross-site post (submit-abuse.test.ts),
 * the API's own 429 (api-submit.test.ts), and the loggable form of errors (log-safety.test.ts).
 */
import { createCookie } from '@remix-run/node';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWebEnv } from '../../app/lib/web-env.server';
import { issueFormStamp } from '../../app/modules/abuse/form-timing';
import { localFileStore } from '../../app/modules/attachments/file-store';
import { decide } from '../../app/modules/moderation/decide';
import { unpublishSubmission } from '../../app/modules/publication/publish';
import { setStaffDisabled } from '../../app/modules/staff/staff-admin';
import { issueInviteLink } from '../../app/modules/staff/staff-invites';
import { SESSION_ABSOLUTE_MS, SIGN_IN_STEP_MS } from '../../app/modules/staff/staff-sessions';
import { SIGN_IN_LIMITS } from '../../app/modules/staff/sign-in';
import { withdrawSubmission } from '../../app/modules/submissions/withdraw';
import { attachments, staffForumAssignments, staffUsers, submissions, type Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { launchChromium, openPage } from '../helpers/browser';
import { portalEnv, startPortalProcess, waitForOutput, type PortalProcess } from '../helpers/processes';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';
import { createStaff, csrfTokenOf, freshTotpCode, signInInBrowser, signInOverHttp, type TestStaff } from '../helpers/staff';
import { freePort } from '../../scripts/services/ports';

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let browser: Browser;
let forum: Forum;
let otherForum: Forum;
let admin: TestStaff;
let moderator: TestStaff;
let scoped: TestStaff;
const secret = parseWebEnv(portalEnv()).SESSION_SECRET;
const url = (p: string) => `${portal.appUrl}${p}`;
const EVIL = 'https://evil.example';

/** Everything personal or secret this file hands the portal: none of it may reach a log or a job. */
const secrets: string[] = [];

type Input = Awaited<ReturnType<typeof createTestSubmission>> & { title: string; summary: string; email: string; contactName: string; file?: string };
/** Published, with a file whose publication the submitter agreed to. */
let published: Input;
/** Confirmed and waiting for a decision, with a file. */
let pending: Input;
/** Taken back by the submitter before any decision, with a file. */
let withdrawn: Input;
/** Published, then withdrawn from publication by staff, with a file. */
let unpublished: Input;
/** In the forum the scoped moderator moderates, with a file. */
let elsewhere: Input;

async function newInput(inForum: Forum, tag: string, overrides: { publishAttachments?: boolean } = {}): Promise<Input> {
  const unique = crypto.randomUUID().slice(0, 8);
  const fields = {
    title: `Security ${tag} title ${unique}`,
    summary: `Security ${tag} summary ${unique}`,
    email: `security-${tag}-${unique}@example.org`,
    contactName: `Contact ${tag} ${unique}`,
  };
  const created = await createTestSubmission(portal.db, inForum, { ...fields, publishAttachments: true, ...overrides });
  secrets.push(fields.email, fields.contactName, created.statusToken);
  return { ...created, ...fields };
}

async function attachFile(input: Input, inForum: Forum, name: string): Promise<string> {
  const source = path.join(os.tmpdir(), `security-${crypto.randomUUID()}.txt`);
  const bytes = `Notes of ${input.title}\n`;
  writeFileSync(source, bytes);
  const storageKey = await localFileStore(path.join(portal.dataDir, 'files')).put(source);
  const [row] = await portal.db
    .insert(attachments)
    .values({ forumId: inForum.id, submissionId: input.id, storageKey, fileName: name, kind: 'txt', mediaType: 'text/plain', sizeBytes: Buffer.byteLength(bytes), sha256: '0'.repeat(64) })
    .returning();
  input.file = row.id;
  return row.id;
}

const get = (p: string, headers: Record<string, string> = {}) => fetch(url(p), { redirect: 'manual', headers });
const withCookie = (cookie: string | undefined): Record<string, string> => (cookie ? { Cookie: cookie } : {});

/** The name, value and attributes (lower-case names) of one Set-Cookie line. */
function parseSetCookie(line: string) {
  const [pair, ...rest] = line.split(';').map((s) => s.trim());
  const at = pair.indexOf('=');
  const attributes = new Map<string, string>();
  for (const a of rest) {
    const i = a.indexOf('=');
    attributes.set((i < 0 ? a : a.slice(0, i)).toLowerCase(), i < 0 ? '' : a.slice(i + 1));
  }
  return { name: pair.slice(0, at), value: pair.slice(at + 1), attributes };
}

const cookiePair = (res: Response, name: string) => res.headers.getSetCookie().map(parseSetCookie).find((c) => c.name === name);

/** A valid form post of the submit page (filled slowly enough), from its own client address. */
function submitForm(appUrl: string, slug: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const email = `security-form-${crypto.randomUUID().slice(0, 8)}@example.org`;
  secrets.push(email);
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

/** Posts a form with the given cookie and headers (same-origin unless the headers say otherwise). */
function postForm(p: string, fields: Record<string, string>, headers: Record<string, string | undefined> = {}) {
  const h: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
  for (const [k, v] of Object.entries({ Origin: portal.appUrl, ...headers })) if (v !== undefined) h[k] = v;
  return fetch(url(p), { method: 'POST', redirect: 'manual', headers: h, body: new URLSearchParams(fields) });
}

/**
 * A client address of its own for each sign-in that needs no particular one: the throttle counts
 * every attempt per account and address, and this file signs the same people in many times.
 */
let addresses = 0;
const nextAddress = () => `192.0.2.${++addresses}`;

/** Signs in with the password only: the cookie of the step reached, and the CSRF token its pages carry. */
async function passwordStep(who: TestStaff, cookie?: string, ip = nextAddress()) {
  const res = await postForm('/en/staff/login', { email: who.email, password: who.password }, { ...withCookie(cookie), 'X-Forwarded-For': ip });
  expect(res.status).toBe(302);
  const set = cookiePair(res, 'staff_session');
  if (!set) throw new Error('no session cookie after the password');
  const next = `staff_session=${set.value}`;
  const page = await (await get('/en/staff/login/code', { Cookie: next })).text();
  return { res, cookie: next, csrf: /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '' };
}

let adminSession: { cookie: string; csrf: string };
let moderatorSession: { cookie: string; csrf: string };

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.security);
  forum = await createForum(portal.db, 'open', { attachmentRules: { allowedTypes: ['pdf', 'txt'], maxSizeMb: 1, maxCount: 2 } });
  otherForum = await createForum(portal.db, 'open');
  admin = await createStaff(portal.db, { email: 'security-admin@un.example', displayName: 'Security Admin', role: 'admin' });
  moderator = await createStaff(portal.db, { email: 'security-mod@un.example', displayName: 'Security Moderator', role: 'moderator' });
  scoped = await createStaff(portal.db, { email: 'security-scoped@un.example', role: 'moderator' });
  await portal.db.update(staffUsers).set({ allForums: false }).where(eq(staffUsers.id, scoped.id));
  await portal.db.insert(staffForumAssignments).values({ staffId: scoped.id, forumId: otherForum.id });
  secrets.push(admin.password, admin.totpSecret!);

  published = await newInput(forum, 'published');
  await attachFile(published, forum, 'published-notes.txt');
  expect(await decide(portal.db, { submissionId: published.id, expectedVersion: 1, staffId: moderator.id, request: { decision: 'accepted' } })).toEqual({ ok: true });
  pending = await newInput(forum, 'pending');
  await attachFile(pending, forum, 'pending-notes.txt');
  withdrawn = await newInput(forum, 'withdrawn');
  await attachFile(withdrawn, forum, 'withdrawn-notes.txt');
  expect(await withdrawSubmission(portal.db, withdrawn.id)).toBe(true);
  unpublished = await newInput(forum, 'unpublished');
  await attachFile(unpublished, forum, 'unpublished-notes.txt');
  expect(await decide(portal.db, { submissionId: unpublished.id, expectedVersion: 1, staffId: moderator.id, request: { decision: 'accepted' } })).toEqual({ ok: true });
  expect(await unpublishSubmission(portal.db, { submissionId: unpublished.id, staffId: moderator.id, reason: 'Names a child.' })).toBe('unpublished');
  elsewhere = await newInput(otherForum, 'elsewhere');
  await attachFile(elsewhere, otherForum, 'elsewhere-notes.txt');

  adminSession = await signInOverHttp(portal.appUrl, admin);
  moderatorSession = await signInOverHttp(portal.appUrl, moderator);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

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
    const step = await signIn(admin);
    keep('the first step of a two-factor sign-in', step);
    const signedIn = await signIn(moderator);
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
    const seen = await cookiesSentBy(portal.appUrl, forum.slug);
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
      portalEnv({ DATABASE_URL: portal.databaseUrl, REDIS_URL: portal.redisUrl, PORT: String(port), APP_URL: 'https://inputs.example.org', DATA_DIR: portal.dataDir }),
    );
    try {
      await waitForOutput(web, /listening/);
      // Reached over plain HTTP on its port, as a TLS proxy in front of it would.
      const direct = `http://127.0.0.1:${port}`;
      const seen = await cookiesSentBy(direct, forum.slug);
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
    const moderatorIn = await passwordStep(moderator, plantedPair);
    expect(moderatorIn.cookie).not.toBe(plantedPair);
    expect(await opens(moderatorIn.cookie)).toBe('staff');
    expect(await opens(plantedPair)).toBe('/en/staff/login');

    // A half-finished two-factor sign-in: password again, then the code. Each step a new token,
    // and the earlier ones open nothing afterwards: neither the staff pages nor the code step.
    const first = await passwordStep(admin);
    expect(await opens(first.cookie)).toBe('/en/staff/login/code');
    const second = await passwordStep(admin, first.cookie);
    expect(second.cookie).not.toBe(first.cookie);
    const done = await postForm('/en/staff/login/code', { csrf: second.csrf, code: await freshTotpCode(admin.totpSecret!) }, { Cookie: second.cookie });
    expect(done.status).toBe(302);
    const signedIn = `staff_session=${cookiePair(done, 'staff_session')!.value}`;
    expect([first.cookie, second.cookie]).not.toContain(signedIn);
    expect(await opens(signedIn)).toBe('staff');
    for (const earlier of [first, second]) {
      expect(await opens(earlier.cookie)).toBe('/en/staff/login');
      expect((await get('/en/staff/login/code', { Cookie: earlier.cookie })).headers.get('location')).toBe('/en/staff/login');
      // Nor does an earlier step's CSRF token work for the new session.
      expect(earlier.csrf).not.toBe(await csrfTokenOf(portal.appUrl, signedIn));
    }

    // Signing in again over a live session (a shared computer) ends that session too.
    const again = await passwordStep(moderator, moderatorIn.cookie);
    expect(await opens(again.cookie)).toBe('staff');
    expect(await opens(moderatorIn.cookie)).toBe('/en/staff/login');
    secrets.push(first.cookie, second.cookie, signedIn, moderatorIn.cookie, again.cookie);
  });

  it('refuses a signed-out cookie and a disabled account’s cookie on pages, data requests and forms', async () => {
    const target = await newInput(forum, 'session-target');
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
    const out = await signInOverHttp(portal.appUrl, moderator);
    expect((await get(`/en/staff/submissions/${target.id}.data`, { Cookie: out.cookie })).status).toBe(200);
    expect((await postForm('/en/staff/logout', { csrf: out.csrf }, { Cookie: out.cookie })).status).toBe(302);
    await attempts(out);

    // Disabled while signed in; enabling the account again does not bring the session back.
    const soon = await createStaff(portal.db, { email: 'security-disabled@un.example', role: 'moderator' });
    const disabled = await signInOverHttp(portal.appUrl, soon);
    expect((await get('/en/staff.data', { Cookie: disabled.cookie })).status).toBe(200);
    expect(await setStaffDisabled(portal.db, { staffId: soon.id, disabled: true, by: admin.id })).toEqual({ ok: true });
    await attempts(disabled);
    expect(await setStaffDisabled(portal.db, { staffId: soon.id, disabled: false, by: admin.id })).toEqual({ ok: true });
    await attempts(disabled);

    const [row] = await portal.db.select().from(submissions).where(eq(submissions.id, target.id));
    expect(row.decision).toBe('pending');
    secrets.push(out.cookie, disabled.cookie);
  });
});

describe('cross-site requests', () => {
  type Kind = 'public' | 'staff' | 'admin' | 'sign-in step' | 'api';
  interface ActionRoute {
    kind: Kind;
    path: () => string;
    /** The session a real request would carry (staff routes and the steps of signing in). */
    session?: () => { cookie: string; csrf: string };
    /** What a real form would send: each would change something if it were taken. */
    fields?: () => Record<string, string>;
    json?: () => unknown;
  }

  let inviteToken: string;
  let codeStep: { cookie: string; csrf: string };
  let withdrawable: Input;

  /** Every route file with an action, and a request that would change something if taken. */
  function actionRoutes(): Record<string, ActionRoute> {
    const uuid = '00000000-0000-4000-8000-000000000000';
    const asAdmin = () => adminSession;
    return {
      '$lang.forums.$slug.submit.tsx': {
        kind: 'public',
        path: () => `/en/forums/${forum.slug}/submit`,
        fields: () => ({
          idempotencyKey: crypto.randomUUID(), formStamp: issueFormStamp(secret, Date.now() - 10_000), submitterType: 'individual', contactName: 'Cross Site',
          email: 'cross-site@example.org', constituency: 'other', country: 'FR', language: 'en', title: 'Sent from another site', summary: 'S', body: 'B', objectives: '23', consentPublication: 'yes',
        }),
      },
      '$lang.forums.$slug.attachments.tsx': { kind: 'public', path: () => `/en/forums/${forum.slug}/attachments`, fields: () => ({ files: 'not a file' }) },
      '$lang.status.$token._index.tsx': { kind: 'public', path: () => `/en/status/${withdrawable.statusToken}`, fields: () => ({ intent: 'withdraw', confirm: 'yes' }) },
      '$lang.status.$token.edit.tsx': { kind: 'public', path: () => `/en/status/${withdrawable.statusToken}/edit`, fields: () => ({ title: 'Changed from another site' }) },
      '$lang.staff.login.tsx': { kind: 'public', path: () => '/en/staff/login', fields: () => ({ email: moderator.email, password: moderator.password }) },
      '$lang.staff.invite.$token.tsx': { kind: 'public', path: () => `/en/staff/invite/${inviteToken}`, fields: () => ({ password: 'a password chosen by another site', repeat: 'a password chosen by another site' }) },
      '$lang.staff.login_.code.tsx': { kind: 'sign-in step', path: () => '/en/staff/login/code', session: () => codeStep, fields: () => ({ code: '000000' }) },
      '$lang.staff.logout.tsx': { kind: 'sign-in step', path: () => '/en/staff/logout', session: () => moderatorSession, fields: () => ({}) },
      '$lang.staff.account.two-factor.tsx': { kind: 'sign-in step', path: () => '/en/staff/account/two-factor', session: () => moderatorSession, fields: () => ({ code: '000000' }) },
      '$lang.staff._index.tsx': { kind: 'staff', path: () => '/en/staff?index', session: asAdmin, fields: () => ({ bulk: 'accept', item: `${pending.id}:1` }) },
      '$lang.staff.submissions.$id.tsx': { kind: 'staff', path: () => `/en/staff/submissions/${pending.id}`, session: asAdmin, fields: () => ({ intent: 'accept', version: '1' }) },
      '$lang.staff.submissions.$id_.publication.tsx': {
        kind: 'staff',
        path: () => `/en/staff/submissions/${published.id}/publication`,
        session: asAdmin,
        fields: () => ({ intent: 'unpublish', reason: 'Withdrawn by another site' }),
      },
      '$lang.staff.forums.new.tsx': { kind: 'admin', path: () => '/en/staff/forums/new', session: asAdmin, fields: () => ({ slug: 'made-elsewhere' }) },
      '$lang.staff.forums.$id._index.tsx': { kind: 'admin', path: () => `/en/staff/forums/${forum.id}`, session: asAdmin, fields: () => ({ version: '1', slug: 'taken-over' }) },
      '$lang.staff.forums.$id.books._index.tsx': { kind: 'admin', path: () => `/en/staff/forums/${forum.id}/books`, session: asAdmin, fields: () => ({ grouping: 'constituency', language: 'en' }) },
      '$lang.staff.forums.$id.held-emails.tsx': { kind: 'admin', path: () => `/en/staff/forums/${forum.id}/held-emails`, session: asAdmin, fields: () => ({ upTo: '100' }) },
      '$lang.staff.forums.$id.late-access.tsx': { kind: 'admin', path: () => `/en/staff/forums/${forum.id}/late-access`, session: asAdmin, fields: () => ({ intent: 'generate' }) },
      '$lang.staff.operations.tsx': { kind: 'admin', path: () => '/en/staff/operations', session: asAdmin, fields: () => ({ intent: 'retry', id: '1' }) },
      '$lang.staff.team.new.tsx': {
        kind: 'admin',
        path: () => '/en/staff/team/new',
        session: asAdmin,
        fields: () => ({ email: 'planted-admin@evil.example', displayName: 'Planted', role: 'admin', forumScope: 'all', locale: 'en' }),
      },
      '$lang.staff.team.$id.tsx': { kind: 'admin', path: () => `/en/staff/team/${moderator.id}`, session: asAdmin, fields: () => ({ intent: 'disable' }) },
      'api.$.tsx': { kind: 'api', path: () => '/api/v2/anything', json: () => ({}) },
      'api.v1.forums.$slug.submissions.tsx': {
        kind: 'api',
        path: () => `/api/v1/forums/${forum.slug}/submissions`,
        json: () => ({
          submitterType: 'individual', contactName: 'Cross Site', email: 'cross-site-api@example.org', constituency: 'other', country: 'FR', language: 'en',
          title: 'Sent from another site', summary: 'S', body: 'B', objectives: ['23'], consentPublication: true,
        }),
      },
      'api.v1.forums.$slug.inputs.tsx': { kind: 'api', path: () => `/api/v1/forums/${forum.slug}/inputs`, json: () => ({}) },
      'api.v1.forums.$slug.inputs[.]csv.tsx': { kind: 'api', path: () => `/api/v1/forums/${forum.slug}/inputs.csv`, json: () => ({}) },
      'api.v1.forums.$slug.inputs[.]json.tsx': { kind: 'api', path: () => `/api/v1/forums/${forum.slug}/inputs.json`, json: () => ({}) },
      'api.v1.forums._index.tsx': { kind: 'api', path: () => '/api/v1/forums', json: () => ({}) },
      'api.v1.inputs.$reference.tsx': { kind: 'api', path: () => `/api/v1/inputs/${published.reference}`, json: () => ({}) },
      'api.v1.inputs._index.tsx': { kind: 'api', path: () => '/api/v1/inputs', json: () => ({}) },
      'api.v1.inputs[.]csv.tsx': { kind: 'api', path: () => '/api/v1/inputs.csv', json: () => ({}) },
      'api.v1.inputs[.]json.tsx': { kind: 'api', path: () => '/api/v1/inputs.json', json: () => ({}) },
      'api.v1.openapi[.]json.tsx': { kind: 'api', path: () => '/api/v1/openapi.json', json: () => ({}) },
      'api.v1.problems.$type.tsx': { kind: 'api', path: () => '/api/v1/problems/rate-limited', json: () => ({ uuid }) },
    };
  }

  /**
   * A digest of every table a refused request could have changed, taken once the worker has
   * nothing left to do (it writes some of them as it sends mail).
   */
  async function stateDigest(): Promise<Record<string, string>> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [busy] = await portal.db.execute<{ n: number }>(sql`select count(*)::int as n from outbox where done_at is null and failed_at is null and held_at is null`);
      if (busy.n === 0) break;
      if (Date.now() > deadline) throw new Error('the worker did not finish its outbox');
      await new Promise((r) => setTimeout(r, 200));
    }
    const tables = ['submissions', 'forums', 'staff_users', 'staff_forum_assignments', 'staff_invites', 'late_access_codes', 'books', 'drafts', 'attachments', 'staff_notes', 'submission_versions', 'status_links', 'audit_events'];
    const digest: Record<string, string> = {};
    for (const table of tables) {
      const [row] = await portal.db.execute<{ n: number; h: string }>(sql.raw(`select count(*)::int as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from ${table} t`));
      digest[table] = `${row.n} ${row.h}`;
    }
    const [outboxRows] = await portal.db.execute<{ n: number }>(sql`select count(*)::int as n from outbox`);
    digest.outbox = String(outboxRows.n);
    return digest;
  }

  beforeAll(async () => {
    const invited = await createStaff(portal.db, { email: 'security-invited@un.example', role: 'moderator' });
    inviteToken = await portal.db.transaction((tx) => issueInviteLink(tx, invited.id, 'en', admin.id));
    secrets.push(inviteToken);
    codeStep = await passwordStep(admin);
    withdrawable = await newInput(forum, 'withdrawable');
  });

  it('lists every route that has an action', () => {
    const withAction = readdirSync('app/routes')
      .filter((f) => /\.tsx?$/.test(f))
      .filter((f) => /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b|export\s*\{[^}]*\baction\b[^}]*\}/.test(readFileSync(path.join('app/routes', f), 'utf8')));
    expect(withAction.sort()).toEqual(Object.keys(actionRoutes()).sort());
  });

  it('refuses a post from another site on every route, however the browser marks it, and changes nothing', async () => {
    const before = await stateDigest();
    const refusals: string[] = [];
    for (const [file, route] of Object.entries(actionRoutes())) {
      const session = route.session?.();
      const send = (headers: Record<string, string | undefined>, p = route.path()) => {
        const h: Record<string, string> = {};
        for (const [k, v] of Object.entries({ ...withCookie(session?.cookie), ...headers })) if (v !== undefined) h[k] = v;
        if (route.json) {
          return fetch(url(p), {
            method: 'POST',
            redirect: 'manual',
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), ...h },
            body: JSON.stringify(route.json()),
          });
        }
        const fields = { ...route.fields!(), ...(session ? { csrf: session.csrf } : {}) };
        return fetch(url(p), { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...h }, body: new URLSearchParams(fields) });
      };
      const crossSite: Array<[string, Record<string, string>, string?]> = [
        ['Origin of another site', { Origin: EVIL }],
        ['Origin of another site, as a data request', { Origin: EVIL }, route.path().replace(/(\?|$)/, '.data$1')],
        ['Origin null (a sandboxed frame, a privacy redirect)', { Origin: 'null' }],
        ['the portal’s host on another port', { Origin: 'http://127.0.0.1:1' }],
        ['the portal’s host over another scheme', { Origin: portal.appUrl.replace('http:', 'https:') }],
        ['a look-alike origin', { Origin: `${portal.appUrl}.evil.example` }],
        ['no Origin, a Referer of another site', { Referer: `${EVIL}/page` }],
        ['no Origin, a Referer with a look-alike host', { Referer: `http://127.0.0.1.evil.example/${portal.appUrl}` }],
        ['no Origin, Sec-Fetch-Site cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
      ];
      for (const [how, headers, p] of crossSite) {
        const res = await send(headers, p);
        if (res.status !== 403) refusals.push(`${file} with ${how}: ${res.status}`);
        else if (route.kind === 'api') expect(res.headers.get('content-type'), file).toMatch(/^application\/problem\+json\b/);
      }
      if (route.kind === 'staff' || route.kind === 'admin' || route.kind === 'sign-in step') {
        // Same site and signed in, but without the session's token, or with another session's.
        const fields = route.fields!();
        for (const [how, csrf] of [['no CSRF token', undefined], ['another session’s token', moderatorSession.csrf === session!.csrf ? adminSession.csrf : moderatorSession.csrf], ['a token cut short', session!.csrf.slice(0, -1)]] as const) {
          const res = await fetch(url(route.path()), {
            method: 'POST',
            redirect: 'manual',
            headers: { Origin: portal.appUrl, Cookie: session!.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ ...fields, ...(csrf === undefined ? {} : { csrf }) }),
          });
          if (res.status !== 403) refusals.push(`${file} with ${how}: ${res.status}`);
        }
      }
    }
    expect(refusals).toEqual([]);
    expect(await stateDigest()).toEqual(before);
    // The sessions the requests carried are still alive: signing out was refused too.
    expect((await get('/en/staff', { Cookie: moderatorSession.cookie })).status).toBe(200);
  });

  it('keeps the JSON API free of cookies and of the requests a browser sends cross-site without asking', async () => {
    const forums = async (headers: Record<string, string>) => {
      const res = await get('/api/v1/forums', headers);
      expect(res.headers.getSetCookie()).toEqual([]);
      // No other site's scripts may read it with the visitor's cookies.
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      return res.text();
    };
    const anonymous = await forums({});
    expect(await forums({ Cookie: adminSession.cookie, Origin: EVIL })).toBe(anonymous);

    // The kinds of body a page on another site can post without a preflight are not read at all.
    const before = await stateDigest();
    for (const [type, body] of [
      ['text/plain', JSON.stringify({ title: 'x' })],
      ['application/x-www-form-urlencoded', 'title=x'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--x--\r\n'],
    ]) {
      const res = await fetch(url(`/api/v1/forums/${forum.slug}/submissions`), {
        method: 'POST',
        headers: { 'Content-Type': type, 'Idempotency-Key': crypto.randomUUID(), Cookie: adminSession.cookie },
        body,
      });
      expect(res.status, type).toBe(415);
    }
    // Nor does it answer a preflight that would let them send JSON.
    const preflight = await fetch(url(`/api/v1/forums/${forum.slug}/submissions`), {
      method: 'OPTIONS',
      headers: { Origin: EVIL, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(await stateDigest()).toEqual(before);
  });
});

describe('redirects', () => {
  const PLACES = [
    'https://evil.example',
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/%5Cevil.example',
    '%2F%2Fevil.example',
    '/%2F/evil.example',
    'https:%2F%2Fevil.example',
    'http:evil.example',
    '/%09/evil.example',
    'javascript:alert(1)',
    'JaVaScRiPt%3Aalert(1)',
    'data:text/html,<script>alert(1)</script>',
  ];
  const PARAMS = ['redirectTo', 'redirect', 'returnTo', 'return', 'next', 'to', 'url', 'continue', 'back'];

  /** A redirect's target, or undefined: it must be on the portal, by path, never another host or scheme. */
  function expectOnPortal(res: Response, what: string) {
    const location = res.headers.get('location') ?? res.headers.get('x-remix-redirect');
    if (!location) return;
    // A path of this site: one slash, then neither another slash nor a backslash (which browsers
    // read as `//host`), and no white space or control character a browser would drop first.
    expect(location, what).toMatch(/^\/(?![/\\])/);
    expect(location, what).not.toMatch(/[\s\x00-\x1f\x7f]/);
    expect(new URL(location, portal.appUrl).origin, what).toBe(portal.appUrl);
  }

  it('redirects only to the portal’s own pages, whatever the address, its parameters, the language cookie or the form say', async () => {
    // Every parameter name such code tends to read, all naming the same place.
    const queries = PLACES.map((place) => PARAMS.map((name) => `${name}=${encodeURIComponent(place)}`).join('&'));
    const pages = ['/', '/en', '/en/staff', '/en/staff/login', '/en/staff/login/code', '/en/staff/account/two-factor', `/en/staff/submissions/${pending.id}`, `/en/status/${pending.statusToken}/edit`, `/en/forums/${forum.slug}/received`];
    let redirects = 0;
    for (const page of pages) {
      for (const query of queries) {
        const res = await get(`${page}?${query}`);
        if (res.status >= 300 && res.status < 400) redirects++;
        expectOnPortal(res, `${page}?${query}`);
        await res.body?.cancel();
      }
    }
    expect(redirects).toBeGreaterThan(0);
    // Data requests carry their redirect in the body (single fetch): to sign in, and nowhere else.
    for (const query of queries) {
      for (const data of ['/en/staff.data', `/en/staff/submissions/${pending.id}.data`, '/en/staff/login/code.data']) {
        const res = await get(`${data}?${query}`);
        const body = await res.text();
        expect(res.status, data).toBe(202);
        expect(body, data).toContain('"/en/staff/login"');
        expect(body, data).not.toContain('evil.example');
      }
    }

    // The address itself: paths that a browser or a proxy might read as another host.
    for (const place of PLACES.filter((p) => p.startsWith('/') || p.startsWith('\\') || p.startsWith('%'))) {
      for (const p of [place, `${place}/`, `/en${place}`, `/assets${place}`, `/assets/${place}/`, `/en/staff${place}`]) {
        const res = await get(p.startsWith('/') ? p : `/${p}`);
        expectOnPortal(res, p);
        await res.body?.cancel();
      }
    }
    // A folder of static files is redirected to its trailing slash: never to a host named in the
    // path (serve-static's old open redirect).
    for (const p of ['/assets', '//evil.example/..%2Fassets', '///evil.example/%2E%2E/assets', '/%2F%2Fevil.example/..%2F..%2Fassets']) {
      const res = await get(p);
      expectOnPortal(res, p);
      await res.body?.cancel();
    }

    // The language remembered in a cookie, or asked for by the browser, is one of the portal's.
    for (const place of PLACES) {
      const lang = await createCookie('lang').serialize(place);
      const res = await get('/', { Cookie: lang.split(';')[0], 'Accept-Language': place });
      expect(res.status).toBe(302);
      expectOnPortal(res, `language ${place}`);
      expect(res.headers.get('location')).toMatch(/^\/(ar|zh|en|fr|ru|es)$/);
    }

    // Forms: signing in, signing out and the steps between go to their own next page.
    for (const place of PLACES.slice(0, 6)) {
      const fields = Object.fromEntries(PARAMS.map((name) => [name, place]));
      const query = new URLSearchParams(fields).toString();
      const signIn = await postForm(`/en/staff/login?${query}`, { email: moderator.email, password: moderator.password, ...fields }, { 'X-Forwarded-For': nextAddress() });
      expect(signIn.headers.get('location')).toBe('/en/staff');
      const session = `staff_session=${cookiePair(signIn, 'staff_session')!.value}`;
      const out = await postForm(`/en/staff/logout?${query}`, { csrf: await csrfTokenOf(portal.appUrl, session), ...fields }, { Cookie: session });
      expect(out.headers.get('location')).toBe('/en/staff/login');
      const withoutSession = await postForm(`/en/staff/logout?${query}`, fields);
      expect(withoutSession.headers.get('location')).toBe('/en/staff/login');
      secrets.push(session);
    }
  });

  it('keeps a browser on the portal when it follows such addresses', async () => {
    const { page } = await openPage(browser);
    for (const p of ['//evil.example', '/\\evil.example', '/%2F%2Fevil.example', `/en/staff/login?redirectTo=${encodeURIComponent('//evil.example')}&next=https://evil.example`, '/assets//evil.example/']) {
      await page.goto(url(p)).catch(() => undefined);
      expect(new URL(page.url()).origin, p).toBe(portal.appUrl);
    }
    // Signing in from a page that names another site still ends on the queue.
    await page.goto(url(`/en/staff/login?redirectTo=${encodeURIComponent(EVIL)}&returnTo=//evil.example`));
    await signInInBrowser(page, portal.appUrl, moderator);
    expect(new URL(page.url()).origin).toBe(portal.appUrl);
    expect(new URL(page.url()).pathname).toBe('/en/staff');
    await page.context().close();
  });
});

describe('other people’s inputs, files and receipts', () => {
  /** A 404 that tells nothing about the inputs (their reference only where the address itself has it). */
  const notFoundWithout = async (p: string, res: Response, ...inputs: Input[]) => {
    const body = await res.text();
    expect(res.status, p).toBe(404);
    for (const input of inputs) {
      for (const text of [input.title, input.summary, input.email, input.contactName, ...(p.includes(input.reference) ? [] : [input.reference])]) {
        expect(body, p).not.toContain(text);
      }
    }
  };
  const getNotFound = async (p: string, inputs: Input[], headers: Record<string, string> = {}) => notFoundWithout(p, await get(p, headers), ...inputs);
  const wrongToken = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');

  it('answers a status link that is not one with a 404, and each link opens only its own input', async () => {
    for (const token of [wrongToken(), `${pending.statusToken.slice(0, -1)}${pending.statusToken.endsWith('A') ? 'B' : 'A'}`, pending.id, pending.reference]) {
      for (const p of [`/en/status/${token}`, `/en/status/${token}.data`, `/en/status/${token}/receipt`, `/en/status/${token}/data`, `/en/status/${token}/edit`]) {
        await getNotFound(p, [pending, published]);
      }
    }
    // Withdrawal, erasure and confirmation through a link that is not one change nothing.
    for (const intent of ['withdraw', 'erase', 'confirm']) {
      const p = `/en/status/${wrongToken()}`;
      await notFoundWithout(p, await postForm(p, { intent, confirm: 'yes' }), pending);
    }
    const [untouched] = await portal.db.select().from(submissions).where(eq(submissions.id, pending.id));
    expect(untouched).toMatchObject({ withdrawnAt: null, personalDataErasedAt: null });
    const page = await (await get(`/en/status/${pending.statusToken}`)).text();
    expect(page).toContain(pending.title);
    expect(page).not.toContain(published.title);
  });

  it('gives each status link its own receipt and data only', async () => {
    // The receipt is made by the worker after the address was confirmed.
    const receiptOf = async (input: Input) => {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const res = await get(`/en/status/${input.statusToken}/receipt`);
        if (res.status === 200) return res;
        await res.body?.cancel();
        if (Date.now() > deadline) throw new Error(`no receipt for ${input.reference}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    const mine = await receiptOf(pending);
    const theirs = await receiptOf(published);
    expect(mine.headers.get('content-disposition')).toBe(`attachment; filename="receipt-${pending.reference}.pdf"`);
    expect(theirs.headers.get('content-disposition')).toBe(`attachment; filename="receipt-${published.reference}.pdf"`);
    expect(Buffer.from(await mine.arrayBuffer()).equals(Buffer.from(await theirs.arrayBuffer()))).toBe(false);
    const data = await get(`/en/status/${pending.statusToken}/data`);
    const text = await data.text();
    expect(text).toContain(pending.email);
    expect(text).not.toContain(published.email);
    expect(text).not.toContain(published.title);
  });

  it('serves no file of an input that is not published, nor through another input’s address', async () => {
    const file = (reference: string, id: string) => `/en/inputs/${reference}/attachments/${id}`;
    // The one file the public may have: published, and its publication agreed to.
    expect((await get(file(published.reference, published.file!))).status).toBe(200);
    for (const other of [pending, withdrawn, unpublished, elsewhere]) {
      await getNotFound(file(other.reference, other.file!), [other]);
      await getNotFound(file(published.reference, other.file!), [other]);
    }
    await getNotFound(file(pending.reference, published.file!), [pending]);

    // Pages, PDFs and the API: a pending or withdrawn input is not there at all.
    for (const other of [pending, withdrawn]) {
      for (const p of [`/en/inputs/${other.reference}`, `/en/inputs/${other.reference}.data`, `/en/inputs/${other.reference}/pdf`, `/api/v1/inputs/${other.reference}`]) {
        await getNotFound(p, [other]);
      }
    }
    // One withdrawn from publication says so (410, by design: readers and feeds drop their copy),
    // and nothing more: neither its text nor who sent it.
    for (const p of [`/en/inputs/${unpublished.reference}`, `/en/inputs/${unpublished.reference}/pdf`]) {
      const res = await get(p);
      const body = await res.text();
      expect(res.status, p).toBe(410);
      for (const text of [unpublished.title, unpublished.summary, unpublished.email, unpublished.contactName]) expect(body, p).not.toContain(text);
    }
  });

  it('lets staff download a file only through the input it belongs to', async () => {
    const session = await signInOverHttp(portal.appUrl, scoped);
    secrets.push(session.cookie);
    const staffFile = (id: string, attachmentId: string) => `/en/staff/submissions/${id}/attachments/${attachmentId}`;
    expect((await get(staffFile(elsewhere.id, elsewhere.file!), { Cookie: session.cookie })).status).toBe(200);
    // Another forum's file through an input this moderator may open: not found.
    await getNotFound(staffFile(elsewhere.id, pending.file!), [pending], { Cookie: session.cookie });
    // The other forum's input itself: refused (staff-access.test.ts holds the rule).
    expect((await get(staffFile(pending.id, pending.file!), { Cookie: session.cookie })).status).toBe(403);
    // Even an admin gets a file only through its own input.
    await getNotFound(staffFile(published.id, pending.file!), [pending], { Cookie: adminSession.cookie });
  });
});

describe('response headers', () => {
  const SAFE_REFERRER_POLICIES = ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'];

  function expectSecurityHeaders(res: Response, what: string) {
    const h = res.headers;
    expect(h.get('x-content-type-options'), what).toBe('nosniff');
    expect(h.get('referrer-policy'), what).toBeOneOf(SAFE_REFERRER_POLICIES);
    const csp = h.get('content-security-policy');
    expect(csp, what).toBeTruthy();
    expect(/frame-ancestors 'none'/.test(csp ?? '') || h.get('x-frame-options') === 'DENY', what).toBe(true);
    expect(h.get('x-powered-by'), what).toBeNull();
    expect(h.get('server'), what).toBeNull();
  }

  it('sends the security headers on every kind of response, and no-store on private ones', async () => {
    const asset = readdirSync('build/client/assets').find((f) => f.endsWith('.js'));
    const admin = { Cookie: adminSession.cookie };
    const cases: Array<[string, () => Promise<Response>, { private?: boolean; status?: number }?]> = [
      ['an HTML page', () => get('/en')],
      ['a forum’s page', () => get(`/en/forums/${forum.slug}`)],
      ['a published input', () => get(`/en/inputs/${published.reference}`)],
      ['a data request', () => get(`/en/forums/${forum.slug}.data`)],
      ['the root’s data request', () => get('/_root.data')],
      ['the route manifest', () => get('/__manifest?p=%2Fen&version=x')],
      ['a 404 page', () => get('/en/no-such-page'), { status: 404 }],
      ['a 404 without a language', () => get('/no-such-page'), { status: 404 }],
      ['a 404 data request', () => get('/en/no-such-page.data'), { status: 404 }],
      ['a malformed path', () => get('/en/inputs/%E0%A4%A'), { status: 404 }],
      ['a malformed static path', () => get('/assets/%E0%A4%A.js')],
      ['a malformed path parameter', () => get('/en/staff/submissions/not-a-uuid', admin), { status: 404, private: true }],
      ['a method not allowed', () => get('/en/staff/logout'), { status: 405 }],
      ['a redirect', () => get('/'), { status: 302 }],
      ['a cross-site refusal', () => postForm('/en/staff/login', {}, { Origin: EVIL }), { status: 403 }],
      ['an API cross-site refusal', () => postForm('/api/v1/forums', {}, { Origin: EVIL }), { status: 403 }],
      ['the status page', () => get(`/en/status/${published.statusToken}`), { private: true }],
      ['the status page’s data request', () => get(`/en/status/${published.statusToken}.data`), { private: true }],
      ['the sign-in page', () => get('/en/staff/login'), { private: true }],
      ['a staff page', () => get('/en/staff', admin), { private: true }],
      ['a staff data request', () => get('/en/staff.data', admin), { private: true }],
      ['a staff input’s data request', () => get(`/en/staff/submissions/${pending.id}.data`, admin), { private: true }],
      ['a public file', () => get(`/en/inputs/${published.reference}/attachments/${published.file}`), { private: true }],
      ['a staff file', () => get(`/en/staff/submissions/${pending.id}/attachments/${pending.file}`, admin), { private: true }],
      ['the receipt', () => get(`/en/status/${published.statusToken}/receipt`), { private: true }],
      ['the submitter’s data', () => get(`/en/status/${published.statusToken}/data`), { private: true }],
      ['the publication PDF', () => get(`/en/inputs/${published.reference}/pdf`)],
      ['the API', () => get('/api/v1/forums')],
      ['an API error', () => get('/api/v1/inputs/NOPE-0001'), { status: 404 }],
      ['an API 404', () => get('/api/v2/nothing'), { status: 404 }],
      ['an API method not allowed', () => postForm('/api/v1/forums', {}), { status: 405 }],
      ['the OpenAPI document', () => get('/api/v1/openapi.json')],
      ['CSV open data', () => get(`/api/v1/forums/${forum.slug}/inputs.csv`)],
      ['JSON open data', () => get('/api/v1/inputs.json')],
      ['the Atom feed', () => get('/en/feed.atom')],
      ['a forum’s Atom feed', () => get(`/en/forums/${forum.slug}/feed.atom`)],
      ['a static file', () => get('/favicon.svg')],
      ['a fingerprinted asset', () => get(`/assets/${asset}`)],
      ['a missing asset', () => get('/assets/nothing-here.js'), { status: 404 }],
      ['a HEAD request', () => fetch(url('/en'), { method: 'HEAD' })],
      ['/healthz', () => get('/healthz')],
      ['/readyz', () => get('/readyz')],
      ['/metrics without a token', () => get('/metrics')],
    ];
    for (const [what, request, expected = {}] of cases) {
      const res = await request();
      if (expected.status) expect(res.status, what).toBe(expected.status);
      else expect(res.status, what).toBeOneOf([200, 202, 204, 400, 503, 404]);
      expectSecurityHeaders(res, what);
      if (expected.private) expect(res.headers.get('cache-control'), what).toMatch(/\bno-store\b/);
      await res.body?.cancel();
    }
  });

  it('gives every page a new CSP nonce, the one its scripts carry, and nothing that would allow other scripts', async () => {
    const nonces = new Set<string>();
    for (const [p, cookie] of [['/en', undefined], ['/en', undefined], [`/en/forums/${forum.slug}/submit`, undefined], ['/en/staff', adminSession.cookie], ['/en/staff', adminSession.cookie]] as const) {
      const res = await get(p, withCookie(cookie));
      const csp = res.headers.get('content-security-policy')!;
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce, p).toBeTruthy();
      expect(Buffer.from(nonce!, 'base64').length, p).toBeGreaterThanOrEqual(16);
      expect(csp, p).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
      expect(csp, p).toMatch(/object-src 'none'/);
      expect(csp, p).toMatch(/base-uri 'none'/);
      const html = await res.text();
      // Every script that runs (a JSON data block is not run, and needs none).
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/type="application\/json"/.test(tag));
      const inPage = scripts.map((tag) => /nonce="([^"]*)"/.exec(tag)?.[1]);
      expect(inPage.length, p).toBeGreaterThan(0);
      expect(new Set(inPage), p).toEqual(new Set([nonce]));
      nonces.add(nonce!);
    }
    expect(nonces.size).toBe(5);

    // The policy lets the pages' own scripts run in a browser: the staff application hydrates.
    const { page, problems } = await openPage(browser);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await signInInBrowser(page, portal.appUrl, moderator);
    await page.goto(url(`/en/forums/${forum.slug}/submit`));
    expect(violations).toEqual([]);
    expect(problems()).toEqual([]);
    await page.context().close();
  });
});

describe('rate limits', () => {
  it('answers a throttled sign-in with 429 and Retry-After, as a page and as a data request', async () => {
    const ip = '198.51.100.21';
    const attempt = (p = '/en/staff/login') => postForm(p, { email: moderator.email, password: 'not the password' }, { 'X-Forwarded-For': ip });
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndIp.limit; i++) expect((await attempt()).status).toBe(401);
    for (const p of ['/en/staff/login', '/en/staff/login.data']) {
      const res = await attempt(p);
      expect(res.status, p).toBe(429);
      const retryAfter = Number(res.headers.get('retry-after'));
      expect(retryAfter, p).toBeGreaterThan(0);
      expect(retryAfter, p).toBeLessThanOrEqual(SIGN_IN_LIMITS.perAccountAndIp.windowSeconds);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.getSetCookie(), p).toEqual([]);
    }
  });

  it('answers a throttled sign-in code with 429 and Retry-After', async () => {
    const ip = '198.51.100.22';
    const step = await passwordStep(admin, undefined, ip);
    const attempt = () => postForm('/en/staff/login/code', { csrf: step.csrf, code: '000000' }, { Cookie: step.cookie, 'X-Forwarded-For': ip });
    for (let i = 0; i < SIGN_IN_LIMITS.codePerAccountAndIp.limit; i++) expect((await attempt()).status).toBe(401);
    const res = await attempt();
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(SIGN_IN_LIMITS.codePerAccountAndIp.windowSeconds);
  });
});

describe('personal data outside the database', () => {
  it('writes none of this file’s addresses, passwords, tokens or session cookies to the processes’ output or the queue', async () => {
    // A session cookie as sent, and the token inside it (Remix encodes cookie values as base64 JSON).
    const values = [...new Set(secrets)].flatMap((s) => {
      if (!s.startsWith('staff_session=')) return [s];
      const encoded = decodeURIComponent(s.slice('staff_session='.length));
      return [encoded, JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as string];
    });
    expect(values.length).toBeGreaterThan(10);
    const output = `${portal.web.output()}\n${portal.worker.output()}`;
    for (const value of values) expect(output.includes(value), `process output holds ${value.slice(0, 12)}…`).toBe(false);

    // Everything BullMQ keeps in Redis: job data, options, results, failure reasons, events.
    const redis = new Redis(portal.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    try {
      const stored: string[] = [];
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'COUNT', 500);
        cursor = next;
        for (const key of keys) {
          const type = await redis.type(key);
          if (type === 'hash') stored.push(...Object.values(await redis.hgetall(key)));
          else if (type === 'string') stored.push((await redis.get(key)) ?? '');
          else if (type === 'list') stored.push(...(await redis.lrange(key, 0, -1)));
          else if (type === 'set') stored.push(...(await redis.smembers(key)));
          else if (type === 'zset') stored.push(...(await redis.zrange(key, 0, -1)));
          else if (type === 'stream') stored.push(...(await redis.xrange(key, '-', '+')).flatMap(([, fields]) => fields));
          stored.push(key);
        }
      } while (cursor !== '0');
      expect(stored.length).toBeGreaterThan(0);
      const all = stored.join('\n');
      for (const value of values) expect(all.includes(value), `Redis holds ${value.slice(0, 12)}…`).toBe(false);
    } finally {
      redis.disconnect();
    }
  });
});
