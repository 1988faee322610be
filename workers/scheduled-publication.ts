/**
 * Publishes accepted inputs whose scheduled time has come (publish.ts). A short timer rather than
 * the hourly maintenance: a forum's inputs are meant to appear together when its call closes, not
 * up to an hour later. Running it in two workers at once is safe (rows are taken with SKIP LOCKED).
 */
import type { Db } from '../db/client';
import { publishDue } from '../app/modules/publication/publish';
import { loggableError } from '../app/modules/logging/loggable-error';

export const PUBLICATION_CHECK_MS = 10_000;

export function startScheduledPublication(db: Db, log: (msg: string) => void) {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const published = await publishDue(db);
      if (published > 0) log(`publication: published ${published} input(s) at their scheduled time`);
    } catch (error) {
      log(`publication check failed: ${loggableError(error).split('\n')[0]}`);
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), PUBLICATION_CHECK_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
