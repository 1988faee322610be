/**
 * Benchmark (not a test): the moderation queue with 100,000 confirmed inputs. It times the
 * module functions the staff queue page calls (a page of inputs, first and deep by keyset cursor,
 * and the counts) under the filters moderators use, against a primary-key lookup of one input run
 * among them on the same connection pool, so the figures to compare between machines are the
 * ratios. It then shows the plan PostgreSQL chose for each statement, and names any that reads
 * the whole submissions table.
 *
 *   npm run bench -- queue [--inputs 100000 --iterations 30 --warmup 5]
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { listQueuePage, queueCounts } from '../app/modules/moderation/moderation-queue';
import type { QueueFilter } from '../app/modules/moderation/queue-filter';
import { createDb, type Db } from '../db/client';
import { runMigrations } from '../db/migrate';
import { staffUsers, submissions } from '../db/schema';
import { startEmbeddedPostgres } from '../scripts/services/postgres';
import { createForum } from '../tests/factories/forums';
import { explain, recordStatements } from './query-plans';
import { seedQueue } from './queue-seed';
import { timeRoundRobin, type TimedCase } from './timing';

const { values: args } = parseArgs({
  options: {
    inputs: { type: 'string', default: '100000' },
    iterations: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
  },
});
const INPUTS = Number(args.inputs);
const ITERATIONS = Number(args.iterations);
const WARMUP = Number(args.warmup);

type Scope = 'all' | string[];
interface Scenario {
  name: string;
  filter: QueueFilter;
  scope: Scope;
}

const ms = (n: number) => n.toFixed(2);
const pad = (s: string | number, n: number) => String(s).padEnd(n);
const padLeft = (s: string | number, n: number) => String(s).padStart(n);

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'portal-bench-queue-'));
chmodSync(dataDir, 0o755);
// Only PostgreSQL is read here: no Redis, no mailbox. Durability is off, as for the test suite.
const pg = await startEmbeddedPostgres({ dataDir, database: 'portal', ephemeral: true });
// The pool size the web process uses; queueCounts sends its two statements at once.
const handle = createDb(pg.url, { max: 10 });
try {
  await runMigrations(pg.url);
  const db = handle.db;
  const imrf = await createForum(db, 'open', {
    slug: 'imrf-2026',
    referencePrefix: 'IMRF26',
    scope: 'global',
    name: { en: 'International Migration Review Forum 2026', ar: 'منتدى استعراض الهجرة الدولية 2026' },
  });
  const arab = await createForum(db, 'open', {
    slug: 'escwa-2025',
    referencePrefix: 'ESCWA25',
    scope: 'ESCWA',
    name: { en: 'Regional review in the Arab region', ar: 'الاستعراض الإقليمي في المنطقة العربية' },
  });
  const europe = await createForum(db, 'closed', {
    slug: 'ece-2025',
    referencePrefix: 'ECE25',
    scope: 'ECE',
    name: { en: 'Regional review for the UNECE region', ar: 'الاستعراض الإقليمي لمنطقة اللجنة الاقتصادية لأوروبا' },
  });
  const [moderator] = await db
    .insert(staffUsers)
    .values({ email: 'moderator@bench.example.org', displayName: 'Bench Moderator', role: 'moderator' })
    .returning();

  const seedStarted = performance.now();
  await seedQueue(handle.sql, {
    confirmed: INPUTS,
    unconfirmed: Math.round(INPUTS * 0.03),
    staffId: moderator.id,
    log: (line) => console.log(`seed: ${line}`),
    forums: [
      { id: imrf.id, referencePrefix: imrf.referencePrefix, share: 0.6 },
      { id: arab.id, referencePrefix: arab.referencePrefix, region: 'ESCWA', share: 0.25 },
      { id: europe.id, referencePrefix: europe.referencePrefix, region: 'ECE', share: 0.15 },
    ],
  });
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  await describeData(handle.sql, seedSeconds);

  const base: QueueFilter = { stage: 'pending', order: 'oldest' };
  const scenarios: Scenario[] = [
    { name: 'no filter', filter: base, scope: 'all' },
    { name: 'moderator of 2 forums', filter: base, scope: [arab.id, europe.id] },
    { name: 'forum + stage accepted', filter: { ...base, stage: 'accepted', forum: imrf.id }, scope: 'all' },
    { name: 'region + group', filter: { ...base, region: 'ESCWA', constituency: 'civil_society' }, scope: 'all' },
    { name: 'objective 6', filter: { ...base, objective: '6' }, scope: 'all' },
    { name: 'with files', filter: { ...base, attachments: 'yes' }, scope: 'all' },
    { name: 'likely personal data', filter: { ...base, flagged: 'yes' }, scope: 'all' },
    { name: 'search "recruitment"', filter: { ...base, q: 'recruitment' }, scope: 'all' },
    { name: 'search "التحويلات"', filter: { ...base, q: 'التحويلات' }, scope: 'all' },
    // A family name: the kind of word moderators look for, in fewer inputs than a topic word.
    { name: 'search "Kovalenko"', filter: { ...base, q: 'Kovalenko' }, scope: 'all' },
  ];

  // Each scenario's deep page starts 90% of the way through its matches, found by paging there.
  const prepared = [];
  for (const s of scenarios) {
    const counts = await queueCounts(db, s.filter, s.scope);
    const depth = Math.max(1, Math.floor(counts.total * 0.9));
    const { next } = await listQueuePage(db, s.filter, s.scope, depth);
    prepared.push({ ...s, matches: counts.total, deep: next ? { ...s.filter, after: next } : undefined });
  }

  const [middle] = await db.select({ id: submissions.id }).from(submissions).orderBy(submissions.reference).limit(1).offset(Math.floor(INPUTS / 2));
  const baselines: TimedCase[] = [
    { name: 'baseline: one input by primary key', run: () => db.select({ id: submissions.id, reference: submissions.reference, title: submissions.title }).from(submissions).where(eq(submissions.id, middle.id)) },
    { name: 'baseline: select 1', run: () => handle.sql`select 1` },
  ];
  const cases: Array<TimedCase & { matches?: number }> = [...baselines];
  for (const s of prepared) {
    cases.push({ name: `${s.name} · first page`, matches: s.matches, run: () => listQueuePage(db, s.filter, s.scope) });
    if (s.deep) cases.push({ name: `${s.name} · deep page`, matches: s.matches, run: () => listQueuePage(db, s.deep!, s.scope) });
    cases.push({ name: `${s.name} · counts`, matches: s.matches, run: () => queueCounts(db, s.filter, s.scope) });
  }

  console.log(`\nTiming ${cases.length} cases round-robin: ${WARMUP} warm-up rounds, ${ITERATIONS} measured rounds.`);
  const timings = await timeRoundRobin(cases, { warmup: WARMUP, iterations: ITERATIONS });
  const pk = timings[0];
  console.log(
    `\n${pad('case', 44)} ${padLeft('matches', 8)} ${padLeft('median ms', 10)} ${padLeft('p95 ms', 9)} ${padLeft('× base median', 14)} ${padLeft('× base p95', 11)}`,
  );
  for (const [i, t] of timings.entries()) {
    console.log(
      `${pad(t.name, 44)} ${padLeft(cases[i].matches ?? '', 8)} ${padLeft(ms(t.medianMs), 10)} ${padLeft(ms(t.p95Ms), 9)} ${padLeft((t.medianMs / pk.medianMs).toFixed(1), 14)} ${padLeft((t.p95Ms / pk.p95Ms).toFixed(1), 11)}`,
    );
  }

  console.log('\nPlans (EXPLAIN ANALYZE, BUFFERS) of the statements each case sends:');
  const seqScans: string[] = [];
  for (const s of prepared) {
    const runs: Array<[string, (d: Db) => Promise<unknown>]> = [
      ['first page', (d) => listQueuePage(d, s.filter, s.scope)],
      ...(s.deep ? [['deep page', (d: Db) => listQueuePage(d, s.deep!, s.scope)] as [string, (d: Db) => Promise<unknown>]] : []),
      ['counts', (d) => queueCounts(d, s.filter, s.scope)],
    ];
    for (const [label, fn] of runs) {
      const recorded = await recordStatements(handle.sql, fn);
      // Settings the module made for its statements (`set local`) are made again around each explain.
      const settings = recorded.filter((r) => /^set local /i.test(r.query));
      const statements = recorded.filter((r) => !settings.includes(r));
      for (const [n, statement] of statements.entries()) {
        const name = `${s.name} · ${label}${statements.length > 1 ? ` (${n === 0 ? 'by stage' : 'by facet'})` : ''}`;
        const plan = await handle.sql.begin(async (tx) => {
          for (const setting of settings) await tx.unsafe(setting.query);
          return explain(tx, statement);
        });
        if (plan.seqScanOnSubmissions) seqScans.push(name);
        console.log(`\n— ${name}: ${ms(plan.executionMs)} ms, shared buffers hit=${plan.sharedHit} read=${plan.sharedRead}${plan.seqScanOnSubmissions ? '  ⚠ SEQ SCAN ON submissions' : ''}`);
        for (const line of plan.lines) console.log(`    ${line}`);
      }
    }
  }
  console.log(seqScans.length ? `\n⚠ Seq Scan on submissions in: ${seqScans.join('; ')}` : '\nNo statement reads the whole submissions table.');
} finally {
  await handle.close();
  await pg.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/** What was seeded: counts by forum and stage, and the table's and indexes' sizes. */
async function describeData(sqlClient: typeof handle.sql, seedSeconds: number) {
  const [totals] = await sqlClient`
    select count(*) filter (where email_confirmed_at is not null)::int as confirmed,
           count(*) filter (where email_confirmed_at is null)::int as unconfirmed,
           count(*) filter (where likely_personal_data)::int as flagged,
           (select count(distinct submission_id)::int from attachments) as with_files,
           pg_size_pretty(pg_table_size('submissions')) as table_size,
           pg_size_pretty(pg_indexes_size('submissions')) as index_size
    from submissions`;
  const stages = await sqlClient`
    select case when withdrawn_at is not null then 'withdrawn' else decision end as stage, count(*)::int as n
    from submissions where email_confirmed_at is not null group by 1 order by 2 desc`;
  console.log(
    `Seeded in ${seedSeconds.toFixed(1)} s: ${totals.confirmed} confirmed inputs (+${totals.unconfirmed} never confirmed), ` +
      `${totals.with_files} with files, ${totals.flagged} likely holding personal data; table ${totals.table_size}, indexes ${totals.index_size}.`,
  );
  console.log(`By stage: ${stages.map((r) => `${r.stage} ${r.n}`).join(', ')}`);
}
