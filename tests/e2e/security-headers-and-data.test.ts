/**
 * Security, responses and logs: the security headers on every kind of response, a new CSP nonce on
 * every page, and nothing personal this file handed the portal in the processes' output or in Redis
 * (the loggable form of errors: log-safety.test.ts).
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openPage } from '../helpers/browser';
import { REDIS_DB } from '../helpers/redis-databases';
import { EVIL, expectNoSecretsOutside, securityPortal, withCookie } from '../helpers/security-portal';
import { signInInBrowser } from '../helpers/staff';

const ctx = securityPortal(REDIS_DB.securityHeadersAndData, { browser: true });
const { url, get, postForm } = ctx;

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
    const admin = { Cookie: ctx.adminSession.cookie };
    const cases: Array<[string, () => Promise<Response>, { private?: boolean; status?: number }?]> = [
      ['an HTML page', () => get('/en')],
      ['a forum’s page', () => get(`/en/forums/${ctx.forum.slug}`)],
      ['a published input', () => get(`/en/inputs/${ctx.published.reference}`)],
      ['a data request', () => get(`/en/forums/${ctx.forum.slug}.data`)],
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
      ['the status page', () => get(`/en/status/${ctx.published.statusToken}`), { private: true }],
      ['the status page’s data request', () => get(`/en/status/${ctx.published.statusToken}.data`), { private: true }],
      ['the sign-in page', () => get('/en/staff/login'), { private: true }],
      ['a staff page', () => get('/en/staff', admin), { private: true }],
      ['a staff data request', () => get('/en/staff.data', admin), { private: true }],
      ['a staff input’s data request', () => get(`/en/staff/submissions/${ctx.pending.id}.data`, admin), { private: true }],
      ['a public file', () => get(`/en/inputs/${ctx.published.reference}/attachments/${ctx.published.file}`), { private: true }],
      ['a staff file', () => get(`/en/staff/submissions/${ctx.pending.id}/attachments/${ctx.pending.file}`, admin), { private: true }],
      ['the receipt', () => get(`/en/status/${ctx.published.statusToken}/receipt`), { private: true }],
      ['the submitter’s data', () => get(`/en/status/${ctx.published.statusToken}/data`), { private: true }],
      ['the publication PDF', () => get(`/en/inputs/${ctx.published.reference}/pdf`)],
      ['the API', () => get('/api/v1/forums')],
      ['an API error', () => get('/api/v1/inputs/NOPE-0001'), { status: 404 }],
      ['an API 404', () => get('/api/v2/nothing'), { status: 404 }],
      ['an API method not allowed', () => postForm('/api/v1/forums', {}), { status: 405 }],
      ['the OpenAPI document', () => get('/api/v1/openapi.json')],
      ['CSV open data', () => get(`/api/v1/forums/${ctx.forum.slug}/inputs.csv`)],
      ['JSON open data', () => get('/api/v1/inputs.json')],
      ['the Atom feed', () => get('/en/feed.atom')],
      ['a forum’s Atom feed', () => get(`/en/forums/${ctx.forum.slug}/feed.atom`)],
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
    for (const [p, cookie] of [['/en', undefined], ['/en', undefined], [`/en/forums/${ctx.forum.slug}/submit`, undefined], ['/en/staff', ctx.adminSession.cookie], ['/en/staff', ctx.adminSession.cookie]] as const) {
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
    const { page, problems } = await openPage(ctx.browser);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await signInInBrowser(page, ctx.portal.appUrl, ctx.moderator);
    await page.goto(url(`/en/forums/${ctx.forum.slug}/submit`));
    expect(violations).toEqual([]);
    expect(problems()).toEqual([]);
    await page.context().close();
  });
});

describe('personal data outside the database', () => {
  it('writes none of this file’s addresses, passwords, tokens or session cookies to the processes’ output or the queue', () => expectNoSecretsOutside(ctx));
});
