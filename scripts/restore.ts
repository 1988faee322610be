/**
 * Restores a backup folder into an empty database and the local file store (README "Backups",
 * ADR 015):
 *   DATABASE_URL=postgres://…/portal_restored npm run restore -- /var/backups/portal/2026-11-24
 * It refuses a database that holds rows and a backup that does not match its manifest; the portal,
 * started afterwards, applies any newer migrations as on any upgrade.
 */
import path from 'node:path';
import { loggableError } from '../app/modules/logging/loggable-error';
import { backupSettings } from '../app/modules/operations/backup/cli-settings';
import { BackupRefused } from '../app/modules/operations/backup/manifest';
import { RestoreFailed, restoreBackup } from '../app/modules/operations/backup/restore-backup';

const [source, ...extra] = process.argv.slice(2);
if (!source || extra.length > 0) {
  console.error('Usage: DATABASE_URL=… npm run restore -- <backup folder>');
  process.exit(2);
}
// npm runs scripts from the project folder; a relative path means the caller's folder.
const dir = path.resolve(process.env.INIT_CWD ?? process.cwd(), source);
try {
  const settings = backupSettings();
  const result = await restoreBackup({ databaseUrl: settings.databaseUrl, dir, filesRoot: settings.filesRoot });
  console.log(`restored ${result.rows} rows in ${result.tables} tables and ${result.files} files, at migration ${result.migration}`);
  if (!settings.filesRoot) console.log('files: not restored (FILE_STORE=s3); the bucket keeps them (ADR 015)');
} catch (error) {
  if (error instanceof BackupRefused) console.error(`restore refused: ${error.message}`);
  // A database error's message can quote a row: only its kind and SQLSTATE are printed.
  else if (error instanceof RestoreFailed) console.error(`restore failed: ${error.message}: ${loggableError(error.cause)}`);
  else console.error(`restore failed: ${loggableError(error)}`);
  process.exitCode = 1;
}
