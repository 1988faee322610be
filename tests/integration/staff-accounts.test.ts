/**
 * Staff accounts against the real database: invitations (one use, replaced by a newer link, a
 * queued e-mail with no token in clear anywhere but the outbox payload), access changes audited
 * before → after, disabling that ends sessions in the same transaction, and the guards that keep
 * an admin from locking themself out.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { listStaff, setStaffDisabled, updateStaffAccess } from '../../app/modules/staff/staff-admin';
import { acceptInvite, findInvite, inviteStaff, reinviteStaff } from '../../app/modules/staff/staff-invites';
import { readStaffSession, startStaffSession } from '../../app/modules/staff/staff-sessions';
import { auditEvents, outbox, staffInvites, staffSessions, staffUsers } from '../../db/schema';
import { createForum } from '../factories/forums';
import { testDb } from '../helpers/services';
import { createStaff } from '../helpers/staff';

const { db, close } = testDb();
afterAll(() => close());
const tag = () => crypto.randomUUID().slice(0, 8);

async function inviteTokenFor(staffId: string): Promise<string> {
  const rows = await db.select().from(outbox).where(and(eq(outbox.staffId, staffId), eq(outbox.kind, 'staff-invite'))).orderBy(outbox.id);
  return String(rows.at(-1)!.payload.token);
}

describe('invitations', () => {
  it('creates an account without a password, queues the e-mail, and sets the password once', async () => {
    const admin = await createStaff(db, { email: `inv-admin-${tag()}@un.example`, role: 'admin' });
    const forum = await createForum(db);
    const email = `Invited-${tag()}@UN.example`;
    const invited = await inviteStaff(db, { email, displayName: 'سارة', role: 'moderator', allForums: false, forumIds: [forum.id], locale: 'ar' }, admin.id);
    expect(invited.ok).toBe(true);
    const staffId = invited.ok ? invited.staffId : '';
    const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, staffId));
    expect(row).toMatchObject({ email: email.toLowerCase(), passwordHash: null, allForums: false });
    expect((await listStaff(db)).find((s) => s.id === staffId)).toMatchObject({ invited: true, forumIds: [forum.id] });

    const token = await inviteTokenFor(staffId);
    const [invite] = await db.select().from(staffInvites).where(eq(staffInvites.staffId, staffId));
    expect(invite.id).toBe(createHash('sha256').update(token).digest('hex'));
    expect(await findInvite(db, token)).toMatchObject({ staffId, locale: 'ar' });

    const accepted = await acceptInvite(db, { token, password: 'a moderator passphrase', totpPolicy: 'admins' });
    expect(accepted).toMatchObject({ ok: true, stage: 'signed_in' });
    expect(await acceptInvite(db, { token, password: 'another passphrase here', totpPolicy: 'admins' })).toEqual({ ok: false, reason: 'invalid_link' });
    expect(await findInvite(db, token)).toBeUndefined();
    // Where everyone must use codes, the first session waits for the set-up.
    await reinviteStaff(db, staffId, 'en', admin.id);
    const again = await acceptInvite(db, { token: await inviteTokenFor(staffId), password: 'a moderator passphrase', totpPolicy: 'everyone' });
    expect(again).toMatchObject({ ok: true, stage: 'totp_setup' });
  });

  it('refuses a second account for the same address, and a newer link replaces the older', async () => {
    const admin = await createStaff(db, { email: `inv2-admin-${tag()}@un.example`, role: 'admin' });
    const email = `twice-${tag()}@un.example`;
    const first = await inviteStaff(db, { email, displayName: 'Twice', role: 'moderator', allForums: true, forumIds: [], locale: 'en' }, admin.id);
    expect(await inviteStaff(db, { email: email.toUpperCase(), displayName: 'Twice', role: 'admin', allForums: true, forumIds: [], locale: 'en' }, admin.id)).toEqual({
      ok: false,
      reason: 'exists',
    });
    const staffId = first.ok ? first.staffId : '';
    const older = await inviteTokenFor(staffId);
    await reinviteStaff(db, staffId, 'en', admin.id);
    const newer = await inviteTokenFor(staffId);
    expect(await findInvite(db, older)).toBeUndefined();
    expect(await findInvite(db, newer)).toBeDefined();
  });
});

describe('changing and disabling accounts', () => {
  it('audits a change of role and forums with what it was before and after', async () => {
    const admin = await createStaff(db, { email: `acc-admin-${tag()}@un.example`, role: 'admin' });
    const moderator = await createStaff(db, { email: `acc-mod-${tag()}@un.example`, role: 'moderator' });
    const forum = await createForum(db);
    expect(await updateStaffAccess(db, { staffId: moderator.id, role: 'moderator', allForums: false, forumIds: [forum.id], by: admin.id })).toEqual({ ok: true });
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.actorStaffId, admin.id), eq(auditEvents.action, 'staff.access_changed')));
    expect(event.details).toEqual({
      staffId: moderator.id,
      before: { role: 'moderator', allForums: true, forumIds: [] },
      after: { role: 'moderator', allForums: false, forumIds: [forum.id] },
    });
    // An admin cannot demote or disable themself.
    expect(await updateStaffAccess(db, { staffId: admin.id, role: 'moderator', allForums: true, forumIds: [], by: admin.id })).toEqual({ ok: false, reason: 'self' });
    expect(await setStaffDisabled(db, { staffId: admin.id, disabled: true, by: admin.id })).toEqual({ ok: false, reason: 'self' });
  });

  it('ends every session of a disabled account in the same transaction', async () => {
    const admin = await createStaff(db, { email: `dis-admin-${tag()}@un.example`, role: 'admin' });
    const moderator = await createStaff(db, { email: `dis-mod-${tag()}@un.example`, role: 'moderator' });
    const a = await startStaffSession(db, moderator.id);
    const b = await startStaffSession(db, moderator.id);
    expect(await readStaffSession(db, a.token)).toBeDefined();
    await setStaffDisabled(db, { staffId: moderator.id, disabled: true, by: admin.id });
    expect(await readStaffSession(db, a.token)).toBeUndefined();
    expect(await readStaffSession(db, b.token)).toBeUndefined();
    expect(await db.select().from(staffSessions).where(eq(staffSessions.staffId, moderator.id))).toEqual([]);
  });
});
