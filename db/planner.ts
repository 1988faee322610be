import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client';

/**
 * Runs one search statement with table scans priced out (in its own transaction, so the setting
 * ends with it). A common word matches a quarter of the inputs, and PostgreSQL then prefers
 * reading the table; it does not count the cost of unpacking every stored search document on the
 * way, which makes that plan several times slower than the search index
 * (bench/moderation-queue.ts, bench/public-listing.ts). Counts of filtered listings use it too:
 * two filters it wrongly takes for common would otherwise have it read every input.
 */
export function withoutTableScans<T>(db: Db, query: (on: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    return query(tx);
  });
}
