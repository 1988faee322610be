/**
 * Invitations: an admin names a person, their role and forums; the person gets an e-mail with a
 * one-time link to choose a password. The same link, sent again, is how a forgotten password is
 * replaced. Only the SHA-256 of a link's token is stored.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { staffForumAssignments, staffInvites, staffUsers, type StaffRole } from '../../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { hashSecretToken, newSecretToken } from '../ids/secret-token';
import { addOutbox } from '../outbox/add-outbox';
import { hashPassword } from './passwords';
import { normaliseStaffEmail } from './staff-accounts';
import { endAllStaffSessions, startStaffSession } from './staff-sessions';
import { totpRequired, type TotpPolicy } from './sign-in';

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface NewStaffMember {
  email: string;
  displayName: string;
  role: StaffRole;
  /** For moderators: every forum, or only `forumIds`. */
  allForums: boolean;
  forumIds: string[];
  /** Language of the invitation e-mail and of the page it links to. */
  locale: string;
}

export type InviteResult = { ok: true; staffId: string } | { ok: false; reason: 'exists' };

export async function inviteStaff(db: Db, member: NewStaffMember, invitedBy: string): Promise<InviteResult> {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(staffUsers)
      .values({
        email: normaliseStaffEmail(member.email),
        displayName: member.displayName,
        role: member.role,
        allForums: member.role === 'admin' || member.allForums,
      })
      .onConflictDoNothing({ target: staffUsers.email })
      .returning({ id: staffUsers.id });
    if (!created) return { ok: false, reason: 'exists' } as const;
    const forumIds = member.role === 'admin' || member.allForums ? [] : [...new Set(member.forumIds)];
    if (forumIds.length > 0) await tx.insert(staffForumAssignments).values(forumIds.map((forumId) => ({ staffId: created.id, forumId })));
    await recordAudit(tx, {
      actorKind: 'staff',
      actorStaffId: invitedBy,
      action: 'staff.invited',
      details: { staffId: created.id, role: member.role, allForums: member.role === 'admin' || member.allForums, forumIds },
    });
    await sendInvite(tx, created.id, member.locale, invitedBy);
    return { ok: true, staffId: created.id } as const;
  });
}

/** A new link for an existing account (a lost invitation, a forgotten password); earlier links stop working. */
export async function reinviteStaff(db: Db, staffId: string, locale: string, by: string): Promise<void> {
  await db.transaction(async (tx) => {
    await sendInvite(tx, staffId, locale, by);
    await recordAudit(tx, { actorKind: 'staff', actorStaffId: by, action: 'staff.reinvited', details: { staffId } });
  });
}

async function sendInvite(tx: Tx, staffId: string, locale: string, by: string): Promise<void> {
  await addOutbox(tx, 'staff-invite', { staffId }, { token: await issueInviteLink(tx, staffId, locale, by) });
}

/**
 * A new one-time link for the account, valid INVITE_TTL_MS; earlier unused links stop working.
 * Only its hash is stored: the token returned goes into the e-mail's outbox row.
 */
export async function issueInviteLink(tx: Tx, staffId: string, locale: string, by: string | null): Promise<string> {
  await tx.update(staffInvites).set({ expiresAt: new Date() }).where(and(eq(staffInvites.staffId, staffId), isNull(staffInvites.usedAt)));
  const { token, hash } = newSecretToken();
  await tx.insert(staffInvites).values({ id: hash, staffId, locale, createdBy: by, expiresAt: new Date(Date.now() + INVITE_TTL_MS) });
  return token;
}

/** The account an unused, unexpired invitation link is for. */
export async function findInvite(db: Db, token: string) {
  const [row] = await db
    .select({ staffId: staffUsers.id, displayName: staffUsers.displayName, email: staffUsers.email, locale: staffInvites.locale })
    .from(staffInvites)
    .innerJoin(staffUsers, eq(staffUsers.id, staffInvites.staffId))
    .where(and(eq(staffInvites.id, hashSecretToken(token)), isNull(staffInvites.usedAt), gt(staffInvites.expiresAt, new Date()), isNull(staffUsers.disabledAt)));
  return row;
}

export type AcceptResult =
  | { ok: false; reason: 'invalid_link' }
  | { ok: true; stage: 'signed_in' | 'totp_setup' | 'second_factor'; token: string; expiresAt: Date };

/**
 * Sets the password from an invitation link, used once. Every other session of the account ends
 * (the link may be replacing a password someone else learnt), and a new one starts at the next
 * step of signing in.
 */
export async function acceptInvite(db: Db, args: { token: string; password: string; totpPolicy: TotpPolicy }): Promise<AcceptResult> {
  const passwordHash = await hashPassword(args.password);
  return db.transaction(async (tx) => {
    const [used] = await tx
      .update(staffInvites)
      .set({ usedAt: new Date() })
      .where(and(eq(staffInvites.id, hashSecretToken(args.token)), isNull(staffInvites.usedAt), gt(staffInvites.expiresAt, new Date())))
      .returning({ staffId: staffInvites.staffId });
    if (!used) return { ok: false, reason: 'invalid_link' } as const;
    const [user] = await tx
      .update(staffUsers)
      .set({ passwordHash })
      .where(and(eq(staffUsers.id, used.staffId), isNull(staffUsers.disabledAt)))
      .returning({ id: staffUsers.id, role: staffUsers.role, totpSecret: staffUsers.totpSecret });
    if (!user) return { ok: false, reason: 'invalid_link' } as const;
    await endAllStaffSessions(tx, user.id);
    await recordAudit(tx, { actorKind: 'staff', actorStaffId: user.id, action: 'staff.password_set' });
    const stage = user.totpSecret ? 'second_factor' : totpRequired(user.role, args.totpPolicy) ? 'totp_setup' : 'signed_in';
    if (stage === 'signed_in') await recordAudit(tx, { actorKind: 'staff', actorStaffId: user.id, action: 'staff.signed_in' });
    return { ok: true, stage, ...(await startStaffSession(tx, user.id, stage)) } as const;
  });
}
