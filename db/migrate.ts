/**
 * Applies the committed migrations on a single dedicated connection. Safe to run from several
 * processes at once: drizzle's migrator takes no lock, so we hold an advisory lock around it.
 */
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { fileURLToPath } from 'node:url';
import type postgres from 'postgres';
import { connectPostgres } from './connect';

export const MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));
const LOCK_KEY = 7_305_195; // any constant shared by every process of this app

/** `folder` is another migrations folder only for a restore, which stops at the backup's migration. */
export async function runMigrations(url: string, folder: string = MIGRATIONS): Promise<void> {
  const sql = connectPostgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${LOCK_KEY})`;
    await migrate(drizzle(sql), { migrationsFolder: folder });
    await priceTrigramComparison(sql);
    await sql`select pg_advisory_unlock(${LOCK_KEY})`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Tells the planner what a trigram comparison costs. pg_trgm declares `%` and similarity() as
 * cheap as `=`, but on the texts compared for near-duplicates (up to 2,000 characters) one call
 * takes 0.1 to 1 ms. Priced that low, the planner compares a new input with every input of its
 * forum rather than read the trigram index, and each check grows with the forum (0.1 s at 2,000
 * inputs, seconds beyond). Set here, after every migration run, not in a migration: the functions
 * belong to the extension, and a backup (pg_dump) does not keep changes made to them, so a
 * restored database gets them back through this. Without the right to change them (an extension
 * created by another role), the portal still works, with the slower plan.
 */
async function priceTrigramComparison(sql: postgres.Sql): Promise<void> {
  try {
    await sql`alter function similarity_op(text, text) cost 20000`;
    await sql`alter function similarity(text, text) cost 20000`;
  } catch (error) {
    // 42501: not the functions' owner; 42883: no such function (a restore stopped before pg_trgm).
    const code = (error as { code?: string }).code;
    if (code !== '42501' && code !== '42883') throw error;
    console.warn(`Trigram comparison left at its default cost (${code}): near-duplicate checks read every input of a forum until the forum is large.`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required to run migrations');
  await runMigrations(url);
  console.log('migrations applied');
}
