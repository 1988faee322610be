/**
 * Backup and restore against the real PostgreSQL of the test run: a database of its own is filled
 * through the portal's modules (forums, inputs in Arabic and other scripts with attached files, a
 * draft holding a file, a published input with its search entry, decisions, audit events, a
 * receipt, a book of inputs), backed up, and restored into a second, new database and file store.
 * Every row of every table comes back equal, every file with the same SHA-256, sequences continue
 * after the ids handed out; a damaged or altered backup and a database that is not empty are refused,
 * leaving the target as it was; and the two npm scripts do the same from the command line.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { and, eq, max, sql as dsql } from 'drizzle-orm';
import type postgres from 'postgres';
import { connectPostgres } from '../../db/connect';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { holdForDraft, holdUploadedFiles } from '../../app/modules/attachments/held-attachments';
import { localFileStore, type FileStore } from '../../app/modules/attachments/file-store';
import type { ReceivedFile } from '../../app/modules/attachments/receive-upload';
import { saveDraft } from '../../app/modules/drafts/drafts';
import { decide } from '../../app/modules/moderation/decide';
import { copyOut } from '../../app/modules/operations/backup/copy-streams';
import { createBackup } from '../../app/modules/operations/backup/create-backup';
import { BackupRefused, readManifest, tableFile, type Manifest } from '../../app/modules/operations/backup/manifest';
import { knownMigrations } from '../../app/modules/operations/backup/migration-point';
import { RestoreFailed, restoreBackup } from '../../app/modules/operations/backup/restore-backup';
import { upsertStaffUser } from '../../app/modules/staff/staff-accounts';
import { createSubmission } from '../../app/modules/submissions/create-submission';
import { confirmEmail } from '../../app/modules/submissions/email-confirmation';
import type { SubmissionInput } from '../../app/modules/submissions/submission-input';
import { createDb, type DbHandle } from '../../db/client';
import { runMigrations } from '../../db/migrate';
import { attachments, auditEvents, books, outbox, receipts, submissions, type Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { submissionInput } from '../factories/submissions';
import { arabicFixture, TRICKY_TEXTS } from '../helpers/fixtures';
import { databaseError } from '../helpers/services';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

let admin: postgres.Sql;
const databases: string[] = [];
let work: string;
let sourceUrl: string;
let source: DbHandle;
let sourceStore: FileStore;
let backupDir: string;
let manifest: Manifest;
/** The id the outbox sequence had reached, past every row still in the table. */
let outboxSequenceAt: number;
const arabicBody = arabicFixture('ar-gcm-national-implementation-plans');
const arabicAttachment = arabicFixture('ar-arab-region-imrf-briefing');

