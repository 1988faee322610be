/**
 * What admins do to staff accounts: change role and forums, disable (every session ends at once,
 * in the same transaction), enable, and clear two-factor sign-in for someone who lost their phone.
 * Each change is audited with its before and after. An admin cannot disable or demote themself,
 * so the secretariat can never be left without an admin by a slip.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { staffForumAssignments, staffUsers, type StaffRole } from '../../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { endAllStaffSessions, STAFF_ACCESS_COLUMNS } from './staff-sessions';

const staffEntries = (db: Db) =>
  db
    .select({
      ...STAFF_ACCESS_COLUMNS,
      disabled: sql<boolean>`${staffUsers.disabledAt} is not null`,
      invited: sql<boolean>`${staffUsers.passwordHash} is null`,
    })
    .from(staffUsers);

export async function listStaff(db: Db) {
  return staffEntries(db).orderBy(asc(staffUsers.displayName), asc(staffUsers.email));
}

export type StaffListEntry = Awaited<ReturnType<typeof listStaff>>[number];

export async function findStaff(db: Db, staffId: string): Promise<StaffListEntry | undefined> {
  const [entry] = await staffEntries(db).where(eq(staffUsers.id, staffId));
  return entry;
}

export type StaffChangeResult = { ok: true } | { ok: false; reason: 'not_found' | 'self' };

export async function updateStaffAccess(
  db: Db,
  args: { staffId: string; role: StaffRole; allForums: boolean; forumIds: string[]; by: string },
): Promise<StaffChangeResult> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(staffUsers).where(eq(staffUsers.id, args.staffId)).for('update');
    if (!before) return { ok: false, reason: 'not_found' } as const;
    if (args.staffId === args.by && args.role !== before.role) return { ok: false, reason: 'self' } as const;
    const allForums = args.role === 'admin' || args.allForums;
    const forumIds = allForums ? [] : [...new Set(args.forumIds)].sort();
    const beforeForums = (await tx.select({ id: staffForumAssignments.forumId }).from(staffForumAssignments).where(eq(staffForumAssignments.staffId, args.staffId)))
      .map((r) => r.id)
      .sort();
    await tx.update(staffUsers).set({ role: args.role, allForums }).where(eq(staffUsers.id, args.staffId));
    await tx.delete(staffForumAssignments).where(eq(staffForumAssignments.staffId, args.staffId));
    if (forumIds.length > 0) await tx.insert(staffForumAssignments).values(forumIds.map((forumId) => ({ staffId: args.staffId, forumId })));
    await recordAudit(tx, {
      actorKind: 'staff',
      actorStaffId: args.by,
      action: 'staff.access_changed',
      details: {
        staffId: args.staffId,
        before: { role: before.role, allForums: before.allForums, forumIds: beforeForums },
        after: { role: args.role, allForums, forumIds },
      },
    });
    return { ok: true } as const;
  });
}

/** Disables an account and ends its sessions in one transaction: the next request is refused. */
export async function setStaffDisabled(db: Db, args: { staffId: string; disabled: boolean; by: string }): Promise<StaffChangeResult> {
  if (args.staffId === args.by) return { ok: false, reason: 'self' };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(staffUsers)
      .set({ disabledAt: args.disabled ? new Date() : null })
      .where(eq(staffUsers.id, args.staffId))
      .returning({ id: staffUsers.id });
    if (!row) return { ok: false, reason: 'not_found' } as const;
    if (args.disabled) await endAllStaffSessions(tx, args.staffId);
    await recordAudit(tx, {
      actorKind: 'staff',
      actorStaffId: args.by,
      action: args.disabled ? 'staff.disabled' : 'staff.enabled',
      details: { staffId: args.staffId },
    });
    return { ok: true } as const;
  });
}

/** Clears two-factor sign-in (a lost phone); the next sign-in sets it up again where required. */
export async function resetStaffTotp(db: Db, args: { staffId: string; by: string }): Promise<StaffChangeResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(staffUsers)
      .set({ totpSecret: null, totpLastStep: null })
      .where(eq(staffUsers.id, args.staffId))
      .returning({ id: staffUsers.id });
    if (!row) return { ok: false, reason: 'not_found' } as const;
    await endAllStaffSessions(tx, args.staffId);
    await recordAudit(tx, { actorKind: 'staff', actorStaffId: args.by, action: 'staff.totp_reset', details: { staffId: args.staffId } });
    return { ok: true } as const;
  });
}
