/**
 * Server-side staff sessions. The cookie holds 256 random bits; the database holds only their
 * SHA-256, so a database leak does not hand out live sessions. A session ends at logout, when its
 * account is disabled, after SESSION_IDLE_MS without a request, and SESSION_ABSOLUTE_MS after
 * sign-in however busy it is; each sign-in (and each step of it) gets a new token.
 */
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { hashSecretToken, newSecretToken } from '../ids/secret-token';
import { staffSessions, staffUsers, type StaffRole, type StaffSessionStage } from '../../../db/schema';

export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** A half-finished sign-in (password given, code not yet) lasts only this long. */
export const SIGN_IN_STEP_MS = 10 * 60 * 1000;

/** Who a signed-in request is from: enough to authorise it, nothing secret. */
export interface StaffMember {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  /** Forums this person may moderate: every one, or those listed. */
  forums: 'all' | string[];
  totpEnabled: boolean;
}

export interface StaffSession {
  stage: StaffSessionStage;
  pendingTotpSecret: string | null;
  staff: StaffMember;
}

export async function startStaffSession(
  db: Db | Tx,
  staffId: string,
  stage: StaffSessionStage = 'signed_in',
  pendingTotpSecret: string | null = null,
): Promise<{ token: string; expiresAt: Date }> {
  const { token, hash } = newSecretToken();
  const expiresAt = new Date(Date.now() + (stage === 'signed_in' ? SESSION_ABSOLUTE_MS : SIGN_IN_STEP_MS));
  await db.insert(staffSessions).values({ id: hash, staffId, stage, pendingTotpSecret, expiresAt });
  return { token, expiresAt };
}

/**
 * The live session behind a cookie token, at whatever stage, renewing its idle timer; undefined
 * when it ended, timed out, or its account is disabled.
 */
export async function readStaffSession(db: Db, token: string): Promise<StaffSession | undefined> {
  const idleCutoff = new Date(Date.now() - SESSION_IDLE_MS);
  const [session] = await db
    .update(staffSessions)
    .set({ lastSeenAt: sql`now()` })
    .where(and(eq(staffSessions.id, hashSecretToken(token)), gt(staffSessions.expiresAt, sql`now()`), gt(staffSessions.lastSeenAt, idleCutoff)))
    .returning({ staffId: staffSessions.staffId, stage: staffSessions.stage, pendingTotpSecret: staffSessions.pendingTotpSecret });
  if (!session) return undefined;
  const staff = await loadStaffMember(db, session.staffId);
  return staff ? { stage: session.stage, pendingTotpSecret: session.pendingTotpSecret, staff } : undefined;
}

/** The signed-in staff member behind a cookie token, if the session is complete and live. */
export async function staffForSession(db: Db, token: string): Promise<StaffMember | undefined> {
  const session = await readStaffSession(db, token);
  return session?.stage === 'signed_in' ? session.staff : undefined;
}

/** Who a staff member is and what they may do: the columns every look-up of an account selects. */
export const STAFF_ACCESS_COLUMNS = {
  id: staffUsers.id,
  email: staffUsers.email,
  displayName: staffUsers.displayName,
  role: staffUsers.role,
  allForums: staffUsers.allForums,
  totpEnabled: sql<boolean>`${staffUsers.totpSecret} is not null`,
  // Aliased by hand: drizzle leaves column names unqualified in a one-table select, and an
  // unqualified "id" inside a subquery would be the subquery's own.
  forumIds: sql<string[]>`coalesce((select array_agg(a.forum_id) from staff_forum_assignments a where a.staff_id = staff_users.id), '{}')`,
};

/** An enabled account as the staff side sees it, with the forums it may moderate. */
export async function loadStaffMember(db: Db | Tx, staffId: string): Promise<StaffMember | undefined> {
  const [row] = await db
    .select({ ...STAFF_ACCESS_COLUMNS, disabledAt: staffUsers.disabledAt })
    .from(staffUsers)
    .where(eq(staffUsers.id, staffId));
  if (!row || row.disabledAt) return undefined;
  const forums = row.role === 'admin' || row.allForums ? 'all' : row.forumIds;
  return { id: row.id, email: row.email, displayName: row.displayName, role: row.role, forums, totpEnabled: row.totpEnabled };
}

export async function endStaffSession(db: Db | Tx, token: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.id, hashSecretToken(token)));
}

/** Ends every session of an account (disabled, or its password was set anew). */
export async function endAllStaffSessions(db: Db | Tx, staffId: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.staffId, staffId));
}

/** Drops sessions that can no longer be used; run periodically by the worker. */
export async function pruneStaffSessions(db: Db, now = new Date()): Promise<number> {
  const idleCutoff = new Date(now.getTime() - SESSION_IDLE_MS);
  const gone = await db
    .delete(staffSessions)
    .where(sql`${staffSessions.expiresAt} <= ${now.toISOString()}::timestamptz or ${staffSessions.lastSeenAt} <= ${idleCutoff.toISOString()}::timestamptz`)
    .returning({ id: staffSessions.id });
  return gone.length;
}
