/**
 * Setting up two-factor sign-in: a secret is offered (kept on the session until confirmed) and
 * becomes the account's only when a code from it is typed back, so a mis-scanned QR code never
 * locks anyone out. Confirming replaces the session with a fully signed-in one.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { staffSessions, staffUsers } from '../../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { hashSecretToken } from '../ids/secret-token';
import { endStaffSession, readStaffSession, startStaffSession } from './staff-sessions';
import { matchTotpCode, newTotpSecret } from './totp';

/** The secret on offer for this session (made on first call), or undefined if it may not set one up. */
export async function offeredTotpSecret(db: Db, sessionToken: string): Promise<{ secret: string; account: string } | undefined> {
  const session = await readStaffSession(db, sessionToken);
  if (!session || session.stage === 'second_factor') return undefined;
  if (session.pendingTotpSecret) return { secret: session.pendingTotpSecret, account: session.staff.email };
  const secret = newTotpSecret();
  await db.update(staffSessions).set({ pendingTotpSecret: secret }).where(eq(staffSessions.id, hashSecretToken(sessionToken)));
  return { secret, account: session.staff.email };
}

export type TotpSetupResult = { ok: true; token: string; expiresAt: Date } | { ok: false; reason: 'wrong_code' | 'expired' };

export async function confirmTotpSetup(db: Db, args: { sessionToken: string; code: string }): Promise<TotpSetupResult> {
  const session = await readStaffSession(db, args.sessionToken);
  if (!session?.pendingTotpSecret || session.stage === 'second_factor') return { ok: false, reason: 'expired' };
  const step = matchTotpCode(session.pendingTotpSecret, args.code);
  if (step === undefined) return { ok: false, reason: 'wrong_code' };
  const staffId = session.staff.id;
  const secret = session.pendingTotpSecret;
  const next = await db.transaction(async (tx) => {
    await tx.update(staffUsers).set({ totpSecret: secret, totpLastStep: step }).where(eq(staffUsers.id, staffId));
    await endStaffSession(tx, args.sessionToken);
    await recordAudit(tx, { actorKind: 'staff', actorStaffId: staffId, action: 'staff.totp_enabled' });
    if (session.stage === 'totp_setup') await recordAudit(tx, { actorKind: 'staff', actorStaffId: staffId, action: 'staff.signed_in' });
    return startStaffSession(tx, staffId, 'signed_in');
  });
  return { ok: true, ...next };
}
