/**
 * Restores a backup folder into an empty database (and, when the backup holds them, the files into
 * a local store). In order, stopping at the first problem:
 *   1. every table file and stored file matches the manifest (nothing is touched before this);
 *   2. the target database holds no rows and is not past the backup's migration;
 *   3. the files are copied into the store, each checked as it is written;
 *   4. the schema is built up to the backup's migration;
 *   5. one transaction locks every table, loads them in foreign-key order with COPY, checks each
 *      table's bytes and row count again, and moves each sequence past the restored ids.
 * A problem in step 5 rolls the transaction back: the database keeps its schema and no rows, and
 * the same restore can be run again.
 */
import { rm } from 'node:fs/promises';
import type postgres from 'postgres';
import { connectPostgres } from '../../../../db/connect';
import { runMigrations } from '../../../../db/migrate';
import { loadOrder, quoteIdent, readSerialColumns, readTables } from './catalog';
import { copyIn, setCopySettings } from './copy-streams';
import { digestFile, digestingRead } from './digest';
import { BackupRefused, readManifest, tableFile, type Manifest } from './manifest';
import { appliedMigration, knownMigrations, migrationsUpTo } from './migration-point';
import { copyFilesIn, verifyBackupFiles } from './stored-files';

export interface RestoreOptions {
  databaseUrl: string;
  dir: string;
  /** The local store's folder (DATA_DIR/files), or null to leave files alone (an S3-compatible store). */
  filesRoot: string | null;
}

export interface RestoreResult {
  migration: string;
  tables: number;
  rows: number;
  files: number;
}

/** A table that could not be loaded; the cause is the database's error (its message may quote a row). */
export class RestoreFailed extends Error {
  override name = 'RestoreFailed';
}

