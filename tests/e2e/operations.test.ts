/**
 * The web process's endpoints for operators, as `npm start` runs it: /healthz says the process is
 * alive; /readyz checks PostgreSQL, Redis (and its eviction policy) and the outbox, answering JSON
 * that is never cached and names no person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.operations);
});
afterAll(async () => {
  await portal?.stop();
});

describe('operations endpoints', () => {
  it('/healthz answers while the process runs', async () => {
    const res = await fetch(`${portal.appUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
  });

  it('/readyz reports each check and is ready on the real services', async () => {
    const res = await fetch(`${portal.appUrl}/readyz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body).toMatchObject({
      ready: true,
      checks: { postgres: { ok: true }, redis: { ok: true, maxmemoryPolicy: 'noeviction' }, outbox: { ok: true, limitSeconds: 900 } },
    });
    expect(typeof body.checks.outbox.pending).toBe('number');
  });
});