/** A new, empty database on the test run's server (no schema unless `migrated`). */
async function newDatabase(migrated: boolean): Promise<string> {
  const name = `backup_${randomBytes(5).toString('hex')}`;
  await admin.unsafe(`create database ${name}`);
  databases.push(name);
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${name}`;
  if (migrated) await runMigrations(url.toString());
  return url.toString();
}

function upload(name: string, content: string | Buffer): ReceivedFile {
  const p = path.join(work, randomUUID());
  writeFileSync(p, content);
  return { field: 'attachments', path: p, originalName: name, sizeBytes: Buffer.byteLength(content), truncated: false };
}

/** An input sent with files and confirmed, as the form and the status link do it. */
async function sendWithFiles(db: DbHandle['db'], forum: Forum, overrides: Partial<SubmissionInput>, files: ReceivedFile[]) {
  const { held } = await holdUploadedFiles(db, sourceStore, forum, files, 0);
  expect(held).toHaveLength(files.length);
  const result = await createSubmission(db, forum, submissionInput(overrides), {
    idempotencyKey: randomUUID(),
    interfaceLocale: overrides.language ?? 'en',
    attachmentTokens: held.map((h) => h.token),
  });
  if (!result.ok) throw new Error(`submission refused: ${result.reason}`);
  const [mail] = await db.select().from(outbox).where(and(eq(outbox.submissionId, result.id), eq(outbox.kind, 'confirm-email')));
  await confirmEmail(db, result.id, String(mail.payload.statusToken));
  return result;
}

/** Every row of every table, as PostgreSQL prints it (all columns, generated ones too), sorted. */
async function everyRow(url: string): Promise<Record<string, string[]>> {
  const sql = connectPostgres(url, { max: 1, onnotice: () => {} });
  try {
    const tables = await sql<Array<{ name: string }>>`select tablename as name from pg_tables where schemaname = 'public' order by tablename`;
    const all: Record<string, string[]> = {};
    for (const { name } of tables) {
      const rows = await sql.unsafe<Array<{ row: string }>>(`select t::text as row from "${name}" t order by 1`);
      all[name] = rows.map((r) => r.row);
    }
    return all;
  } finally {
    await sql.end();
  }
}

async function publicTables(url: string): Promise<number> {
  const sql = connectPostgres(url, { max: 1, onnotice: () => {} });
  try {
    const [{ n }] = await sql<Array<{ n: number }>>`select count(*)::int as n from pg_tables where schemaname in ('public', 'drizzle')`;
    return n;
  } finally {
    await sql.end();
  }
}

async function rowsIn(url: string): Promise<number> {
  return Object.values(await everyRow(url)).reduce((sum, rows) => sum + rows.length, 0);
}

function sha256Of(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

beforeAll(async () => {
  admin = connectPostgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
  work = mkdtempSync(path.join(inject('dataDir'), 'backup-'));
  sourceUrl = await newDatabase(true);
  source = createDb(sourceUrl, { max: 4 });
  sourceStore = localFileStore(path.join(work, 'source-files'));
  const { db } = source;

  const staff = await upsertStaffUser(db, { email: 'backup-admin@un.example', displayName: 'أمينة الحداد', role: 'admin', password: 'correct horse battery staple' });
  const forum = await createForum(db, 'open', { attachmentRules: { allowedTypes: ['txt'], maxSizeMb: 1, maxCount: 3 } });
  const arabic = await sendWithFiles(
    db,
    forum,
    { language: 'ar', contactName: 'أمينة الحداد', organisation: 'شبكة حقوق المهاجرين', title: TRICKY_TEXTS.vowelled, summary: TRICKY_TEXTS.mixed, body: arabicBody },
    [upload('إحاطة.txt', arabicAttachment), upload('notes.txt', `${TRICKY_TEXTS.zwnjRlm}\n${TRICKY_TEXTS.emoji}\n`)],
  );
  await sendWithFiles(db, forum, { language: 'zh', title: TRICKY_TEXTS.cjk, body: `${TRICKY_TEXTS.cjk}\n\t"quoted" \\ back\\slash` }, [upload('说明.txt', TRICKY_TEXTS.cjk)]);
  const russian = await sendWithFiles(db, forum, { language: 'ru', title: TRICKY_TEXTS.cyrillic }, []);
  // Accepted inputs are published at once: the search entry comes from a trigger, restored as it was.
  expect(await decide(db, { submissionId: arabic.id, expectedVersion: 1, staffId: staff.id, request: { decision: 'accepted' } })).toEqual({ ok: true });
  expect(await decide(db, { submissionId: russian.id, expectedVersion: 1, staffId: staff.id, request: { decision: 'duplicate', duplicateOf: arabic.id } })).toEqual({ ok: true });
  // Never confirmed: no decision possible, still backed up.
  await createSubmission(db, forum, submissionInput({ title: 'Unconfirmed' }), { idempotencyKey: randomUUID(), interfaceLocale: 'en' });

  // A draft holding a file that is not sent yet.
  const { held } = await holdUploadedFiles(db, sourceStore, forum, [upload('مسودة.txt', 'مسودة لم ترسل')], 0);
  const draft = await saveDraft(db, forum, { values: { email: 'draft@example.org', title: 'مسودة' }, idempotencyKey: randomUUID(), interfaceLocale: 'ar' });
  if (!draft.ok) throw new Error('draft not saved');
  await holdForDraft(db, forum.id, draft.draftId, held.map((h) => h.token), draft.expiresAt);

  // A receipt (bytea with every byte value) and a finished book of inputs kept in the file store.
  await db.insert(receipts).values({ submissionId: arabic.id, contentSha256: 'a'.repeat(64), pdf: Buffer.from(Array.from({ length: 1024 }, (_, i) => i % 256)) });
  const bookFile = upload('book.pdf', randomBytes(50_000));
  const bookKey = await sourceStore.put(bookFile.path);
  await db.insert(books).values({ forumId: forum.id, requestedBy: staff.id, grouping: 'objective', locale: 'ar', done: 1, total: 1, finishedAt: new Date(), fileKey: bookKey, sizeBytes: 50_000 });
  await db.insert(auditEvents).values({ actorKind: 'staff', actorStaffId: staff.id, forumId: forum.id, action: 'forum.updated', details: { note: 'تعديل الموعد', quote: 'tab\there, newline\nthere' } });

  // An outbox row handed out and deleted: the sequence is past every id still in the table.
  const [gone] = await db.insert(outbox).values({ kind: 'confirm-email', payload: {} }).returning();
  await db.delete(outbox).where(eq(outbox.id, gone.id));
  outboxSequenceAt = gone.id;

  backupDir = path.join(work, 'backup');
  manifest = await createBackup({ databaseUrl: sourceUrl, dir: backupDir, files: sourceStore });
});

afterAll(async () => {
  await source?.close();
  for (const name of databases) await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin?.end();
});

describe('backup', () => {
  it('writes every table, the migration it stands at, and every file the rows name', async () => {
    expect(await readManifest(backupDir)).toEqual(manifest);
    expect(manifest.migration).toEqual(knownMigrations().at(-1));
    const rows = await everyRow(sourceUrl);
    expect(Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]))).toEqual(Object.fromEntries(Object.entries(rows).map(([name, r]) => [name, r.length])));
    expect(manifest.tables.map((t) => t.name).indexOf('forums')).toBeLessThan(manifest.tables.map((t) => t.name).indexOf('submissions'));
    // Four attachments (one held by the draft) and the book.
    expect(manifest.files).toMatchObject({ included: true, problems: [] });
    expect(manifest.files.stored).toHaveLength(5);
    expect(manifest.sequences.find((s) => s.table === 'outbox')?.lastValue).toBe(String(outboxSequenceAt));
  });

  it('never writes into a folder that holds anything', async () => {
    await expect(createBackup({ databaseUrl: sourceUrl, dir: backupDir, files: sourceStore })).rejects.toThrow(/not empty/);
  });
});

describe('restore into a new database', () => {
  let targetUrl: string;
  let targetFiles: string;
  let target: DbHandle;

  beforeAll(async () => {
    // Not even migrated: restore builds the schema itself.
    targetUrl = await newDatabase(false);
    targetFiles = path.join(work, 'target-files');
  });
  afterAll(() => target?.close());

  it('refuses a backup with one byte changed in a table file, before touching the database or the store', async () => {
    const tampered = path.join(work, 'tampered-byte');
    cpSync(backupDir, tampered, { recursive: true });
    const file = tableFile(tampered, 'submissions');
    const bytes = readFileSync(file);
    const at = bytes.indexOf('\t', bytes.length / 2) + 1;
    bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
    writeFileSync(file, bytes);

    const refused = await restoreBackup({ databaseUrl: targetUrl, dir: tampered, filesRoot: targetFiles }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BackupRefused);
    expect((refused as Error).message).toBe('table file of submissions does not match its SHA-256 in the manifest: the backup is damaged or was altered');
    expect(await publicTables(targetUrl)).toBe(0);
    expect(existsSync(targetFiles)).toBe(false);
  });

  it('rolls back a backup whose manifest was rewritten to match an altered table: no row stays', async () => {
    // A forum removed and the manifest made to agree: only the database, loading the inputs, can tell.
    const altered = path.join(work, 'tampered-manifest');
    cpSync(backupDir, altered, { recursive: true });
    const file = tableFile(altered, 'forums');
    const [, ...rest] = readFileSync(file, 'utf8').split(/(?<=\n)/);
    writeFileSync(file, rest.join(''));
    const edited = JSON.parse(readFileSync(path.join(altered, 'manifest.json'), 'utf8')) as Manifest;
    const forums = edited.tables.find((t) => t.name === 'forums')!;
    Object.assign(forums, { rows: forums.rows - 1, bytes: readFileSync(file).length, sha256: sha256Of(file) });
    writeFileSync(path.join(altered, 'manifest.json'), JSON.stringify(edited));

    const failed = await restoreBackup({ databaseUrl: targetUrl, dir: altered, filesRoot: path.join(work, 'altered-files') }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(RestoreFailed);
    expect((failed as Error).message).toMatch(/^loading table \w+ failed; nothing was restored$/);
    expect((failed as Error & { cause: { code: string } }).cause.code).toBe('23503'); // foreign key violation
    // The schema was built, and the transaction that loaded forums and the rest was rolled back.
    expect(await publicTables(targetUrl)).toBeGreaterThan(0);
    expect(await rowsIn(targetUrl)).toBe(0);
  });

  it('restores every row of every table and every file, byte for byte', async () => {
    const result = await restoreBackup({ databaseUrl: targetUrl, dir: backupDir, filesRoot: targetFiles });
    expect(result).toMatchObject({ migration: manifest.migration.tag, tables: manifest.tables.length, files: 5 });
    target = createDb(targetUrl, { max: 2 });

    // All tables, all columns (generated ones computed again), as PostgreSQL prints them.
    expect(await everyRow(targetUrl)).toEqual(await everyRow(sourceUrl));
    // The inputs field by field as the portal reads them, Arabic byte for byte.
    const before = await source.db.select().from(submissions).orderBy(submissions.reference);
    const after = await target.db.select().from(submissions).orderBy(submissions.reference);
    expect(after).toHaveLength(4);
    expect(after).toEqual(before);
    const restoredArabic = after.find((s) => s.language === 'ar')!;
    expect(Buffer.from(restoredArabic.body, 'utf8').equals(Buffer.from(arabicBody, 'utf8'))).toBe(true);
    expect(restoredArabic.title).toBe(TRICKY_TEXTS.vowelled);
    expect(restoredArabic.publishedAt).toBeInstanceOf(Date);

    // Every file the rows name is in the new store with the SHA-256 recorded when it was received.
    const files = await target.db.select().from(attachments);
    expect(files).toHaveLength(4);
    for (const file of files) expect(sha256Of(path.join(targetFiles, file.storageKey))).toBe(file.sha256);
    const [book] = await target.db.select().from(books);
    expect(sha256Of(path.join(targetFiles, book.fileKey!))).toBe(sha256Of(path.join(work, 'source-files', book.fileKey!)));
    const [receipt] = await target.db.select().from(receipts);
    expect(receipt.pdf.equals(Buffer.from(Array.from({ length: 1024 }, (_, i) => i % 256)))).toBe(true);
  });

  it('continues every sequence after the ids the backup had handed out', async () => {
    const [{ restoredMax }] = await target.db.select({ restoredMax: max(outbox.id) }).from(outbox);
    expect(restoredMax).toBeLessThan(outboxSequenceAt);
    const [fresh] = await target.db.insert(outbox).values({ kind: 'confirm-email', payload: {} }).returning();
    expect(fresh.id).toBeGreaterThan(outboxSequenceAt);
    const [{ lastAudit }] = await target.db.select({ lastAudit: max(auditEvents.id) }).from(auditEvents);
    const [event] = await target.db.insert(auditEvents).values({ actorKind: 'system', action: 'backup.restored' }).returning();
    expect(event.id).toBeGreaterThan(lastAudit!);
  });

  it('keeps the audit log append-only', async () => {
    expect(await databaseError(target.db.update(auditEvents).set({ action: 'rewritten' }).where(dsql`true`))).toMatch(/audit_events is append-only/);
    expect(await databaseError(target.db.delete(auditEvents))).toMatch(/audit_events is append-only/);
  });

  it('refuses a database that already holds rows', async () => {
    const refused = await restoreBackup({ databaseUrl: targetUrl, dir: backupDir, filesRoot: targetFiles }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BackupRefused);
    expect((refused as Error).message).toMatch(/^the target database is not empty \(rows in .*\bsubmissions\b.*\): restore into a new, empty database$/);
    // A portal already started on a new database is refused too (its migrations ran, the demo or first rows exist).
    const started = await newDatabase(true);
    const portal = createDb(started, { max: 1 });
    await createForum(portal.db);
    await portal.close();
    await expect(restoreBackup({ databaseUrl: started, dir: backupDir, filesRoot: null })).rejects.toThrow(/not empty \(rows in forums\)/);
  });
});

describe('npm run backup and npm run restore', () => {
  it('back up and restore from the command line, with relative folders and the same environment as the portal', async () => {
    const dataDir = path.join(work, 'cli-data');
    cpSync(path.join(work, 'source-files'), path.join(dataDir, 'files'), { recursive: true });
    // Run from the folder holding the backups, as an operator would: the folder given is relative to it.
    const npm = (script: string, env: Record<string, string>) =>
      run('npm', ['--prefix', root, 'run', '--silent', script, '--', 'cli-backup'], { cwd: work, env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', ...env } });
    const backup = await npm('backup', { DATA_DIR: dataDir, DATABASE_URL: sourceUrl });
    expect(backup.stdout).toMatch(new RegExp(`^backup written to ${path.join(work, 'cli-backup')}: ${manifest.tables.length} tables, \\d+ rows, 5 files, at migration ${manifest.migration.tag}\\n$`));
    // Nothing changed in between: the same snapshot, table by table.
    const cli = await readManifest(path.join(work, 'cli-backup'));
    expect(cli.tables).toEqual(manifest.tables);

    const targetUrl = await newDatabase(false);
    const restoreDir = path.join(work, 'cli-restored');
    const restored = await npm('restore', { DATA_DIR: restoreDir, DATABASE_URL: targetUrl });
    expect(restored.stdout).toMatch(new RegExp(`^restored \\d+ rows in ${manifest.tables.length} tables and 5 files, at migration ${manifest.migration.tag}\\n$`));
    expect(await everyRow(targetUrl)).toEqual(await everyRow(sourceUrl));

    const again = await npm('restore', { DATA_DIR: restoreDir, DATABASE_URL: targetUrl }).catch((e: { code: number; stderr: string }) => e);
    expect(again).toMatchObject({ code: 1 });
    expect((again as { stderr: string }).stderr).toMatch(/^restore refused: the target database is not empty/);
  });
});

describe('COPY through postgres.js', () => {
  it('leaves the connection usable after a table is read more slowly than the database sends it', async () => {
    const sql = connectPostgres(sourceUrl, { max: 1, onnotice: () => {} });
    try {
      await sql.begin(async (tx) => {
        await tx`create temp table copy_rows on commit drop as select g as id, repeat('x', g % 300) as v from generate_series(1, 20000) g`;
        for (const upTo of [5000, 10000, 15000, 20000]) {
          // A sink slower than the network, as a disk can be: the rows back up and pause the socket.
          const slow = new Writable({ write: (_chunk, _encoding, done) => setImmediate(done) });
          await copyOut(tx, `copy (select * from copy_rows where id <= ${upTo}) to stdout`, new PassThrough(), slow);
          // Left paused after the last rows (porsager/postgres#1016), the connection would never answer this.
          expect(await tx`select 1 as one`).toEqual([{ one: 1 }]);
        }
      });
    } finally {
      await sql.end();
    }
  }, 30_000);
});
