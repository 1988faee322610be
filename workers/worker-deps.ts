import type { Db } from '../db/client';
import type { FileStore } from '../app/modules/attachments/file-store';
import type { RuntimeEnv } from '../app/modules/config/runtime-env';
import type { Mailer } from './mailer';

/** What every job handler gets; tests build the same object around real components. */
export interface WorkerDeps {
  db: Db;
  mailer: Mailer;
  /** Where attachments and books of inputs are kept (the web process reads the same store). */
  files: FileStore;
  env: Pick<RuntimeEnv, 'APP_URL'> & Partial<Pick<RuntimeEnv, 'OUTBOX_CLAIM_MS'>>;
}
