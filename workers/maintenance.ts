/**
 * Housekeeping the worker runs on a timer: small deletes that keep tables from growing without
 * bound. Each task is idempotent, so two workers running it at once do no harm.
 */
import type { Db } from '../db/client';
import { pruneRateLimits } from '../app/modules/abuse/rate-limit';
import { deleteExpiredHolds } from '../app/modules/attachments/held-attachments';
import type { FileStore } from '../app/modules/attachments/file-store';
import { expireDrafts } from '../app/modules/drafts/drafts';
import { expireUnconfirmed } from '../app/modules/submissions/email-confirmation';
import { loggableError } from '../app/modules/logging/loggable-error';
import { pruneStaffSessions } from '../app/modules/staff/staff-sessions';

const EVERY_MS = 60 * 60 * 1000;

export function startMaintenance(db: Db, files: FileStore, log: (msg: string) => void) {
  const run = async () => {
    try {
      const pruned = await pruneRateLimits(db);
      if (pruned > 0) log(`maintenance: pruned ${pruned} expired rate-limit counters`);
      const sessions = await pruneStaffSessions(db);
      if (sessions > 0) log(`maintenance: removed ${sessions} ended staff sessions`);
      const expired = await expireUnconfirmed(db);
      if (expired > 0) log(`maintenance: expired ${expired} inputs whose e-mail was never confirmed`);
      const draftsExpired = await expireDrafts(db);
      if (draftsExpired > 0) log(`maintenance: erased ${draftsExpired} expired drafts`);
      const filesDeleted = await deleteExpiredHolds(db, files);
      if (filesDeleted > 0) log(`maintenance: deleted ${filesDeleted} uploaded files never sent with an input`);
    } catch (error) {
      log(`maintenance failed: ${loggableError(error)}`);
    }
  };
  void run();
  const timer = setInterval(() => void run(), EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
