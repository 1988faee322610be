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
    // Statements are prepared (below) only to save round trips, never to reuse a plan: every
    // execution is planned for its own parameters, as an unnamed statement would be. A generic
    // plan guesses how common a searched word or a filter value is, which is what the listing's
    // plans depend on (decision 020).
    connection: { plan_cache_mode: 'force_custom_plan' },
  });
  const db = drizzle(preparingEveryStatement(sql), { schema, casing: 'snake_case' });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}

/**
 * drizzle sends every statement it was not given a name for unprepared, and postgres.js sends an
 * unprepared statement with parameters in two round trips (it describes the statement, waits for
 * the parameters' types, then binds them). Prepared, a statement costs one round trip from its
 * second use on each connection. A submission's statements took twice the waiting and twice the
 * socket writes before (docs/decisions/027-fewer-round-trips-per-submission.md).
 */
function preparingEveryStatement(client: postgres.Sql): postgres.Sql {
  type Callback = (tx: postgres.Sql) => unknown;
  const wrapped = (tx: postgres.Sql) => preparingEveryStatement(tx);
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        // drizzle passes `prepare: false` for every statement it was not given a name for: that is
        // what is overridden here. (postgres.js also takes options in the second place.)
        return (query: string, parameters: unknown[] | postgres.UnsafeQueryOptions = [], options: postgres.UnsafeQueryOptions = {}) => {
          const [values, settings] = Array.isArray(parameters) ? [parameters, options] : [[], parameters];
          return target.unsafe(query, values as postgres.ParameterOrJSON<never>[], { ...settings, prepare: true });
        };
      }
      // Transactions and savepoints hand their callback a client of their own: it prepares too.
      if (property === 'begin' || property === 'savepoint') {
        const original = Reflect.get(target, property, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          const callback = args.pop() as Callback;
          return original.call(target, ...args, (tx: postgres.Sql) => callback(wrapped(tx)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
