/**
 * Applies the committed migrations on a single dedicated connection. Safe to run from several
 * processes at once: drizzle's migrator takes no lock, so we hold an advisory lock around it.
 */
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

export const MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));
const LOCK_KEY = 7_305_195; // any constant shared by every process of this app

/** `folder` is another migrations folder only for a restore, which stops at the backup's migration. */
export async function runMigrations(url: string, folder: string = MIGRATIONS): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${LOCK_KEY})`;
    await migrate(drizzle(sql), { migrationsFolder: folder });
    await sql`select pg_advisory_unlock(${LOCK_KEY})`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required to run migrations');
  await runMigrations(url);
  console.log('migrations applied');
}
