import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { staffUsers, type StaffUser } from '../../../db/schema';
import { burnPasswordCheck, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords';

export function normaliseStaffEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Creates a staff account, or resets the password and role of an existing one (CLI use). */
export async function upsertStaffUser(
  db: Db,
  args: { email: string; displayName: string; role: 'admin' | 'moderator'; password: string },
): Promise<StaffUser> {
  if (args.password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const values = {
    email: normaliseStaffEmail(args.email),
    displayName: args.displayName,
    role: args.role,
    passwordHash: await hashPassword(args.password),
  };
  const [row] = await db
    .insert(staffUsers)
    .values(values)
    .onConflictDoUpdate({ target: staffUsers.email, set: { ...values, disabledAt: null } })
    .returning();
  return row;
}

/** The staff member for these credentials, or undefined; equally slow either way. */
export async function checkStaffCredentials(db: Db, email: string, password: string): Promise<StaffUser | undefined> {
  const user = await db.query.staffUsers.findFirst({ where: eq(staffUsers.email, normaliseStaffEmail(email)) });
  if (!user || user.disabledAt) {
    await burnPasswordCheck(password);
    return undefined;
  }
  return (await verifyPassword(user.passwordHash, password)) ? user : undefined;
}
