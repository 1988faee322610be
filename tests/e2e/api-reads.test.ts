/**
 * The API's public reads, its OpenAPI document and its edges, over real HTTP against the running
 * portal: forums with their calls; published inputs only (never an e-mail address, a name or an
 * organisation only with consent) in stable pages; problem+json for every refusal; no door open to
 * other sites' browsers. Every answer is checked against the document the portal serves.
 */
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide } from '../../app/modules/moderation/decide';
import { upsertStaffUser } from '../../app/modules/staff/staff-accounts';
import { submissions, type Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { apiClient } from '../helpers/api-client';
import { TRICKY_TEXTS } from '../helpers/fixtures';
import { validateAgainst } from '../helpers/json-schema';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';

const LIST = '/api/v1/forums/{slug}/inputs';
const ONE = '/api/v1/inputs/{reference}';
let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let api: ReturnType<typeof apiClient>;
let forum: Forum;
let closed: Forum;
const published: string[] = [];
const hidden: string[] = [];

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.apiReads);
  api = apiClient(portal.appUrl);
  forum = await createForum(portal.db, 'open', { name: { en: 'IMRF 2030 API test', ar: 'منتدى استعراض الهجرة الدولية 2030', fr: 'FIEM 2030' } });
  closed = await createForum(portal.db, 'closed');
  const staff = await upsertStaffUser(portal.db, { email: 'api-reads@un.example', displayName: 'Moderator', role: 'moderator', password: 'correct horse battery staple' });
  for (let i = 0; i < 5; i++) {
    const { id, reference } = await createTestSubmission(portal.db, forum, {
      title: i === 0 ? TRICKY_TEXTS.mixed : `Input ${i}`,
      language: i === 0 ? 'ar' : 'en',
      publishName: i === 1,
      publishOrganisation: i !== 2,
    });
    expect(await decide(portal.db, { submissionId: id, expectedVersion: 1, staffId: staff.id, request: { decision: 'accepted' } })).toEqual({ ok: true });
    published.push(reference);
  }
  // Three published at the very same microsecond: pages must still neither repeat nor skip.
  await portal.db.update(submissions).set({ publishedAt: new Date('2030-01-01T12:00:00.123Z') }).where(inArray(submissions.reference, published.slice(1, 4)));
  const pending = await createTestSubmission(portal.db, forum);
  const unconfirmed = await createTestSubmission(portal.db, forum, {}, 'en', { confirmed: false });
  const rejected = await createTestSubmission(portal.db, forum);
  await decide(portal.db, { submissionId: rejected.id, expectedVersion: 1, staffId: staff.id, request: { decision: 'rejected', category: 'out_of_scope', reason: 'Off topic' } });
  hidden.push(pending.reference, unconfirmed.reference, rejected.reference);
});
afterAll(() => portal?.stop());

describe('GET /api/v1/forums', () => {
  it('lists forums with call state, window as ISO instants with the time zone, languages, limits and names per language', async () => {
    const res = await api.conforming(await api.get('/api/v1/forums'), '/api/v1/forums');
    expect(res.status).toBe(200);
    const mine = res.body.forums.find((f: { slug: string }) => f.slug === forum.slug);
    expect(mine).toEqual({
      slug: forum.slug,
      name: { en: 'IMRF 2030 API test', ar: 'منتدى استعراض الهجرة الدولية 2030', fr: 'FIEM 2030' },
      guidance: forum.guidance,
      scope: 'global',
      call: { state: 'open', opensAt: forum.opensAt.toISOString(), closesAt: forum.closesAt.toISOString(), timeZone: 'America/New_York' },
      inputLanguages: ['ar', 'zh', 'en', 'fr', 'ru', 'es'],
      limits: { titleMaxChars: 200, summaryMaxChars: 1500, bodyMaxWords: 3000 },
      links: { submissions: `/api/v1/forums/${forum.slug}/submissions`, inputs: `/api/v1/forums/${forum.slug}/inputs`, page: `/en/forums/${forum.slug}` },
    });
    expect(res.body.forums.find((f: { slug: string }) => f.slug === closed.slug).call.state).toBe('closed');
    expect(res.headers.get('content-type')).toMatch(/^application\/json(; charset=utf-8)?$/);
  });
});

