/**
 * The one way to reach PostgreSQL: a postgres.js pool wrapped by drizzle. Web and worker processes
 * each create their own with `createDb` at start.
 */
import { drizzle } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';
import { connectPostgres } from './connect';
import * as schema from './schema';

export type Db = ReturnType<typeof drizzle<typeof schema>>;
/** A transaction handle; modules accept `Db | Tx` where they can run inside a caller's transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface DbHandle {
  db: Db;
  sql: postgres.Sql;
  close(): Promise<void>;
}

export function createDb(url: string, opts: { max?: number } = {}): DbHandle {
  const sql = connectPostgres(url, {
    max: opts.max ?? 10,
    onnotice: () => {},
    // Fail fast when the server is gone, so callers answer instead of hanging.
    connect_timeout: 10,
    idle_timeout: 60,
  });
  const db = drizzle(sql, { schema, casing: 'snake_case' });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}
