/**
 * COPY TO STDOUT and COPY FROM STDIN through postgres.js, with two faults of postgres.js 3.4.9
 * worked around, both of which otherwise hang a backup or a restore for ever:
 * - after COPY TO, the connection's socket can stay paused (the last rows filled the stream's
 *   buffer in the same network packet as CopyDone), so the next statement never gets its answer
 *   (porsager/postgres#1016);
 * - a COPY FROM the server refuses after the last row was sent (a foreign key or unique key is
 *   checked at the end) never settles the stream, and its error goes nowhere (porsager/postgres#1173).
 */
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type postgres from 'postgres';

/** Session settings for COPY's text form, the same on both sides, so values read back as they were written. */
export async function setCopySettings(tx: postgres.TransactionSql): Promise<void> {
  // Timestamps are written with their offset (+00), readable under any setting; dates as ISO.
  await tx`set local timezone = 'UTC'`;
  await tx`set local datestyle = 'ISO, YMD'`;
  await tx`set local intervalstyle = 'postgres'`;
}

/** Streams `statement` (a COPY … TO STDOUT) through `tap` into `sink`. */
export async function copyOut(tx: postgres.TransactionSql, statement: string, tap: NodeJS.ReadWriteStream, sink: Writable): Promise<void> {
  const rows = (await tx.unsafe(statement).readable()) as Readable;
  try {
    await pipeline(rows, tap, sink);
  } finally {
    // The stream's read hook resumes the connection's socket; once more after the end is harmless.
    rows._read(0);
  }
}

/** Streams `source` into `statement` (a COPY … FROM STDIN); rejects with the server's error if it refuses. */
export async function copyIn(tx: postgres.TransactionSql, statement: string, source: AsyncIterable<Buffer>): Promise<void> {
  const query = tx.unsafe(statement) as postgres.PendingQuery<postgres.Row[]> & { reject?: (error: unknown) => void };
  // The driver hands a late refusal only to the query's own promise, settled long before with the
  // stream: keep it on the way, so the error reported is the server's (a constraint's name, SQLSTATE).
  let refused: unknown;
  const settle = query.reject;
  if (typeof settle === 'function') {
    query.reject = (error) => {
      refused = error;
      settle(error);
    };
  }
  const sink = (await query.writable()) as Writable;
  const broken = new Promise<never>((_, reject) => sink.once('error', (error) => reject(refused ?? error)));
  broken.catch(() => {});
  for await (const chunk of source) {
    await Promise.race([new Promise<void>((resolve, reject) => sink.write(chunk, (error) => (error ? reject(error) : resolve()))), broken]);
  }
  sink.end();
  // Every write has gone out, so end() has sent CopyDone; a turn of the event loop lets it finish.
  await new Promise((resolve) => setImmediate(resolve));
  // The next statement on the connection is answered only after the COPY's own answer: it succeeds
  // when the COPY did, and fails (the transaction being aborted) when the server refused it.
  try {
    await tx`select 1`;
  } catch (error) {
    throw refused ?? error;
  }
  if (refused) throw refused;
}
