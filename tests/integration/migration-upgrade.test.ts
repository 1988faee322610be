/**
 * Upgrading a database that holds data: every migration must apply on top of rows the earlier
 * schema allowed, not only on an empty database. A fresh database is migrated to an older point,
 * given such rows, then brought to the latest schema.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import type postgres from 'postgres';
import { connectPostgres } from '../../db/connect';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runMigrations } from '../../db/migrate';

const MIGRATIONS = path.resolve('db/migrations');
let admin: postgres.Sql;
let dbName: string;
let dbUrl: string;

/** The migrations folder as it was when `lastTag` was the newest migration. */
function migrationsUpTo(lastTag: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
  const upTo = journal.entries.findIndex((e) => e.tag === lastTag);
  if (upTo < 0) throw new Error(`no migration ${lastTag}`);
  const entries = journal.entries.slice(0, upTo + 1);
  for (const e of entries) cpSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  cpSync(path.join(MIGRATIONS, 'meta'), path.join(dir, 'meta'), { recursive: true });
  writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  return dir;
}

beforeAll(async () => {
  admin = connectPostgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
  dbName = `upgrade_${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await admin.unsafe(`create database ${dbName}`);
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${dbName}`;
  dbUrl = url.toString();
});
afterAll(async () => {
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.end();
});

describe('migrations on a database with data', () => {
  it('upgrades from 0007 with a rejection recorded without a reason, and unsalted digests of erased and expired inputs', async () => {
    const tag = readdirSync(MIGRATIONS).find((f) => f.startsWith('0007_'))!.replace(/\.sql$/, '');
    const older = migrationsUpTo(tag);
    const sql = connectPostgres(dbUrl, { max: 1, onnotice: () => {} });
    try {
      await migrate(drizzle(sql), { migrationsFolder: older });
      const [forum] = await sql`
        insert into forums (slug, reference_prefix, name, guidance, scope, opens_at, closes_at, time_zone, input_languages, limits)
        values ('upgrade-test', 'UPG', '{"en":"Upgrade"}', '{"en":""}', 'global', now() - interval '2 days', now() + interval '2 days', 'UTC', '{en}',
                '{"titleMaxChars":200,"summaryMaxChars":1500,"bodyMaxWords":3000}')
        returning id`;
      await sql`
        insert into submissions (forum_id, reference, idempotency_key, interface_locale, submitter_type, contact_name, email, constituency, country, region,
                                 title, summary, body, language, objectives, content_sha256, status_token_hash, email_confirmed_at, decision, decided_at)
        values (${forum.id}, 'UPG-0001', ${crypto.randomUUID()}, 'en', 'individual', 'A', 'a@example.org', 'academia', 'JO', 'ESCWA',
                'T', 'S', 'B', 'en', '{1}', ${'0'.repeat(64)}, ${'1'.repeat(64)}, now(), 'rejected', now())`;
      // Digests from before salts: one input erased, one expired, one still whole.
      await sql`
        insert into submissions (forum_id, reference, idempotency_key, interface_locale, submitter_type, contact_name, email, constituency, country, region,
                                 title, summary, body, language, objectives, content_sha256, status_token_hash, email_confirmed_at, decision, decided_at,
                                 personal_data_erased_at)
        values (${forum.id}, 'UPG-0002', ${crypto.randomUUID()}, 'en', 'individual', '', '', 'academia', 'JO', 'ESCWA',
                'T', 'S', 'B', 'en', '{1}', ${'2'.repeat(64)}, ${'3'.repeat(64)}, now(), 'accepted', now(), now())`;
      await sql`
        insert into submissions (forum_id, reference, idempotency_key, interface_locale, submitter_type, contact_name, email, constituency, country, region,
                                 title, summary, body, language, objectives, content_sha256, status_token_hash, expired_at)
        values (${forum.id}, 'UPG-0003', ${crypto.randomUUID()}, 'en', 'individual', '', '', 'academia', 'JO', 'ESCWA',
                '', '', '', 'en', '{1}', ${'5'.repeat(64)}, ${'6'.repeat(64)}, now())`;
      await sql`
        insert into submissions (forum_id, reference, idempotency_key, interface_locale, submitter_type, contact_name, email, constituency, country, region,
                                 title, summary, body, language, objectives, content_sha256, status_token_hash, email_confirmed_at)
        values (${forum.id}, 'UPG-0004', ${crypto.randomUUID()}, 'en', 'individual', 'B', 'b@example.org', 'academia', 'JO', 'ESCWA',
                'T', 'S', 'B', 'en', '{1}', ${'7'.repeat(64)}, ${'8'.repeat(64)}, now())`;
    } finally {
      await sql.end();
      rmSync(older, { recursive: true, force: true });
    }
    // Then to 0012 (salts, none for rows already there), where earlier versions exist too.
    const salted = migrationsUpTo(readdirSync(MIGRATIONS).find((f) => f.startsWith('0012_'))!.replace(/\.sql$/, ''));
    const at0012 = connectPostgres(dbUrl, { max: 1, onnotice: () => {} });
    try {
      await migrate(drizzle(at0012), { migrationsFolder: salted });
      await at0012`insert into submission_versions (submission_id, number, content, content_sha256, received_at)
                   select id, 1, '{"title":"T"}', ${'4'.repeat(64)}, now() from submissions where reference = 'UPG-0002'`;
    } finally {
      await at0012.end();
      rmSync(salted, { recursive: true, force: true });
    }
    await runMigrations(dbUrl);
    const check = connectPostgres(dbUrl, { max: 1 });
    try {
      const [row] = await check`select decision, decision_reason from submissions where reference = 'UPG-0001'`;
      expect(row).toEqual({ decision: 'rejected', decision_reason: '(no reason was recorded)' });
      // An unsalted digest is a guessable hash of the sender: once the person is gone, so is it.
      const digests = await check`select reference, content_salt, content_sha256 from submissions where reference in ('UPG-0002', 'UPG-0003', 'UPG-0004') order by reference`;
      expect(digests).toEqual([
        { reference: 'UPG-0002', content_salt: null, content_sha256: '' },
        { reference: 'UPG-0003', content_salt: null, content_sha256: '' },
        // Still whole: its digest is what its receipt printed, and stays comparable with it.
        { reference: 'UPG-0004', content_salt: null, content_sha256: '7'.repeat(64) },
      ]);
      const versions = await check`select v.content_sha256 from submission_versions v join submissions s on s.id = v.submission_id where s.reference = 'UPG-0002'`;
      expect(versions).toEqual([{ content_sha256: '' }]);
    } finally {
      await check.end();
    }
  });
});
