/**
 * Creates (or resets) a staff account without prompts:
 *   ADMIN_EMAIL=a@b.org ADMIN_NAME="A B" [ADMIN_ROLE=admin|moderator] npm run admin:create < password.txt
 * The password is read from ADMIN_PASSWORD or standard input, never from an argument (arguments
 * are visible to every user of the machine in the process list).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { upsertStaffUser } from '../app/modules/staff/staff-accounts';
import { createDb } from '../db/client';
import { loggableError } from '../app/modules/logging/loggable-error';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function databaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const runtime = path.resolve(process.env.DATA_DIR ?? '.data', 'runtime.json');
  if (existsSync(runtime)) return JSON.parse(readFileSync(runtime, 'utf8')).databaseUrl;
  throw new Error('Set DATABASE_URL, or run this while `npm start` is running.');
}

const email = process.env.ADMIN_EMAIL;
const displayName = process.env.ADMIN_NAME ?? email;
const role = (process.env.ADMIN_ROLE ?? 'admin') as 'admin' | 'moderator';
const password = (process.env.ADMIN_PASSWORD ?? (await readStdin())).replace(/\r?\n$/, '');
if (!email || !displayName || !['admin', 'moderator'].includes(role) || !password) {
  console.error('Usage: ADMIN_EMAIL=… ADMIN_NAME=… [ADMIN_ROLE=admin|moderator] npm run admin:create < password-file');
  process.exit(2);
}
const handle = createDb(databaseUrl(), { max: 1 });
try {
  const user = await upsertStaffUser(handle.db, { email, displayName, role, password });
  console.log(`staff account ready: ${user.email} (${user.role})`);
} catch (error) {
  // Printed unhandled, a database error would show its parameters: the address and password hash.
  console.error(`admin:create failed: ${loggableError(error)}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
