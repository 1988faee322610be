/**
 * Server-side staff sessions. The cookie holds 256 random bits; the database holds only their
 * SHA-256, so a database leak does not hand out live sessions.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../../db/client';
import { staffSessions, staffUsers, type StaffUser } from '../../../db/schema';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export async function startStaffSession(db: Db, staffId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await db.insert(staffSessions).values({ id: digest(token), staffId, expiresAt });
  return { token, expiresAt };
}

/** The active, non-disabled staff member behind a cookie token, if any. */
export async function staffForSession(db: Db, token: string): Promise<StaffUser | undefined> {
  const [row] = await db
    .select({ user: staffUsers })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.staffId))
    .where(and(eq(staffSessions.id, digest(token)), gt(staffSessions.expiresAt, new Date()), isNull(staffUsers.disabledAt)));
  return row?.user;
}

export async function endStaffSession(db: Db, token: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.id, digest(token)));
}
