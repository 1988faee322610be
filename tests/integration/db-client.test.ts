/**
 * The one database handle (db/client.ts): drizzle's statements reach PostgreSQL prepared, so each
 * costs one round trip from its second use on a connection, and every execution is still planned
 * for its own parameters (decision 027).
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDb } from '../../db/client';
import { forums } from '../../db/schema';

// One connection: every statement below runs on it, so what it has prepared is all there is.
const handle = createDb(inject('databaseUrl'), { max: 1 });
afterAll(() => handle.close());

/** Statements prepared on the connection running `tx`, whose text mentions `marker`. */
const preparedMentioning = async (tx: Pick<typeof handle.db, 'execute'>, marker: string) => {
  const rows = await tx.execute<{ statement: string }>(sql`select statement from pg_prepared_statements where statement like ${`%${marker}%`}`);
  return rows.map((r) => r.statement);
};

describe('the database handle', () => {
  it('prepares drizzle statements with parameters, once per connection, in transactions and savepoints too', async () => {
    await handle.db.transaction(async (tx) => {
      const lookUp = (slug: string) => tx.select({ id: forums.id }).from(forums).where(eq(forums.slug, slug));
      await lookUp('no-such-forum-a');
      await lookUp('no-such-forum-b');
      const statements = await preparedMentioning(tx, 'from "forums" where "forums"."slug" =');
      // Prepared once, used twice: the second use sent no Parse, only Bind and Execute.
      expect(statements).toHaveLength(1);
      await tx.transaction(async (savepoint) => {
        await savepoint.select({ id: forums.id }).from(forums).where(eq(forums.referencePrefix, 'NO-SUCH-PREFIX'));
        expect(await preparedMentioning(savepoint, 'where "forums"."reference_prefix" =')).toHaveLength(1);
      });
    });
    // Outside a transaction, on the pool's connection, the same.
    await handle.db.select({ id: forums.id }).from(forums).where(eq(forums.timeZone, 'Nowhere/Never'));
    await handle.db.select({ id: forums.id }).from(forums).where(eq(forums.timeZone, 'Nowhere/Never'));
    expect(await preparedMentioning(handle.db, 'where "forums"."time_zone" =')).toHaveLength(1);
  });

  it('plans every execution for its own parameters, never with a generic plan', async () => {
    const [{ mode }] = await handle.db.execute<{ mode: string }>(sql`select current_setting('plan_cache_mode') as mode`);
    expect(mode).toBe('force_custom_plan');
  });
});