describe('published inputs', () => {
  it('pages through published inputs only, newest first, each exactly once', async () => {
    const seen: string[] = [];
    let path: string | null = `/api/v1/forums/${forum.slug}/inputs?limit=2`;
    let pages = 0;
    while (path) {
      const res = await api.conforming(await api.get(path), LIST);
      expect(res.status).toBe(200);
      expect(res.body.inputs.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.inputs.map((i: { reference: string }) => i.reference));
      path = res.body.links.next;
      expect(path === null).toBe(res.body.nextCursor === null);
      pages++;
    }
    expect(pages).toBe(3);
    expect([...seen].sort()).toEqual([...published].sort());
    const publishedAts = await portal.db.select({ reference: submissions.reference, at: submissions.publishedAt }).from(submissions).where(inArray(submissions.reference, seen));
    const order = seen.map((r) => publishedAts.find((p) => p.reference === r)!.at!.getTime());
    expect(order).toEqual([...order].sort((a, b) => b - a));

    const all = await api.conforming(await api.get(`/api/v1/forums/${forum.slug}/inputs`), LIST);
    expect(all.body.inputs).toHaveLength(5);
    expect(all.body.total).toBe(5);
    expect(all.body.nextCursor).toBeNull();
    for (const reference of hidden) expect(JSON.stringify(all.body)).not.toContain(reference);
  });

  it('shows one published input in full, with a name or organisation only where the submitter agreed, and never an e-mail address', async () => {
    const [arabic, named, noOrganisation] = published;
    const one = await api.conforming(await api.get(`/api/v1/inputs/${arabic}`), ONE);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      reference: arabic,
      forum: { slug: forum.slug, name: { en: 'IMRF 2030 API test' } },
      title: TRICKY_TEXTS.mixed,
      language: 'ar',
      author: { name: null, organisation: 'Migrant Rights Network', submitterType: 'organisation' },
      constituency: 'civil_society',
      country: 'LB',
      region: 'ESCWA',
      objectives: ['6', '15'],
      principles: ['human_rights'],
      body: 'Migrant domestic workers need access to justice and basic services.',
      links: { self: `/api/v1/inputs/${arabic}`, page: `/en/inputs/${arabic}` },
    });
    expect((await api.conforming(await api.get(`/api/v1/inputs/${named}`), ONE)).body.author).toMatchObject({ name: 'Amina Haddad', organisation: 'Migrant Rights Network' });
    expect((await api.conforming(await api.get(`/api/v1/inputs/${noOrganisation}`), ONE)).body.author).toMatchObject({ name: null, organisation: null });

    const texts = await Promise.all([
      ...published.map((r) => api.get(`/api/v1/inputs/${r}`).then((r) => r.text())),
      api.get(`/api/v1/forums/${forum.slug}/inputs?limit=100`).then((r) => r.text()),
    ]);
    for (const text of texts) {
      expect(text).not.toMatch(/@example\.org/);
      expect(text).not.toMatch(/"email"/);
    }
  });

  it('answers 404 for anything not published, whatever its state, and for malformed references', async () => {
    for (const reference of [...hidden, 'ZZ-0001', '%00', "X'%20OR%20'1'='1", 'a'.repeat(500)]) {
      const res = await api.conforming(await api.get(`/api/v1/inputs/${reference}`), ONE);
      expect(res.status, reference).toBe(404);
      expect(res.body).toMatchObject({ type: '/api/v1/problems/not-found', status: 404 });
    }
    expect((await api.conforming(await api.get('/api/v1/forums/no-such-forum/inputs'), LIST)).status).toBe(404);
  });

  it('refuses limits and cursors it did not make with 400 invalid-query', async () => {
    const realCursor = (await (await api.get(`/api/v1/forums/${forum.slug}/inputs?limit=1`)).json()).nextCursor as string;
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const query of [
      'limit=0', 'limit=101', 'limit=-1', 'limit=1.5', 'limit=abc', 'limit=1e2', 'limit=',
      'cursor=', 'cursor=%00', 'cursor=not-base64!', `cursor=${realCursor}x`,
      `cursor=${forged(['2030-02-30T00:00:00.000000Z', 'T1-0001'])}`,
      `cursor=${forged(['2030-01-01T00:00:00.000000Z', "x' or 1=1"])}`,
      `cursor=${forged({ __proto__: { a: 1 } })}`,
      `cursor=${'A'.repeat(5000)}`,
      // A position of another order: a relevance cursor carries a rank, a date one none.
      `cursor=${forged(['0.1', '2030-01-01T00:00:00.000000Z', 'T1-0001'])}`,
      `q=migrants&cursor=${realCursor}`,
      // Values the filters do not know are refused, not ignored.
      'objective=24', 'region=Europe', 'country=lb', 'language=de', 'sort=random', 'forum=other', 'colour=red',
      'objective=6&objective=15', `q=${'a'.repeat(201)}`,
    ]) {
      const res = await api.conforming(await api.get(`/api/v1/forums/${forum.slug}/inputs?${query}`), LIST);
      expect(res.status, query).toBe(400);
      expect(res.body.type).toBe('/api/v1/problems/invalid-query');
    }
    const ar = await api.conforming(await api.get(`/api/v1/forums/${forum.slug}/inputs?limit=0`, { 'Accept-Language': 'ar' }), LIST);
    expect(ar.body.title).toBe('معامل استعلام غير صالح');
  });
});

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and describes every endpoint', async () => {
    const res = await api.conforming(await api.get('/api/v1/openapi.json'), '/api/v1/openapi.json');
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths).sort()).toEqual(
      [
        '/api/v1/forums',
        '/api/v1/forums/{slug}/inputs',
        '/api/v1/forums/{slug}/inputs.csv',
        '/api/v1/forums/{slug}/inputs.json',
        '/api/v1/forums/{slug}/submissions',
        '/api/v1/inputs',
        '/api/v1/inputs.csv',
        '/api/v1/inputs.json',
        '/api/v1/inputs/{reference}',
        '/api/v1/openapi.json',
        '/api/v1/problems/{type}',
      ].sort(),
    );
  });

  it('describes the request body the endpoint really takes (generated from the shared zod schema)', async () => {
    const doc = await api.openApi();
    const schema = { $ref: '#/components/schemas/SubmissionRequest' };
    const request = {
      submitterType: 'individual', contactName: 'A', email: 'a@example.org', constituency: 'migrants', country: 'JO', language: 'ar',
      title: 'T', summary: 'S', body: 'B', objectives: ['1'], principles: [], publishName: true, consentPublication: true,
    };
    expect(validateAgainst(doc, schema, request)).toEqual([]);
    expect(validateAgainst(doc, schema, { ...request, consentPublication: 'true' })).not.toEqual([]);
    expect(validateAgainst(doc, schema, { ...request, objectives: ['24'] })).not.toEqual([]);
    const { title: _t, ...untitled } = request;
    expect(validateAgainst(doc, schema, untitled)).not.toEqual([]);
  });

  it('names problem types that lead to their description', async () => {
    for (const type of ['validation-failed', 'rate-limited', 'call-not-open', 'idempotency-key-reused']) {
      const res = await api.conforming(await api.get(`/api/v1/problems/${type}`), '/api/v1/problems/{type}');
      expect(res.status).toBe(200);
      expect(res.body.type).toBe(`/api/v1/problems/${type}`);
      expect(res.body.title.ar).toBeTruthy();
    }
    expect((await api.conforming(await api.get('/api/v1/problems/nonsense'), '/api/v1/problems/{type}')).status).toBe(404);
  });
});

