/**
 * Signing in, step by step: password, then (when the account has it, or its role requires it) a
 * TOTP code or the set-up of two-factor sign-in. Every step that succeeds replaces the session
 * with a new one, and ends the one the request came with (a half-finished sign-in begun again, a
 * session left open on a shared computer), so a token seen before sign-in (or half-way) is worth
 * nothing after it.
 *
 * Throttling counts attempts per (address, IP) and per IP. Nothing counts per address alone: an
 * attacker could then lock a moderator out in the last days of a call just by typing their
 * address. Answers for unknown, disabled and known addresses are the same, and as slow.
 */
import { and, eq, isNull, or, lt } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { staffUsers, type StaffRole } from '../../../db/schema';
import { hitRateLimits, type RateLimit } from '../abuse/rate-limit';
import { recordAudit } from '../audit/record-audit';
import { checkStaffCredentials, normaliseStaffEmail } from './staff-accounts';
import { endStaffSession, readStaffSession, startStaffSession } from './staff-sessions';
import { matchTotpCode } from './totp';

export const SIGN_IN_LIMITS = {
  perAccountAndIp: { name: 'staff-login:account-ip', limit: 10, windowSeconds: 15 * 60 },
  perIp: { name: 'staff-login:ip', limit: 100, windowSeconds: 15 * 60 },
  codePerAccountAndIp: { name: 'staff-code:account-ip', limit: 10, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimit>;

/** Which roles must use two-factor sign-in: admins always; everyone where a deployment says so. */
export type TotpPolicy = 'admins' | 'everyone';
export function totpRequired(role: StaffRole, policy: TotpPolicy): boolean {
  return role === 'admin' || policy === 'everyone';
}

export type SignInStep =
  | { outcome: 'throttled'; retryAfterSeconds: number }
  | { outcome: 'failed' }
  | { outcome: 'signed_in' | 'second_factor' | 'totp_setup'; token: string; expiresAt: Date };

export async function signInWithPassword(
  db: Db,
  args: {
    secret: string;
    email: string;
    password: string;
    clientIp: string;
    totpPolicy: TotpPolicy;
    /** The session token the request carried, if any: it ends once the password is right. */
    replacing?: string;
  },
): Promise<SignInStep> {
  const account = normaliseStaffEmail(args.email);
  const limited = await hitRateLimits(db, args.secret, [
    [SIGN_IN_LIMITS.perAccountAndIp, `${account}|${args.clientIp}`],
    [SIGN_IN_LIMITS.perIp, args.clientIp],
  ]);
  if (!limited.allowed) return { outcome: 'throttled', retryAfterSeconds: limited.retryAfterSeconds };
  const user = await checkStaffCredentials(db, account, args.password);
  if (!user) return { outcome: 'failed' };
  if (args.replacing) await endStaffSession(db, args.replacing);
  if (user.totpSecret) return { outcome: 'second_factor', ...(await startStaffSession(db, user.id, 'second_factor')) };
  if (totpRequired(user.role, args.totpPolicy)) return { outcome: 'totp_setup', ...(await startStaffSession(db, user.id, 'totp_setup')) };
  return { outcome: 'signed_in', ...(await signedIn(db, user.id)) };
}

export type CodeStep =
  | { outcome: 'throttled'; retryAfterSeconds: number }
  | { outcome: 'failed' }
  /** The half-finished sign-in timed out or was not one waiting for a code: start again. */
  | { outcome: 'expired' }
  | { outcome: 'signed_in'; token: string; expiresAt: Date };

/** The second step: a TOTP code from the account's authenticator, never one already used. */
export async function signInWithCode(db: Db, args: { secret: string; sessionToken: string; code: string; clientIp: string }): Promise<CodeStep> {
  const session = await readStaffSession(db, args.sessionToken);
  if (!session || session.stage !== 'second_factor') return { outcome: 'expired' };
  const limited = await hitRateLimits(db, args.secret, [[SIGN_IN_LIMITS.codePerAccountAndIp, `${session.staff.id}|${args.clientIp}`]]);
  if (!limited.allowed) return { outcome: 'throttled', retryAfterSeconds: limited.retryAfterSeconds };
  const user = await db.query.staffUsers.findFirst({ where: eq(staffUsers.id, session.staff.id) });
  const step = user?.totpSecret ? matchTotpCode(user.totpSecret, args.code) : undefined;
  if (step === undefined || !(await claimTotpStep(db, session.staff.id, step))) return { outcome: 'failed' };
  await endStaffSession(db, args.sessionToken);
  return { outcome: 'signed_in', ...(await signedIn(db, session.staff.id)) };
}

/**
 * Records that a code's time step was used, if no later or equal step was: of two requests with
 * the same code, one wins.
 */
async function claimTotpStep(db: Db, staffId: string, step: number): Promise<boolean> {
  const updated = await db
    .update(staffUsers)
    .set({ totpLastStep: step })
    .where(and(eq(staffUsers.id, staffId), or(isNull(staffUsers.totpLastStep), lt(staffUsers.totpLastStep, step))))
    .returning({ id: staffUsers.id });
  return updated.length === 1;
}

/** Starts the full session and notes the sign-in in the audit log. */
async function signedIn(db: Db, staffId: string) {
  return db.transaction(async (tx) => {
    const session = await startStaffSession(tx, staffId, 'signed_in');
    await recordAudit(tx, { actorKind: 'staff', actorStaffId: staffId, action: 'staff.signed_in' });
    return session;
  });
}
