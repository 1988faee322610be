/**
 * The development demo admin: a random password kept in the data dir, so it survives restarts
 * and is never a value published in this repository.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { upsertStaffUser } from '../app/modules/staff/staff-accounts';
import type { Db } from '../db/client';

export const DEMO_ADMIN_EMAIL = 'admin@demo.example';

export async function ensureDemoAdmin(db: Db, dataDir: string): Promise<{ email: string; password: string }> {
  const file = path.join(dataDir, 'demo-admin-password.txt');
  const password = existsSync(file) ? readFileSync(file, 'utf8').trim() : randomBytes(12).toString('base64url');
  writeFileSync(file, password, { mode: 0o600 });
  await upsertStaffUser(db, { email: DEMO_ADMIN_EMAIL, displayName: 'Demo admin', role: 'admin', password });
  return { email: DEMO_ADMIN_EMAIL, password };
}
