/**
 * What the database benchmarks share: a throw-away embedded PostgreSQL with the migrations, three
 * forums (a global one and two regional reviews) seeded by queue-seed.ts, the figures printed as
 * a table, and the plan of each statement a module function sends.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, type Db, type DbHandle } from '../db/client';
import { runMigrations } from '../db/migrate';
import { staffUsers, type Forum } from '../db/schema';
import { startEmbeddedPostgres } from '../scripts/services/postgres';
import { createForum } from '../tests/factories/forums';
import { explain, recordStatements } from './query-plans';
import { seedQueue, type SeedOptions } from './queue-seed';
import type { TimedCase, Timing } from './timing';

export const ms = (n: number) => n.toFixed(2);
export const pad = (s: string | number, n: number) => String(s).padEnd(n);
export const padLeft = (s: string | number, n: number) => String(s).padStart(n);

export interface BenchForums {
  imrf: Forum;
  arab: Forum;
  europe: Forum;
}

/**
 * Runs `fn` on a new database (only PostgreSQL: no Redis, no mailbox; durability off, as for the
 * test suite) holding the three forums, then removes it. The pool has the web process's size.
 */
export async function withBenchDatabase(name: string, fn: (handle: DbHandle, forums: BenchForums, staffId: string) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `portal-bench-${name}-`));
  chmodSync(dataDir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir, database: 'portal', ephemeral: true });
  const handle = createDb(pg.url, { max: 10 });
  try {
    await runMigrations(pg.url);
    const db = handle.db;
    const forums: BenchForums = {
      imrf: await createForum(db, 'open', {
        slug: 'imrf-2026',
        referencePrefix: 'IMRF26',
        scope: 'global',
        name: { en: 'International Migration Review Forum 2026', ar: 'منتدى استعراض الهجرة الدولية 2026' },
      }),
      arab: await createForum(db, 'open', {
        slug: 'escwa-2025',
        referencePrefix: 'ESCWA25',
        scope: 'ESCWA',
        name: { en: 'Regional review in the Arab region', ar: 'الاستعراض الإقليمي في المنطقة العربية' },
      }),
      europe: await createForum(db, 'closed', {
        slug: 'ece-2025',
        referencePrefix: 'ECE25',
        scope: 'ECE',
        name: { en: 'Regional review for the UNECE region', ar: 'الاستعراض الإقليمي لمنطقة اللجنة الاقتصادية لأوروبا' },
      }),
    };
    const [moderator] = await db
      .insert(staffUsers)
      .values({ email: 'moderator@bench.example.org', displayName: 'Bench Moderator', role: 'moderator' })
      .returning();
    await fn(handle, forums, moderator.id);
  } finally {
    await handle.close();
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Seeds the inputs over the three forums (60% global, 25% Arab region, 15% UNECE); returns the seconds it took. */
export async function seedForums(handle: DbHandle, forums: BenchForums, opts: Omit<SeedOptions, 'forums' | 'log'>): Promise<number> {
  const started = performance.now();
  await seedQueue(handle.sql, {
    ...opts,
    log: (line) => console.log(`seed: ${line}`),
    forums: [
      { id: forums.imrf.id, referencePrefix: forums.imrf.referencePrefix, share: 0.6 },
      { id: forums.arab.id, referencePrefix: forums.arab.referencePrefix, region: 'ESCWA', share: 0.25 },
      { id: forums.europe.id, referencePrefix: forums.europe.referencePrefix, region: 'ECE', share: 0.15 },
    ],
  });
  return (performance.now() - started) / 1000;
}

/**
 * Prints the plan (EXPLAIN ANALYZE, BUFFERS) of each statement `fn` sends, named by `label` and
 * `names` (one per statement, in order). Settings the module made for its statements (`set
 * local`) are made again around each explain. Returns the names of plans that read a whole
 * table of inputs.
 */
export async function printPlans(handle: DbHandle, label: string, fn: (db: Db) => Promise<unknown>, names: string[] = []): Promise<string[]> {
  const recorded = await recordStatements(handle.sql, fn);
  const settings = recorded.filter((r) => /^set local /i.test(r.query));
  const statements = recorded.filter((r) => !settings.includes(r));
  const seqScans: string[] = [];
  for (const [n, statement] of statements.entries()) {
    const name = statements.length > 1 ? `${label} (${names[n] ?? n + 1})` : label;
    const plan = await handle.sql.begin(async (tx) => {
      for (const setting of settings) await tx.unsafe(setting.query);
      return explain(tx, statement);
    });
    if (plan.fullScans.length) seqScans.push(name);
    const warning = plan.fullScans.length ? `  ⚠ SEQ SCAN ON ${plan.fullScans.join(', ')}` : '';
    console.log(`\n— ${name}: ${ms(plan.executionMs)} ms, shared buffers hit=${plan.sharedHit} read=${plan.sharedRead}${warning}`);
    for (const line of plan.lines) console.log(`    ${line}`);
  }
  return seqScans;
}

/** The timings as a table, each against the first case (the baseline) of the same run. */
export function printTimings(cases: Array<TimedCase & { matches?: number | string }>, timings: Timing[], nameWidth = 52): void {
  const base = timings[0];
  console.log(`\n${pad('case', nameWidth)} ${padLeft('matches', 8)} ${padLeft('median ms', 10)} ${padLeft('p95 ms', 9)} ${padLeft('× base median', 14)} ${padLeft('× base p95', 11)}`);
  for (const [i, t] of timings.entries()) {
    console.log(
      `${pad(t.name, nameWidth)} ${padLeft(cases[i].matches ?? '', 8)} ${padLeft(ms(t.medianMs), 10)} ${padLeft(ms(t.p95Ms), 9)} ` +
        `${padLeft((t.medianMs / base.medianMs).toFixed(1), 14)} ${padLeft((t.p95Ms / base.p95Ms).toFixed(1), 11)}`,
    );
  }
}
