/**
 * The submit endpoint over real HTTP against the running web process: bots (honeypot, instant
 * posts) and floods (per-address limit) are refused with clear answers, and nothing is stored.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueFormStamp } from '../../app/modules/abuse/form-timing';
import { SUBMIT_LIMITS } from '../../app/modules/abuse/rate-limit';
import { parseWebEnv } from '../../app/lib/web-env.server';
import { submissions, type Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { portalEnv } from '../helpers/processes';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let forum: Forum;
const secret = parseWebEnv(portalEnv()).SESSION_SECRET;

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.submitAbuse);
  forum = await createForum(portal.db);
});
afterAll(() => portal?.stop());

function post(fields: Record<string, string>, lang = 'en') {
  const body = new URLSearchParams({
    idempotencyKey: crypto.randomUUID(),
    formStamp: issueFormStamp(secret, Date.now() - 10_000),
    submitterType: 'individual',
    contactName: 'Flood Tester',
    email: 'flood@example.org',
    constituency: 'other',
    country: 'FR',
    language: 'en',
    title: 'A title',
    summary: 'A summary',
    body: 'A body',
    objectives: '23',
    consentPublication: 'yes',
    ...fields,
  });
  return fetch(`${portal.appUrl}/${lang}/forums/${forum.slug}/submit`, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers: { Origin: portal.appUrl, 'Content-Type': 'application/x-www-form-urlencoded' },
  });
}

async function stored() {
  const [row] = await portal.db.select({ n: count() }).from(submissions).where(eq(submissions.forumId, forum.id));
  return row.n;
}

describe('submit anti-abuse', () => {
  it('refuses a filled honeypot and an instant post, storing nothing', async () => {
    expect((await post({ website: 'http://spam.example', email: 'bot1@example.org' })).status).toBe(400);
    const fast = await post({ formStamp: issueFormStamp(secret, Date.now()), email: 'bot2@example.org' });
    expect(fast.status).toBe(400);
    expect(await fast.text()).toContain('faster than a person');
    expect((await post({ formStamp: 'forged.stamp', email: 'bot3@example.org' })).status).toBe(400);
    expect(await stored()).toBe(0);
  });

  it('answers 429 with Retry-After once one address sends too many, in the interface language', async () => {
    const email = `campaign-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const firstKey = crypto.randomUUID();
    expect((await post({ email, idempotencyKey: firstKey })).status).toBe(302);
    for (let i = 1; i < SUBMIT_LIMITS.perEmail.limit; i++) expect((await post({ email })).status).toBe(302);
    const refused = await post({ email });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.text()).toContain('Too many inputs');
    const refusedInArabic = await post({ email }, 'ar');
    expect(refusedInArabic.status).toBe(429);
    expect(await refusedInArabic.text()).toContain('أُرسل عدد كبير من المساهمات');
    // A browser retrying the first form still reaches its reference, limit or not.
    const replay = await post({ email, idempotencyKey: firstKey });
    expect(replay.status).toBe(302);
    expect(replay.headers.get('location')).toBe(`/en/forums/${forum.slug}/received`);
    expect(await stored()).toBe(SUBMIT_LIMITS.perEmail.limit);
  });

  it('refuses a cross-site post', async () => {
    const res = await fetch(`${portal.appUrl}/en/forums/${forum.slug}/submit`, {
      method: 'POST',
      body: new URLSearchParams({ email: 'x@example.org' }),
      headers: { Origin: 'https://evil.example' },
      redirect: 'manual',
    });
    expect(res.status).toBe(403);
  });

  it('shows the captured-mail viewer to this machine only, even in development', async () => {
    expect((await fetch(`${portal.appUrl}/dev/mail`)).status).toBe(200);
    // Behind the local proxy, the client is the forwarded address: not this machine.
    expect((await fetch(`${portal.appUrl}/dev/mail`, { headers: { 'X-Forwarded-For': '203.0.113.9' } })).status).toBe(404);
  });

  it('lets no browser or proxy store pages or their data; static files may be cached', async () => {
    const page = await fetch(`${portal.appUrl}/en/forums/${forum.slug}`);
    const data = await fetch(`${portal.appUrl}/en/forums/${forum.slug}.data`);
    const missing = await fetch(`${portal.appUrl}/en/inputs/NOPE-0001`);
    for (const res of [page, data, missing]) expect(res.headers.get('cache-control')).toBe('no-store');
    expect(data.status).toBe(200);
    const icon = await fetch(`${portal.appUrl}/favicon.svg`);
    expect(icon.headers.get('cache-control')).toMatch(/max-age=\d+/);
  });
});
