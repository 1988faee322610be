/**
 * The files the database names (attachments, books of inputs) copied out of the file store into a
 * backup, and back into a local store on restore. Only files a row of the snapshot names are
 * copied: a file stored after the snapshot belongs to a row the backup does not hold, and one no
 * row names is waste the store is about to delete.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type postgres from 'postgres';
import { assertFileKey, type FileStore } from '../../attachments/file-store';
import { digestFile, digestingStream } from './digest';
import { BackupRefused, storedFile, type Manifest } from './manifest';

export interface FileReference {
  key: string;
  table: string;
  /** The SHA-256 recorded when the file was received (attachments print it on the receipt). */
  sha256: string | null;
}

/**
 * Every file key the snapshot names. The columns that hold keys are listed here by hand
 * (db/schema/attachments.ts `storage_key`, db/schema/books.ts `file_key`): a new table that keeps
 * files in the store must be added, or its files are left out of backups.
 */
export async function fileReferences(tx: postgres.TransactionSql, tables: Set<string>): Promise<FileReference[]> {
  const refs: FileReference[] = [];
  if (tables.has('attachments')) {
    for (const row of await tx<Array<{ key: string; sha256: string }>>`select storage_key as key, sha256 from attachments order by storage_key`) {
      refs.push({ key: row.key, table: 'attachments', sha256: row.sha256 });
    }
  }
  if (tables.has('books')) {
    for (const row of await tx<Array<{ key: string }>>`select file_key as key from books where file_key is not null order by file_key`) {
      refs.push({ key: row.key, table: 'books', sha256: null });
    }
  }
  return refs;
}

export type CopiedFiles = Pick<Manifest['files'], 'stored' | 'problems'>;

/** Copies each named file from the store into `dir/files`, hashing it on the way. */
export async function copyFilesOut(store: FileStore, refs: FileReference[], dir: string): Promise<CopiedFiles> {
  const stored: CopiedFiles['stored'] = [];
  const problems: CopiedFiles['problems'] = [];
  const seen = new Set<string>();
  for (const ref of refs) {
    if (seen.has(ref.key)) continue;
    seen.add(ref.key);
    let source;
    try {
      source = await store.open(ref.key);
    } catch {
      // Deleted since the snapshot (a hold that ran out, a retired book) or lost: named, not fatal,
      // so one missing file never costs the whole backup.
      problems.push({ key: ref.key, table: ref.table, problem: 'missing' });
      continue;
    }
    const target = storedFile(dir, ref.key);
    await mkdir(path.dirname(target), { recursive: true });
    const { stream, result } = digestingStream();
    await pipeline(source, stream, createWriteStream(target, { flags: 'wx' }));
    const { sha256, bytes } = result();
    stored.push({ key: ref.key, bytes, sha256 });
    // The bytes are kept as they are, but a file that no longer matches what the submitter sent must be known.
    if (ref.sha256 && ref.sha256 !== sha256) problems.push({ key: ref.key, table: ref.table, problem: 'altered' });
  }
  return { stored, problems };
}

/** Checks every file of the backup against the manifest before anything is restored. */
export async function verifyBackupFiles(dir: string, files: Manifest['files']): Promise<void> {
  for (const file of files.stored) {
    let digest;
    try {
      digest = await digestFile(storedFile(dir, file.key));
    } catch {
      throw new BackupRefused(`stored file ${file.key} is listed in the manifest but missing from the backup`);
    }
    if (digest.sha256 !== file.sha256 || digest.bytes !== file.bytes) {
      throw new BackupRefused(`stored file ${file.key} does not match its SHA-256 in the manifest: the backup is damaged or was altered`);
    }
  }
}

/**
 * Copies the backup's files into a local store under their own keys (the rows name them), each
 * checked again as it is written and put in place by rename, so a file is never half there.
 */
export async function copyFilesIn(dir: string, files: Manifest['files'], root: string): Promise<number> {
  let copied = 0;
  for (const file of files.stored) {
    const target = path.join(root, assertFileKey(file.key));
    if (await exists(target)) {
      // Restoring twice is fine; a different file under a key the rows name is not.
      const present = await digestFile(target);
      if (present.sha256 === file.sha256) continue;
      throw new BackupRefused(`the target file store already holds a different file under ${file.key}; restore into an empty store`);
    }
    await mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.restoring-${randomBytes(4).toString('hex')}`;
    const { stream, result } = digestingStream();
    try {
      await pipeline(createReadStream(storedFile(dir, file.key)), stream, createWriteStream(partial, { flags: 'wx' }));
      if (result().sha256 !== file.sha256) throw new BackupRefused(`stored file ${file.key} changed while it was restored`);
      await rename(partial, target);
    } finally {
      await rm(partial, { force: true });
    }
    copied++;
  }
  return copied;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
