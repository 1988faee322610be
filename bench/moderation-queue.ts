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
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { listQueuePage, queueCounts } from '../app/modules/moderation/moderation-queue';
import type { QueueFilter } from '../app/modules/moderation/queue-filter';
import type { Db, DbHandle } from '../db/client';
import { submissions } from '../db/schema';
import { printPlans, printTimings, seedForums, withBenchDatabase } from './seeded-database';
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

await withBenchDatabase('queue', async (handle, { imrf, arab, europe }, staffId) => {
  const db = handle.db;
  const seedSeconds = await seedForums(handle, { imrf, arab, europe }, { confirmed: INPUTS, unconfirmed: Math.round(INPUTS * 0.03), staffId });
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
  printTimings(cases, await timeRoundRobin(cases, { warmup: WARMUP, iterations: ITERATIONS }), 44);

  console.log('\nPlans (EXPLAIN ANALYZE, BUFFERS) of the statements each case sends:');
  const seqScans: string[] = [];
  for (const s of prepared) {
    const runs: Array<[string, (d: Db) => Promise<unknown>]> = [
      ['first page', (d) => listQueuePage(d, s.filter, s.scope)],
      ...(s.deep ? [['deep page', (d: Db) => listQueuePage(d, s.deep!, s.scope)] as [string, (d: Db) => Promise<unknown>]] : []),
      ['counts', (d) => queueCounts(d, s.filter, s.scope)],
    ];
    for (const [label, fn] of runs) seqScans.push(...(await printPlans(handle, `${s.name} · ${label}`, fn, ['by stage', 'by facet'])));
  }
  console.log(seqScans.length ? `\n⚠ Seq Scan on a table of inputs in: ${seqScans.join('; ')}` : '\nNo statement reads a whole table of inputs.');
});

/** What was seeded: counts by forum and stage, and the table's and indexes' sizes. */
async function describeData(sqlClient: DbHandle['sql'], seedSeconds: number) {
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
