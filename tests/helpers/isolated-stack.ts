import { randomBytes } from 'node:crypto';
import { connectPostgres } from '../../db/connect';
import { inject } from 'vitest';
import { runMigrations } from '../../db/migrate';

/**
 * A database of its own (same real server) and a Redis logical database of its own, for test files
 * that run worker or web processes: those pick up every due outbox row, so they must not share
 * rows (or BullMQ job ids) with files that drive jobs by hand.
 */
export async function isolatedStack(redisDbIndex: number): Promise<{ databaseUrl: string; redisUrl: string }> {
  const name = `portal_${randomBytes(5).toString('hex')}`;
  const admin = connectPostgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  return { databaseUrl: url.toString(), redisUrl: `${inject('redisUrl')}/${redisDbIndex}` };
}
