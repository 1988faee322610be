import type { Db } from '../db/client';
import type { RuntimeEnv } from '../app/modules/config/runtime-env';
import type { Mailer } from './mailer';

/** What every job handler gets; tests build the same object around real components. */
export interface WorkerDeps {
  db: Db;
  mailer: Mailer;
  env: Pick<RuntimeEnv, 'APP_URL'>;
}
