/**
 * Which committed migration a database stands at. A backup records it; a restore builds the
 * schema up to exactly that migration before loading rows, so every column the rows fill exists
 * and no later migration has yet changed them (later migrations run over the data afterwards, as
 * on any upgrade).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type postgres from 'postgres';
import { MIGRATIONS } from '../../../../db/migrate';

export interface MigrationPoint {
  /** The migration's file name without `.sql`, e.g. `0025_search_head_index`. */
  tag: string;
  /** drizzle's `when` for it, which is what `drizzle.__drizzle_migrations.created_at` holds. */
  createdAt: number;
}

interface Journal {
  entries: Array<{ tag: string; when: number }>;
}

function readJournal(): Journal {
  return JSON.parse(readFileSync(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as Journal;
}

/** The migrations this version of the portal ships, oldest first. */
export function knownMigrations(): MigrationPoint[] {
  return readJournal().entries.map((e) => ({ tag: e.tag, createdAt: e.when }));
}

/** The newest migration applied to the database, or null when none ever was. */
export async function appliedMigration(sql: postgres.Sql | postgres.TransactionSql): Promise<MigrationPoint | null> {
  const [table] = await sql<Array<{ exists: boolean }>>`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`;
  if (!table.exists) return null;
  const [last] = await sql<Array<{ createdAt: string }>>`select created_at::text as "createdAt" from drizzle.__drizzle_migrations order by created_at desc limit 1`;
  if (!last) return null;
  const createdAt = Number(last.createdAt);
  const known = knownMigrations().find((m) => m.createdAt === createdAt);
  // A database migrated by a newer portal than this one: its schema cannot be rebuilt from here.
  if (!known) throw new Error(`the database has a migration (created ${createdAt}) this version of the portal does not ship; use the portal's current version`);
  return known;
}

/**
 * A migrations folder holding only the migrations up to `tag`, for drizzle's migrator (which applies
 * every migration of its folder). The caller removes it.
 */
export function migrationsUpTo(tag: string): string {
  const journal = readJournal();
  const upTo = journal.entries.findIndex((e) => e.tag === tag);
  if (upTo < 0) throw new Error(`this version of the portal does not ship migration ${tag}`);
  const entries = journal.entries.slice(0, upTo + 1);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'restore-migrations-'));
  for (const e of entries) cpSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  cpSync(path.join(MIGRATIONS, 'meta'), path.join(dir, 'meta'), { recursive: true });
  writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  return dir;
}
