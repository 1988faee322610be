/**
 * The backup's table of contents (`manifest.json`), written last: a folder without it is an
 * unfinished backup and a restore refuses it. It names the migration the rows belong to and, for
 * every table file and stored file, its size and SHA-256, so a restore can tell a damaged or
 * altered backup from a good one before it changes anything.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { assertFileKey } from '../../attachments/file-store';
import { TABLE_NAME } from './catalog';

export const MANIFEST_FILE = 'manifest.json';
const FORMAT = 'gcm-review-inputs-backup';
const FORMAT_VERSION = 1;

const sha256 = z.string().regex(/^[a-f0-9]{64}$/);
const count = z.number().int().nonnegative();
const fileKey = z.string().refine((key) => {
  try {
    assertFileKey(key);
    return true;
  } catch {
    return false;
  }
}, 'not a file key');

const manifestSchema = z.strictObject({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  createdAt: z.iso.datetime(),
  /** The server the backup was taken from; COPY's text format loads into other versions too. */
  server: z.strictObject({ version: z.string(), encoding: z.literal('UTF8') }),
  migration: z.strictObject({ tag: z.string().regex(/^\d{4}_[a-z0-9_]+$/), createdAt: z.number().int() }),
  tables: z.array(
    z.strictObject({
      name: z.string().regex(TABLE_NAME),
      columns: z.array(z.strictObject({ name: z.string(), type: z.string() })),
      rows: count,
      bytes: count,
      sha256,
    }),
  ),
  /** Where each sequence stood, so new ids never repeat one handed out before, even for rows since deleted. */
  sequences: z.array(z.strictObject({ table: z.string().regex(TABLE_NAME), column: z.string(), lastValue: z.string().regex(/^-?\d+$/).nullable() })),
  files: z.strictObject({
    /** False when the files live in an S3-compatible store, which keeps its own copies (ADR 015). */
    included: z.boolean(),
    stored: z.array(z.strictObject({ key: fileKey, bytes: count, sha256 })),
    /**
     * Files a row of the snapshot names that were gone from the store when copied (deleted since,
     * or lost), or whose bytes no longer match the SHA-256 recorded when they were received.
     */
    problems: z.array(z.strictObject({ key: fileKey, table: z.string(), problem: z.enum(['missing', 'altered']) })),
  }),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestBody = Omit<Manifest, 'format' | 'formatVersion'>;

/** Where a table's rows are, in PostgreSQL's COPY text format (one line per row, UTF-8). */
export function tableFile(dir: string, table: string): string {
  if (!TABLE_NAME.test(table)) throw new Error(`"${table}" is not a table name`);
  return path.join(dir, 'tables', `${table}.copy`);
}

/** Where a stored file is: the same layout as the local store, so the folder can also be copied back by hand. */
export function storedFile(dir: string, key: string): string {
  return path.join(dir, 'files', assertFileKey(key));
}

export async function writeManifest(dir: string, body: ManifestBody): Promise<Manifest> {
  const manifest: Manifest = { format: FORMAT, formatVersion: FORMAT_VERSION, ...body };
  const file = path.join(dir, MANIFEST_FILE);
  // Written whole then renamed: a backup stopped half-way never looks complete.
  await writeFile(`${file}.partial`, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(`${file}.partial`, file);
  return manifest;
}

export async function readManifest(dir: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(path.join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    throw new BackupRefused(`${dir} has no ${MANIFEST_FILE}: not a backup, or one that did not finish`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupRefused(`${MANIFEST_FILE} is not valid JSON`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new BackupRefused(`${MANIFEST_FILE} is not a backup manifest this version reads (${problems})`);
  }
  return parsed.data;
}

/** A backup or a target the tool will not use, with the reason; the target's rows are left as they were. */
export class BackupRefused extends Error {
  override name = 'BackupRefused';
}
