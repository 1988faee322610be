import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { hitRateLimit, hitRateLimits } from '../../app/modules/abuse/rate-limit';
import { rateLimitHits } from '../../db/schema';
import { testDb } from '../helpers/services';

const handle = testDb();
const SECRET = 'rate-limit-test-secret-of-enough-length';
afterAll(() => handle.close());

describe('rate limits', () => {
  it('allows up to the limit per window, then says exactly when to retry; never stores the subject in clear', async () => {
    const rule = { name: `test:${crypto.randomUUID()}`, limit: 3, windowSeconds: 60 };
    const now = new Date('2026-11-22T10:00:15Z');
    const subject = 'office@ngo.example';
    // The same address however it was typed (a draft's raw field, a submission's trimmed value).
    for (const typed of [subject, ' Office@NGO.example ', 'OFFICE@ngo.example']) expect(await hitRateLimit(handle.db, SECRET, rule, typed, now)).toEqual({ allowed: true });
    expect(await hitRateLimit(handle.db, SECRET, rule, subject, now)).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(await hitRateLimit(handle.db, SECRET, rule, 'someone-else@ngo.example', now)).toEqual({ allowed: true });
    expect(await hitRateLimit(handle.db, SECRET, rule, subject, new Date('2026-11-22T10:01:00Z'))).toEqual({ allowed: true });
    const keys = (await handle.db.select().from(rateLimitHits)).map((r) => r.key).join(' ');
    expect(keys).not.toContain('office@ngo.example');
    // Nor an unkeyed digest of it, which anyone could compute from a guessed address.
    expect(keys).not.toContain(createHash('sha256').update('office@ngo.example').digest('hex').slice(0, 32));
  });

  it('counts concurrent hits exactly', async () => {
    const rule = { name: `test:${crypto.randomUUID()}`, limit: 10, windowSeconds: 3600 };
    const results = await Promise.all(Array.from({ length: 15 }, () => hitRateLimit(handle.db, SECRET, rule, '203.0.113.7')));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
  });

  it('counts several limits in one statement, and weighted hits; the first rule over says when to retry', async () => {
    const tag = crypto.randomUUID();
    const perIp = { name: `ip:${tag}`, limit: 5, windowSeconds: 3600 };
    const perAddress = { name: `addr:${tag}`, limit: 2, windowSeconds: 60 };
    const now = new Date('2026-11-22T10:00:30Z');
    const both = [[perIp, '192.0.2.9'], [perAddress, 'desk@ngo.example']] as const;
    expect(await hitRateLimits(handle.db, SECRET, both, now)).toEqual({ allowed: true });
    expect(await hitRateLimits(handle.db, SECRET, both, now)).toEqual({ allowed: true });
    // Third hit: the address is over (limit 2) while the IP is not; its window ends in 30 s.
    expect(await hitRateLimits(handle.db, SECRET, both, now)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    // Weighted: three files at once take the IP from 3 to 6, over its limit of 5.
    expect(await hitRateLimits(handle.db, SECRET, [[perIp, '192.0.2.9', 3]], now)).toEqual({ allowed: false, retryAfterSeconds: 3570 });
  });
});
