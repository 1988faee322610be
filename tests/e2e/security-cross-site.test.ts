/**
 * Security, requests from other sites: a cross-site post refused on every route that has an action
 * (the list is read from app/routes, so a new route is tried the day it is added), and no redirect
 * off the portal. Who may reach each staff route, and decisions' CSRF token: staff-access.test.ts.
 */
import { createCookie } from '@remix-run/node';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueFormStamp } from '../../app/modules/abuse/form-timing';
import { issueInviteLink } from '../../app/modules/staff/staff-invites';
import { openPage } from '../helpers/browser';
import { REDIS_DB } from '../helpers/redis-databases';
import { cookiePair, EVIL, expectNoSecretsOutside, nextAddress, secret, securityPortal, withCookie, type Input } from '../helpers/security-portal';
import { createStaff, csrfTokenOf, signInInBrowser } from '../helpers/staff';

const ctx = securityPortal(REDIS_DB.securityCrossSite, { browser: true });
const { url, get, postForm, newInput, passwordStep } = ctx;

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
    const asAdmin = () => ctx.adminSession;
    return {
      '$lang.forums.$slug.submit.tsx': {
        kind: 'public',
        path: () => `/en/forums/${ctx.forum.slug}/submit`,
        fields: () => ({
          idempotencyKey: crypto.randomUUID(), formStamp: issueFormStamp(secret, Date.now() - 10_000), submitterType: 'individual', contactName: 'Cross Site',
          email: 'cross-site@example.org', constituency: 'other', country: 'FR', language: 'en', title: 'Sent from another site', summary: 'S', body: 'B', objectives: '23', consentPublication: 'yes',
        }),
      },
      '$lang.forums.$slug.attachments.tsx': { kind: 'public', path: () => `/en/forums/${ctx.forum.slug}/attachments`, fields: () => ({ files: 'not a file' }) },
      '$lang.status.$token._index.tsx': { kind: 'public', path: () => `/en/status/${withdrawable.statusToken}`, fields: () => ({ intent: 'withdraw', confirm: 'yes' }) },
      '$lang.status.$token.edit.tsx': { kind: 'public', path: () => `/en/status/${withdrawable.statusToken}/edit`, fields: () => ({ title: 'Changed from another site' }) },
      '$lang.staff.login.tsx': { kind: 'public', path: () => '/en/staff/login', fields: () => ({ email: ctx.moderator.email, password: ctx.moderator.password }) },
      '$lang.staff.invite.$token.tsx': { kind: 'public', path: () => `/en/staff/invite/${inviteToken}`, fields: () => ({ password: 'a password chosen by another site', repeat: 'a password chosen by another site' }) },
      '$lang.staff.login_.code.tsx': { kind: 'sign-in step', path: () => '/en/staff/login/code', session: () => codeStep, fields: () => ({ code: '000000' }) },
      '$lang.staff.logout.tsx': { kind: 'sign-in step', path: () => '/en/staff/logout', session: () => ctx.moderatorSession, fields: () => ({}) },
      '$lang.staff.account.two-factor.tsx': { kind: 'sign-in step', path: () => '/en/staff/account/two-factor', session: () => ctx.moderatorSession, fields: () => ({ code: '000000' }) },
      '$lang.staff._index.tsx': { kind: 'staff', path: () => '/en/staff?index', session: asAdmin, fields: () => ({ bulk: 'accept', item: `${ctx.pending.id}:1` }) },
      '$lang.staff.submissions.$id.tsx': { kind: 'staff', path: () => `/en/staff/submissions/${ctx.pending.id}`, session: asAdmin, fields: () => ({ intent: 'accept', version: '1' }) },
      '$lang.staff.submissions.$id_.publication.tsx': {
        kind: 'staff',
        path: () => `/en/staff/submissions/${ctx.published.id}/publication`,
        session: asAdmin,
        fields: () => ({ intent: 'unpublish', reason: 'Withdrawn by another site' }),
      },
      '$lang.staff.forums.new.tsx': { kind: 'admin', path: () => '/en/staff/forums/new', session: asAdmin, fields: () => ({ slug: 'made-elsewhere' }) },
      '$lang.staff.forums.$id._index.tsx': { kind: 'admin', path: () => `/en/staff/forums/${ctx.forum.id}`, session: asAdmin, fields: () => ({ version: '1', slug: 'taken-over' }) },
      '$lang.staff.forums.$id.books._index.tsx': { kind: 'admin', path: () => `/en/staff/forums/${ctx.forum.id}/books`, session: asAdmin, fields: () => ({ grouping: 'constituency', language: 'en' }) },
      '$lang.staff.forums.$id.held-emails.tsx': { kind: 'admin', path: () => `/en/staff/forums/${ctx.forum.id}/held-emails`, session: asAdmin, fields: () => ({ upTo: '100' }) },
      '$lang.staff.forums.$id.late-access.tsx': { kind: 'admin', path: () => `/en/staff/forums/${ctx.forum.id}/late-access`, session: asAdmin, fields: () => ({ intent: 'generate' }) },
      '$lang.staff.operations.tsx': { kind: 'admin', path: () => '/en/staff/operations', session: asAdmin, fields: () => ({ intent: 'retry', id: '1' }) },
      '$lang.staff.team.new.tsx': {
        kind: 'admin',
        path: () => '/en/staff/team/new',
        session: asAdmin,
        fields: () => ({ email: 'planted-admin@evil.example', displayName: 'Planted', role: 'admin', forumScope: 'all', locale: 'en' }),
      },
      '$lang.staff.team.$id.tsx': { kind: 'admin', path: () => `/en/staff/team/${ctx.moderator.id}`, session: asAdmin, fields: () => ({ intent: 'disable' }) },
      'api.$.tsx': { kind: 'api', path: () => '/api/v2/anything', json: () => ({}) },
      'api.v1.forums.$slug.submissions.tsx': {
        kind: 'api',
        path: () => `/api/v1/forums/${ctx.forum.slug}/submissions`,
        json: () => ({
          submitterType: 'individual', contactName: 'Cross Site', email: 'cross-site-api@example.org', constituency: 'other', country: 'FR', language: 'en',
          title: 'Sent from another site', summary: 'S', body: 'B', objectives: ['23'], consentPublication: true,
        }),
      },
      'api.v1.forums.$slug.inputs.tsx': { kind: 'api', path: () => `/api/v1/forums/${ctx.forum.slug}/inputs`, json: () => ({}) },
      'api.v1.forums.$slug.inputs[.]csv.tsx': { kind: 'api', path: () => `/api/v1/forums/${ctx.forum.slug}/inputs.csv`, json: () => ({}) },
      'api.v1.forums.$slug.inputs[.]json.tsx': { kind: 'api', path: () => `/api/v1/forums/${ctx.forum.slug}/inputs.json`, json: () => ({}) },
      'api.v1.forums._index.tsx': { kind: 'api', path: () => '/api/v1/forums', json: () => ({}) },
      'api.v1.inputs.$reference.tsx': { kind: 'api', path: () => `/api/v1/inputs/${ctx.published.reference}`, json: () => ({}) },
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
      const [busy] = await ctx.portal.db.execute<{ n: number }>(sql`select count(*)::int as n from outbox where done_at is null and failed_at is null and held_at is null`);
      if (busy.n === 0) break;
      if (Date.now() > deadline) throw new Error('the worker did not finish its outbox');
      await new Promise((r) => setTimeout(r, 200));
    }
    const tables = ['submissions', 'forums', 'staff_users', 'staff_forum_assignments', 'staff_invites', 'late_access_codes', 'books', 'drafts', 'attachments', 'staff_notes', 'submission_versions', 'status_links', 'audit_events'];
    const digest: Record<string, string> = {};
    for (const table of tables) {
      const [row] = await ctx.portal.db.execute<{ n: number; h: string }>(sql.raw(`select count(*)::int as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from ${table} t`));
      digest[table] = `${row.n} ${row.h}`;
    }
    const [outboxRows] = await ctx.portal.db.execute<{ n: number }>(sql`select count(*)::int as n from outbox`);
    digest.outbox = String(outboxRows.n);
    return digest;
  }

  beforeAll(async () => {
    const invited = await createStaff(ctx.portal.db, { email: 'security-invited@un.example', role: 'moderator' });
    inviteToken = await ctx.portal.db.transaction((tx) => issueInviteLink(tx, invited.id, 'en', ctx.admin.id));
    ctx.secrets.push(inviteToken);
    codeStep = await passwordStep(ctx.admin);
    withdrawable = await newInput(ctx.forum, 'withdrawable');
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
        ['the portal’s host over another scheme', { Origin: ctx.portal.appUrl.replace('http:', 'https:') }],
        ['a look-alike origin', { Origin: `${ctx.portal.appUrl}.evil.example` }],
        ['no Origin, a Referer of another site', { Referer: `${EVIL}/page` }],
        ['no Origin, a Referer with a look-alike host', { Referer: `http://127.0.0.1.evil.example/${ctx.portal.appUrl}` }],
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
        for (const [how, csrf] of [['no CSRF token', undefined], ['another session’s token', ctx.moderatorSession.csrf === session!.csrf ? ctx.adminSession.csrf : ctx.moderatorSession.csrf], ['a token cut short', session!.csrf.slice(0, -1)]] as const) {
          const res = await fetch(url(route.path()), {
            method: 'POST',
            redirect: 'manual',
            headers: { Origin: ctx.portal.appUrl, Cookie: session!.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ ...fields, ...(csrf === undefined ? {} : { csrf }) }),
          });
          if (res.status !== 403) refusals.push(`${file} with ${how}: ${res.status}`);
        }
      }
    }
    expect(refusals).toEqual([]);
    expect(await stateDigest()).toEqual(before);
    // The sessions the requests carried are still alive: signing out was refused too.
    expect((await get('/en/staff', { Cookie: ctx.moderatorSession.cookie })).status).toBe(200);
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
    expect(await forums({ Cookie: ctx.adminSession.cookie, Origin: EVIL })).toBe(anonymous);

    // The kinds of body a page on another site can post without a preflight are not read at all.
    const before = await stateDigest();
    for (const [type, body] of [
      ['text/plain', JSON.stringify({ title: 'x' })],
      ['application/x-www-form-urlencoded', 'title=x'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--x--\r\n'],
    ]) {
      const res = await fetch(url(`/api/v1/forums/${ctx.forum.slug}/submissions`), {
        method: 'POST',
        headers: { 'Content-Type': type, 'Idempotency-Key': crypto.randomUUID(), Cookie: ctx.adminSession.cookie },
        body,
      });
      expect(res.status, type).toBe(415);
    }
    // Nor does it answer a preflight that would let them send JSON.
    const preflight = await fetch(url(`/api/v1/forums/${ctx.forum.slug}/submissions`), {
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
    expect(new URL(location, ctx.portal.appUrl).origin, what).toBe(ctx.portal.appUrl);
  }

  it('redirects only to the portal’s own pages, whatever the address, its parameters, the language cookie or the form say', async () => {
    // Every parameter name such code tends to read, all naming the same place.
    const queries = PLACES.map((place) => PARAMS.map((name) => `${name}=${encodeURIComponent(place)}`).join('&'));
    const pages = ['/', '/en', '/en/staff', '/en/staff/login', '/en/staff/login/code', '/en/staff/account/two-factor', `/en/staff/submissions/${ctx.pending.id}`, `/en/status/${ctx.pending.statusToken}/edit`, `/en/forums/${ctx.forum.slug}/received`];
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
      for (const data of ['/en/staff.data', `/en/staff/submissions/${ctx.pending.id}.data`, '/en/staff/login/code.data']) {
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
      const signIn = await postForm(`/en/staff/login?${query}`, { email: ctx.moderator.email, password: ctx.moderator.password, ...fields }, { 'X-Forwarded-For': nextAddress() });
      expect(signIn.headers.get('location')).toBe('/en/staff');
      const session = `staff_session=${cookiePair(signIn, 'staff_session')!.value}`;
      const out = await postForm(`/en/staff/logout?${query}`, { csrf: await csrfTokenOf(ctx.portal.appUrl, session), ...fields }, { Cookie: session });
      expect(out.headers.get('location')).toBe('/en/staff/login');
      const withoutSession = await postForm(`/en/staff/logout?${query}`, fields);
      expect(withoutSession.headers.get('location')).toBe('/en/staff/login');
      ctx.secrets.push(session);
    }
  });

  it('keeps a browser on the portal when it follows such addresses', async () => {
    const { page } = await openPage(ctx.browser);
    for (const p of ['//evil.example', '/\\evil.example', '/%2F%2Fevil.example', `/en/staff/login?redirectTo=${encodeURIComponent('//evil.example')}&next=https://evil.example`, '/assets//evil.example/']) {
      await page.goto(url(p)).catch(() => undefined);
      expect(new URL(page.url()).origin, p).toBe(ctx.portal.appUrl);
    }
    // Signing in from a page that names another site still ends on the queue.
    await page.goto(url(`/en/staff/login?redirectTo=${encodeURIComponent(EVIL)}&returnTo=//evil.example`));
    await signInInBrowser(page, ctx.portal.appUrl, ctx.moderator);
    expect(new URL(page.url()).origin).toBe(ctx.portal.appUrl);
    expect(new URL(page.url()).pathname).toBe('/en/staff');
    await page.context().close();
  });
});

describe('personal data outside the database', () => {
  it('writes none of this file’s addresses, passwords, tokens or session cookies to the processes’ output or the queue', () => expectNoSecretsOutside(ctx));
});
