/**
 * Fixed-window rate limits shared by every web process (one upsert per check). Windows are
 * aligned to the clock, so `retryAfterSeconds` is exact for a 429's Retry-After header.
 */
import { lt, sql } from 'drizzle-orm';
import { createHmac } from 'node:crypto';
import type { Db } from '../../../db/client';
import { rateLimitHits } from '../../../db/schema';

export interface RateLimit {
  /** What is limited, e.g. 'submit:ip'. */
  name: string;
  limit: number;
  windowSeconds: number;
}

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** One check: a rule, who it counts (an IP, an address), and how many hits to count (default 1). */
export type RateLimitCheck = readonly [rule: RateLimit, subject: string, hits?: number];

/**
 * Counts hits against several limits in one statement (one round trip, however many rules) and
 * says whether all are still within their limits; when not, the first rule listed that is over
 * says when to come back.
 */
export async function hitRateLimits(db: Db, secret: string, checks: readonly RateLimitCheck[], now = new Date()): Promise<RateLimitResult> {
  const rows = checks.map(([rule, subject, hits = 1]) => {
    const windowMs = rule.windowSeconds * 1000;
    const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
    // Keyed with the server's secret (HMAC), so the table never holds an address or IP in clear
    // and a copy of it cannot be tested against guessed addresses; trimmed and lower-cased first,
    // so " A@x.org" on a draft and "a@x.org" on a submission share their limits.
    const key = `${rule.name}:${createHmac('sha256', secret).update(subject.trim().toLowerCase()).digest('hex').slice(0, 32)}`;
    return { rule, key, windowStart, hits };
  });
  if (rows.length === 0) return { allowed: true };
  const counted = await db
    .insert(rateLimitHits)
    .values(rows.map(({ key, windowStart, hits }) => ({ key, windowStart, count: hits })))
    .onConflictDoUpdate({ target: [rateLimitHits.key, rateLimitHits.windowStart], set: { count: sql`${rateLimitHits.count} + excluded.count` } })
    .returning({ key: rateLimitHits.key, count: rateLimitHits.count });
  const countOf = new Map(counted.map((c) => [c.key, c.count]));
  for (const { rule, key, windowStart } of rows) {
    if ((countOf.get(key) ?? 0) <= rule.limit) continue;
    const windowEnd = windowStart.getTime() + rule.windowSeconds * 1000;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000)) };
  }
  return { allowed: true };
}

/** Counts one hit for `subject` (an IP, an address) and says whether it is still within the limit. */
export function hitRateLimit(db: Db, secret: string, rule: RateLimit, subject: string, now = new Date()): Promise<RateLimitResult> {
  return hitRateLimits(db, secret, [[rule, subject]], now);
}

/**
 * Submit limits: generous per IP (an NGO office or a campaign desk shares one address). Every
 * submission mails its address a confirmation request, so the per-address limits are also what
 * keeps the portal from being used to flood someone's mailbox.
 */
export const SUBMIT_LIMITS = {
  perIp: { name: 'submit:ip', limit: 60, windowSeconds: 3600 },
  perEmail: { name: 'submit:email', limit: 10, windowSeconds: 3600 },
  perEmailDaily: { name: 'submit:email:day', limit: 20, windowSeconds: 24 * 3600 },
} satisfies Record<string, RateLimit>;

/**
 * Counts one submission (or draft) against every submit limit for this connection and address;
 * the first limit reached says when to come back.
 */
export function hitSubmitLimits(db: Db, secret: string, clientIp: string, email: string): Promise<RateLimitResult> {
  return hitRateLimits(db, secret, [
    [SUBMIT_LIMITS.perIp, clientIp],
    [SUBMIT_LIMITS.perEmail, email],
    [SUBMIT_LIMITS.perEmailDaily, email],
  ]);
}

/** Drops counters whose window ended more than a day ago; run periodically by the worker. */
export async function pruneRateLimits(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - 24 * 3600 * 1000);
  const deleted = await db.delete(rateLimitHits).where(lt(rateLimitHits.windowStart, cutoff)).returning({ key: rateLimitHits.key });
  return deleted.length;
}

/**
 * Uploads are stored before the form is sent, so they are limited on their own: enough files per
 * hour for an office sending many inputs, not enough to fill a disk.
 */
export const UPLOAD_LIMITS = {
  perIp: { name: 'upload:ip', limit: 200, windowSeconds: 3600 },
} satisfies Record<string, RateLimit>;

/** Counts each uploaded file against the per-connection upload limit. */
export function hitUploadLimits(db: Db, secret: string, clientIp: string, files: number): Promise<RateLimitResult> {
  return hitRateLimits(db, secret, [[UPLOAD_LIMITS.perIp, clientIp, files]]);
}
