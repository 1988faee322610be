/**
 * The web process's endpoints for operators, as `npm start` runs it: /healthz says the process is
 * alive; /readyz checks PostgreSQL, Redis (and its eviction policy) and the outbox, answering JSON
 * that is never cached and names no person; /metrics gives Prometheus figures to the holder of the
 * token only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';

const METRICS_TOKEN = 'metrics-token-for-the-operations-test-0123456789';

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.operations, { METRICS_TOKEN });
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

  it('/metrics answers only the token holder, in Prometheus text, and counts each input received', async () => {
    const metrics = (authorization?: string) => fetch(`${portal.appUrl}/metrics`, { headers: authorization ? { Authorization: authorization } : {} });
    expect((await metrics()).status).toBe(401);
    expect((await metrics(`Bearer ${METRICS_TOKEN.replace(/.$/, 'x')}`)).status).toBe(401);
    const value = (text: string, sample: string) => Number(new RegExp(`^${sample.replace(/[{}"]/g, '\\$&')} (\\d+)$`, 'm').exec(text)?.[1]);

    const before = await metrics(`Bearer ${METRICS_TOKEN}`);
    expect(before.status).toBe(200);
    expect(before.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const first = await before.text();
    expect(first).toContain('# TYPE portal_inputs_received_total counter');
    expect(first).toMatch(/^portal_outbox_pending \d+$/m);
    expect(first).toMatch(/^portal_outbox_oldest_pending_seconds \d+$/m);
    expect(first).toMatch(/^portal_queue_jobs\{queue="email",state="waiting"\} \d+$/m);

    const forum = await createForum(portal.db, 'open');
    const input = await createTestSubmission(portal.db, forum, { email: 'counted@example.org' });
    const after = await (await metrics(`Bearer ${METRICS_TOKEN}`)).text();
    expect(value(after, 'portal_inputs_received_total')).toBe(value(first, 'portal_inputs_received_total') + 1);
    // Figures only: no address, reference or title.
    expect(after).not.toContain('counted@example.org');
    expect(after).not.toContain(input.reference);
  });

  it('logs one JSON object per line, with time, level, source and message', async () => {
    // Let both processes write something after start-up, then read what each wrote.
    await fetch(`${portal.appUrl}/readyz`);
    for (const [proc, source] of [[portal.web, 'web'], [portal.worker, 'worker']] as const) {
      const lines = proc.output().split('\n').filter((l) => l.trim().startsWith('{'));
      expect(lines.length, source).toBeGreaterThan(0);
      for (const line of lines) {
        const entry = JSON.parse(line);
        expect(entry).toMatchObject({ level: expect.stringMatching(/^(info|error)$/), msg: expect.any(String) });
        expect(new Date(entry.time).toISOString()).toBe(entry.time);
      }
      expect(lines.map((l) => JSON.parse(l)).some((e) => e.source === source && e.level === 'info')).toBe(true);
    }
  });
});