describe('edges', () => {
  const submitPath = () => `/api/v1/forums/${forum.slug}/submissions`;

  it('refuses a cross-site browser POST (Origin or Sec-Fetch-Site) with 403 problem+json, before reading it', async () => {
    const attempts: Array<Record<string, string>> = [
      { Origin: 'https://evil.example', 'Content-Type': 'application/json' },
      { Origin: 'https://evil.example', 'Content-Type': 'text/plain' },
      { Origin: 'null', 'Content-Type': 'application/x-www-form-urlencoded' },
      { 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'application/json' },
    ];
    for (const headers of attempts) {
      const res = await fetch(`${portal.appUrl}${submitPath()}`, { method: 'POST', body: '{}', headers: { ...headers, 'Idempotency-Key': crypto.randomUUID() } });
      const checked = await api.conforming(res, '/api/v1/forums/{slug}/submissions', 'post');
      expect(checked.status).toBe(403);
      expect(checked.body.type).toBe('/api/v1/problems/cross-site-request');
    }
  });

  it('opens no CORS: no preflight is granted and no answer names another origin', async () => {
    const preflight = await fetch(`${portal.appUrl}${submitPath()}`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, idempotency-key' },
    });
    expect(preflight.status).toBeGreaterThanOrEqual(400);
    for (const res of [preflight, await api.get('/api/v1/forums', { Origin: 'https://evil.example' }), await api.get(`/api/v1/inputs/${published[0]}`, { Origin: 'https://evil.example' })]) {
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it('answers a method an endpoint does not take with 405 and Allow', async () => {
    const get = await api.get(submitPath());
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(get.headers.get('content-type')).toBe('application/problem+json');
    for (const path of ['/api/v1/forums', `/api/v1/inputs/${published[0]}`, `/api/v1/forums/${forum.slug}/inputs`, '/api/v1/openapi.json']) {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
        const res = await fetch(`${portal.appUrl}${path}`, { method, body: '{}', headers: { 'Content-Type': 'application/json' } });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get('allow')).toBe('GET, HEAD');
        expect((await res.json()).type).toBe('/api/v1/problems/method-not-allowed');
      }
    }
  });

  it('answers unknown API addresses with a problem+json 404, not the HTML page', async () => {
    for (const path of ['/api/v1/nothing', '/api/v2/forums', '/api/v1/forums/x/y/z', '/api/v1/inputs/x/y']) {
      const res = await api.get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toBe('application/problem+json');
      expect((await res.json()).type).toBe('/api/v1/problems/not-found');
    }
  });

  it('answers HEAD like GET, without a body', async () => {
    const res = await fetch(`${portal.appUrl}/api/v1/forums`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.text()).toBe('');
  });

  it('keeps the security headers on API answers', async () => {
    const res = await api.get('/api/v1/forums');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe('a submission through the API is invisible to the public reads until published', () => {
  it('appears neither in the list nor by reference after submitting', async () => {
    const res = await api.post(submitPath(), {
      submitterType: 'individual', contactName: 'Visitor', email: 'visitor@example.org', constituency: 'migrants', country: 'JO', language: 'en',
      title: 'Pending', summary: 'S', body: 'B', objectives: ['1'], consentPublication: true,
    });
    const { reference } = (await res.json()) as { reference: string };
    expect(res.status).toBe(201);
    expect((await api.get(`/api/v1/inputs/${reference}`)).status).toBe(404);
    const list = await (await api.get(`/api/v1/forums/${forum.slug}/inputs?limit=100`)).text();
    expect(list).not.toContain(reference);
    const [row] = await portal.db.select({ decision: submissions.decision }).from(submissions).where(eq(submissions.reference, reference));
    expect(row.decision).toBe('pending');
  });

  function submitPath() {
    return `/api/v1/forums/${forum.slug}/submissions`;
  }
});