export async function restoreBackup(opts: RestoreOptions): Promise<RestoreResult> {
  const manifest = await readManifest(opts.dir);
  await verifyBackup(opts.dir, manifest, opts.filesRoot !== null);
  const sql = connectPostgres(opts.databaseUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    const applied = await appliedMigration(sql);
    if (applied && applied.createdAt > manifest.migration.createdAt) {
      throw new BackupRefused(`the target database is at migration ${applied.tag}, newer than the backup's ${manifest.migration.tag}: restore into a new, empty database`);
    }
    const filled = await tablesWithRows(sql, (await readTables(sql)).map((t) => t.name));
    if (filled.length > 0) throw new BackupRefused(`the target database is not empty (rows in ${filled.join(', ')}): restore into a new, empty database`);

    const files = manifest.files.included && opts.filesRoot ? await copyFilesIn(opts.dir, manifest.files, opts.filesRoot) : 0;

    const folder = migrationsUpTo(manifest.migration.tag);
    try {
      await runMigrations(opts.databaseUrl, folder);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }

    const rows = await sql.begin((tx) => loadTables(tx, opts.dir, manifest));
    // Statistics for the planner, which a bulk load leaves empty until autovacuum comes round.
    await sql`analyze`;
    return { migration: manifest.migration.tag, tables: manifest.tables.length, rows, files };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Step 1: the backup is whole and this version of the portal can rebuild its schema. */
async function verifyBackup(dir: string, manifest: Manifest, withFiles: boolean): Promise<void> {
  const known = knownMigrations().find((m) => m.tag === manifest.migration.tag);
  if (!known || known.createdAt !== manifest.migration.createdAt) {
    throw new BackupRefused(`the backup stands at migration ${manifest.migration.tag}, which this version of the portal does not ship: restore with the version that made it, or a newer one`);
  }
  for (const table of manifest.tables) {
    let digest;
    try {
      digest = await digestFile(tableFile(dir, table.name));
    } catch {
      throw new BackupRefused(`table file of ${table.name} is missing from the backup`);
    }
    if (digest.sha256 !== table.sha256 || digest.bytes !== table.bytes || digest.lines !== table.rows) {
      throw new BackupRefused(`table file of ${table.name} does not match its SHA-256 in the manifest: the backup is damaged or was altered`);
    }
  }
  if (withFiles && manifest.files.included) await verifyBackupFiles(dir, manifest.files);
}

/** Step 5, inside one transaction: returns the number of rows loaded. */
async function loadTables(tx: postgres.TransactionSql, dir: string, manifest: Manifest): Promise<number> {
  await setCopySettings(tx);
  const target = await readTables(tx);
  const expected = new Map(manifest.tables.map((t) => [t.name, t]));
  // The same migration builds the same tables; anything else means the schema was changed by hand.
  for (const table of target) {
    const saved = expected.get(table.name);
    const same = saved && columnsKey(saved.columns) === columnsKey(table.columns);
    if (!same) throw new BackupRefused(`table ${table.name} differs between the backup and the database built to migration ${manifest.migration.tag}`);
  }
  if (target.length !== expected.size) {
    const missing = [...expected.keys()].filter((name) => !target.some((t) => t.name === name));
    throw new BackupRefused(`the database built to migration ${manifest.migration.tag} has no table ${missing.join(', ')}`);
  }
  const names = target.map((t) => t.name);
  // Nobody writes while the rows go in (a portal started too early, a second restore): checked again under the lock.
  await tx.unsafe(`lock table ${names.map(quoteIdent).join(', ')} in access exclusive mode`);
  const filled = await tablesWithRows(tx, names);
  if (filled.length > 0) throw new BackupRefused(`the target database is not empty (rows in ${filled.join(', ')}): restore into a new, empty database`);

  let total = 0;
  for (const name of await loadOrder(tx, names)) {
    const table = expected.get(name)!;
    // Rows a trigger made while earlier tables were loaded (public_search_entries from submissions):
    // the backup holds that table's rows as they were, so they replace the trigger's.
    if ((await tablesWithRows(tx, [name])).length > 0) await tx.unsafe(`delete from ${quoteIdent(name)}`);
    const { chunks, result } = digestingRead(tableFile(dir, name));
    try {
      await copyIn(tx, `copy ${quoteIdent(name)} (${table.columns.map((c) => quoteIdent(c.name)).join(', ')}) from stdin`, chunks);
    } catch (error) {
      throw new RestoreFailed(`loading table ${name} failed; nothing was restored`, { cause: error });
    }
    // Read again as it was loaded: a file changed after the check in step 1 is caught here.
    if (result().sha256 !== table.sha256) throw new BackupRefused(`table file of ${name} changed during the restore; nothing was restored`);
    const [{ rows }] = await tx.unsafe<Array<{ rows: number }>>(`select count(*)::int as rows from ${quoteIdent(name)}`);
    if (rows !== table.rows) throw new BackupRefused(`table ${name} holds ${rows} rows after loading, the manifest says ${table.rows}; nothing was restored`);
    total += rows;
  }
  await continueSequences(tx, manifest);
  return total;
}

/**
 * Each sequence continues after the largest id it ever gave (recorded in the backup) or the
 * largest restored, whichever is greater: a new outbox row must never take an id the restored
 * rows, or deleted ones that a queue may still name, have used.
 */
async function continueSequences(tx: postgres.TransactionSql, manifest: Manifest): Promise<void> {
  for (const serial of await readSerialColumns(tx)) {
    const saved = manifest.sequences.find((s) => s.table === serial.table && s.column === serial.column)?.lastValue ?? null;
    const [{ max }] = await tx.unsafe<Array<{ max: string }>>(`select coalesce(max(${quoteIdent(serial.column)}), 0)::text as max from ${quoteIdent(serial.table)}`);
    const next = [BigInt(max), BigInt(saved ?? 0)].reduce((a, b) => (a > b ? a : b));
    if (next > 0n) await tx`select setval(${serial.sequence}::regclass, ${next.toString()}::bigint, true)`;
  }
}

async function tablesWithRows(sql: postgres.Sql | postgres.TransactionSql, names: string[]): Promise<string[]> {
  const filled: string[] = [];
  for (const name of names) {
    const [{ any }] = await sql.unsafe<Array<{ any: boolean }>>(`select exists (select 1 from ${quoteIdent(name)}) as any`);
    if (any) filled.push(name);
  }
  return filled;
}

function columnsKey(columns: Array<{ name: string; type: string }>): string {
  return columns.map((c) => `${c.name} ${c.type}`).join(', ');
}
