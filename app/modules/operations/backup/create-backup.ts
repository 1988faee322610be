/**
 * Writes a backup folder: every table's rows as PostgreSQL COPY text, the files the rows name, and
 * a manifest. The tables are read inside one read-only REPEATABLE READ transaction, so they all
 * show the same instant (a submission never appears without its attachments, an outbox row never
 * without its submission) while the portal keeps running; no lock stops anyone writing.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { connectPostgres } from '../../../../db/connect';
import type { FileStore } from '../../attachments/file-store';
import { loadOrder, quoteIdent, readSerialColumns, readTables } from './catalog';
import { copyOut, setCopySettings } from './copy-streams';
import { digestingStream } from './digest';
import { BackupRefused, tableFile, writeManifest, type Manifest, type ManifestBody } from './manifest';
import { appliedMigration } from './migration-point';
import { copyFilesOut, fileReferences } from './stored-files';

export interface BackupOptions {
  databaseUrl: string;
  /** A new or empty folder; an earlier backup is never overwritten. */
  dir: string;
  /** The store to copy files from, or null when they live in an S3-compatible store with its own copies. */
  files: FileStore | null;
}

export async function createBackup(opts: BackupOptions): Promise<Manifest> {
  await prepareFolder(opts.dir);
  const sql = connectPostgres(opts.databaseUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    const snapshot = await sql.begin('isolation level repeatable read read only', async (tx) => {
      await setCopySettings(tx);
      const [server] = await tx<Array<{ version: string; encoding: string }>>`
        select current_setting('server_version') as version, current_setting('server_encoding') as encoding`;
      // Text in any other encoding could not promise Arabic (or any script) back byte for byte.
      if (server.encoding !== 'UTF8') throw new BackupRefused(`the database's encoding is ${server.encoding}; the portal needs UTF8`);
      const migration = await appliedMigration(tx);
      if (!migration) throw new BackupRefused('the database has no migrations applied: nothing to back up');
      const columns = new Map((await readTables(tx)).map((t) => [t.name, t.columns]));
      const tables: ManifestBody['tables'] = [];
      for (const name of await loadOrder(tx, [...columns.keys()])) {
        const cols = columns.get(name)!;
        const { stream, result } = digestingStream();
        const statement = `copy ${quoteIdent(name)} (${cols.map((c) => quoteIdent(c.name)).join(', ')}) to stdout`;
        await copyOut(tx, statement, stream, createWriteStream(tableFile(opts.dir, name), { flags: 'wx', mode: 0o600 }));
        const digest = result();
        tables.push({ name, columns: cols, rows: digest.lines, bytes: digest.bytes, sha256: digest.sha256 });
      }
      // Sequences are not transactional: read now, each is at least as far as any id the snapshot holds.
      const sequences: ManifestBody['sequences'] = [];
      for (const serial of await readSerialColumns(tx)) {
        const [row] = await tx<Array<{ last: string | null }>>`select pg_sequence_last_value(${serial.sequence}::regclass)::text as last`;
        sequences.push({ table: serial.table, column: serial.column, lastValue: row.last });
      }
      const refs = await fileReferences(tx, new Set(columns.keys()));
      return { server: { version: server.version, encoding: 'UTF8' as const }, migration, tables, sequences, refs };
    });
    // Files after the snapshot: keys are never reused, so a file named by a snapshot row is either
    // still the same bytes or gone (its row deleted since), never replaced by another file.
    const copied = opts.files ? await copyFilesOut(opts.files, snapshot.refs, opts.dir) : { stored: [], problems: [] };
    const body: ManifestBody = {
      createdAt: new Date().toISOString(),
      server: snapshot.server,
      migration: snapshot.migration,
      tables: snapshot.tables,
      sequences: snapshot.sequences,
      files: { included: opts.files !== null, ...copied },
    };
    return await writeManifest(opts.dir, body);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The folder must be new or empty: a backup never mixes with, or overwrites, an earlier one. */
async function prepareFolder(dir: string): Promise<void> {
  // Only the operator's account may read it: it holds the same personal data as the database.
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if ((await readdir(dir)).length > 0) throw new BackupRefused(`${dir} is not empty: each backup goes into a new folder`);
  await mkdir(path.join(dir, 'tables'), { mode: 0o700 });
}
