import path from 'node:path';
import { inject } from 'vitest';
import { localFileStore, type FileStore } from '../../app/modules/attachments/file-store';
import { createDb, type DbHandle } from '../../db/client';
import { createMailer } from '../../workers/mailer';
import type { WorkerDeps } from '../../workers/worker-deps';
import { readAllCapturedMail } from '../../app/modules/mailbox/captured-mail';

export function testDb(): DbHandle {
  return createDb(inject('databaseUrl'), { max: 4 });
}

/** The file store the test portal uses (on disk under the test run's data folder). */
export function testFileStore(): FileStore {
  return localFileStore(path.join(inject('dataDir'), 'files'));
}

/** Real job dependencies: the test database, the real SMTP capture server, the test file store. */
export function workerDeps(db: DbHandle['db']): WorkerDeps {
  return { db, mailer: createMailer(inject('smtpUrl'), 'Portal <no-reply@localhost>'), files: testFileStore(), env: { APP_URL: 'http://localhost:3000' } };
}

/** Every message the capture SMTP server received for one address. */
export async function mailTo(address: string) {
  const all = await readAllCapturedMail(inject('mailCaptureDir'));
  return all.filter((m) => [m.to].flat().some((a) => a?.value.some((v) => v.address === address)));
}

/** Polls until `check` returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The PostgreSQL error message behind a failed query (drizzle wraps it as the cause), or '' if it succeeded. */
export async function databaseError(query: PromiseLike<unknown>): Promise<string> {
  try {
    await query;
    return '';
  } catch (error) {
    const e = error as Error & { cause?: Error };
    return e.cause?.message ?? e.message;
  }
}
