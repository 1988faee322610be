import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { staffUsers, type StaffRole, type StaffUser } from '../../../db/schema';
import { MIN_PASSWORD_LENGTH } from './password-rules';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords';

export function normaliseStaffEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Creates a staff account, or resets the password and role of an existing one (command-line use
 * and tests; the portal itself invites people). A TOTP secret may be given to set up two-factor
 * sign-in at once.
 */
export async function upsertStaffUser(
  db: Db,
  args: { email: string; displayName: string; role: StaffRole; password: string; totpSecret?: string },
): Promise<StaffUser> {
  if (args.password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const values = {
    email: normaliseStaffEmail(args.email),
    displayName: args.displayName,
    role: args.role,
    passwordHash: await hashPassword(args.password),
    ...(args.totpSecret ? { totpSecret: args.totpSecret, totpLastStep: null } : {}),
  };
  const [row] = await db
    .insert(staffUsers)
    .values(values)
    .onConflictDoUpdate({ target: staffUsers.email, set: { ...values, disabledAt: null } })
    .returning();
  return row;
}

/**
 * The account for these credentials, or undefined; equally slow either way, so an answer never
 * tells whether an address has an account (or an unused invitation, or a disabled one).
 */
export async function checkStaffCredentials(db: Db, email: string, password: string): Promise<StaffUser | undefined> {
  const user = await db.query.staffUsers.findFirst({ where: eq(staffUsers.email, normaliseStaffEmail(email)) });
  if (!user || user.disabledAt || !user.passwordHash) {
    await burnPasswordCheck(password);
    return undefined;
  }
  return (await verifyPassword(user.passwordHash, password)) ? user : undefined;
}
