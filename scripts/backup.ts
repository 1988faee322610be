/**
 * Backs up the database and the stored files into a new folder (README "Backups", ADR 015):
 *   npm run backup -- /var/backups/portal/2026-11-24
 * Exits with 1 when it could not write a backup, or wrote one with files missing or altered in the
 * store (named on standard error), so a scheduler notices either.
 */
import path from 'node:path';
import { localFileStore } from '../app/modules/attachments/file-store';
import { loggableError } from '../app/modules/logging/loggable-error';
import { backupSettings } from '../app/modules/operations/backup/cli-settings';
import { createBackup } from '../app/modules/operations/backup/create-backup';
import { BackupRefused } from '../app/modules/operations/backup/manifest';

const [target, ...extra] = process.argv.slice(2);
if (!target || extra.length > 0) {
  console.error('Usage: npm run backup -- <new folder>');
  process.exit(2);
}
// npm runs scripts from the project folder; a relative path means the caller's folder.
const dir = path.resolve(process.env.INIT_CWD ?? process.cwd(), target);
try {
  const settings = backupSettings();
  const manifest = await createBackup({ databaseUrl: settings.databaseUrl, dir, files: settings.filesRoot ? localFileStore(settings.filesRoot) : null });
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(`backup written to ${dir}: ${manifest.tables.length} tables, ${rows} rows, ${manifest.files.stored.length} files, at migration ${manifest.migration.tag}`);
  if (!manifest.files.included) console.log('files: not included (FILE_STORE=s3); the bucket keeps them with versioning and replication (ADR 015)');
  for (const p of manifest.files.problems) console.error(`file ${p.key} (${p.table}): ${p.problem === 'missing' ? 'missing from the store' : 'differs from the SHA-256 recorded when it was received'}`);
  if (manifest.files.problems.length > 0) process.exitCode = 1;
} catch (error) {
  // A database error's message can quote a row: only its kind and SQLSTATE are printed.
  console.error(`backup failed: ${error instanceof BackupRefused ? error.message : loggableError(error)}`);
  process.exitCode = 1;
}
