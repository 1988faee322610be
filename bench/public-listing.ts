/**
 * Benchmark (not a test): the public listing with 100,000 published inputs. It times the module
 * function the listing pages and the API call (searchPublishedInputs: one page, the count of
 * matches and, with words, the matching passages) under the filters and queries readers use, in
 * several languages, first and deep pages, against a primary-key lookup of one input run among
 * them on the same connection pool: compare the ratios between machines, not the milliseconds.
 * It then shows the plan PostgreSQL chose for each statement, and names any that reads the whole
 * submissions table.
 *
 *   npm run bench -- listing [--inputs 100000 --iterations 30 --warmup 5]
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { parsePublicSearch, type PublicSearch } from '../app/modules/publication/search/public-search-params';
import { countMatches, searchPage, searchPublishedInputs } from '../app/modules/publication/search/search-published-inputs';
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
/** The figure the listing is held to: server time for a page with filters and words. */
const TARGET_MS = 50;

const ms = (n: number) => n.toFixed(2);
const pad = (s: string | number, n: number) => String(s).padEnd(n);
const padLeft = (s: string | number, n: number) => String(s).padStart(n);

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'portal-bench-listing-'));
chmodSync(dataDir, 0o755);
// Only PostgreSQL is read here. Durability is off, as for the test suite.
const pg = await startEmbeddedPostgres({ dataDir, database: 'portal', ephemeral: true });
const handle = createDb(pg.url, { max: 10 });
try {
  await runMigrations(pg.url);
  const db = handle.db;
  const imrf = await createForum(db, 'open', { slug: 'imrf-2026', referencePrefix: 'IMRF26', scope: 'global' });
  const arab = await createForum(db, 'closed', { slug: 'escwa-2025', referencePrefix: 'ESCWA25', scope: 'ESCWA' });
  const europe = await createForum(db, 'closed', { slug: 'ece-2025', referencePrefix: 'ECE25', scope: 'ECE' });
  const [moderator] = await db.insert(staffUsers).values({ email: 'moderator@bench.example.org', displayName: 'Bench Moderator', role: 'moderator' }).returning();

  const seedStarted = performance.now();
  await seedQueue(handle.sql, {
    confirmed: INPUTS,
    unconfirmed: 0,
    publishAll: true,
    staffId: moderator.id,
    log: (line) => console.log(`seed: ${line}`),
    forums: [
      { id: imrf.id, referencePrefix: imrf.referencePrefix, share: 0.6 },
      { id: arab.id, referencePrefix: arab.referencePrefix, region: 'ESCWA', share: 0.25 },
      { id: europe.id, referencePrefix: europe.referencePrefix, region: 'ECE', share: 0.15 },
    ],
  });
  const [sizes] = await handle.sql`
    select count(*)::int as published,
           pg_size_pretty(pg_table_size('submissions')) as table_size,
           pg_size_pretty(pg_table_size('public_search_entries')) as entries_size,
           pg_size_pretty(pg_relation_size('public_search_document')) as search_index,
           pg_size_pretty(pg_relation_size('public_search_facets')) as facets_index
    from public_search_entries`;
  console.log(
    `Seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s: ${sizes.published} published inputs; ` +
      `inputs ${sizes.table_size}, search entries ${sizes.entries_size}, search index ${sizes.search_index}, filter index ${sizes.facets_index}.`,
  );

  const search = (params: Record<string, string>): PublicSearch => parsePublicSearch(new URLSearchParams(params));
  const scenarios: Array<{ name: string; forumId?: string; search: PublicSearch }> = [
    { name: 'all forums, newest', search: search({}) },
    { name: 'one forum, newest', forumId: arab.id, search: search({}) },
    { name: 'objective 6', search: search({ objective: '6' }) },
    { name: 'one country (JO)', search: search({ country: 'JO' }) },
    { name: 'region + group + language', search: search({ region: 'ESCWA', constituency: 'civil_society', language: 'ar' }) },
    { name: 'principle + objective, oldest', search: search({ principle: 'human_rights', objective: '23', sort: 'oldest' }) },
    { name: '"recruitment" (common), by relevance', search: search({ q: 'recruitment' }) },
    { name: '"recruitment", newest', search: search({ q: 'recruitment', sort: 'newest' }) },
    { name: '"recruitment" + objective 6', search: search({ q: 'recruitment', objective: '6' }) },
    { name: '"التحويلات" (rare), by relevance', search: search({ q: 'التحويلات' }) },
    { name: '"المهاجرين" + forum', forumId: arab.id, search: search({ q: 'المهاجرين' }) },
    { name: '"移民工人" (Chinese)', search: search({ q: '移民工人' }) },
    { name: '"travailleurs migrants" + country', search: search({ q: 'travailleurs migrants', region: 'ECE' }) },
    { name: '"права мигрантов"', search: search({ q: 'права мигрантов' }) },
    { name: 'word found nowhere', search: search({ q: 'zzyzx' }) },
  ];

  // Each scenario's deep page starts 90% of the way through its matches (of the first 1,000 for
  // searches with words, which count no further), reached by paging there.
  const prepared = [];
  for (const s of scenarios) {
    const { total, capped } = await countMatches(db, s.forumId, s.search);
    const { next } = await searchPage(db, s.forumId, s.search, Math.max(1, Math.floor(total * 0.9)));
    prepared.push({ ...s, matches: capped ? `${total}+` : total, deep: next ? { ...s.search, after: next } : undefined });
  }

  const [middle] = await db.select({ id: submissions.id }).from(submissions).orderBy(submissions.reference).limit(1).offset(Math.floor(INPUTS / 2));
  const cases: Array<TimedCase & { matches?: number | string }> = [
    { name: 'baseline: one input by primary key', run: () => db.select({ id: submissions.id, reference: submissions.reference, title: submissions.title }).from(submissions).where(eq(submissions.id, middle.id)) },
  ];
  for (const s of prepared) {
    cases.push({ name: `${s.name} · first page`, matches: s.matches, run: () => searchPublishedInputs(db, s.forumId, s.search) });
    if (s.deep) cases.push({ name: `${s.name} · deep page`, matches: s.matches, run: () => searchPublishedInputs(db, s.forumId, s.deep!) });
  }

  console.log(`\nTiming ${cases.length} cases round-robin: ${WARMUP} warm-up rounds, ${ITERATIONS} measured rounds.`);
  const timings = await timeRoundRobin(cases, { warmup: WARMUP, iterations: ITERATIONS });
  const pk = timings[0];
  console.log(`\n${pad('case', 52)} ${padLeft('matches', 8)} ${padLeft('median ms', 10)} ${padLeft('p95 ms', 9)} ${padLeft('× base median', 14)}`);
  const over: string[] = [];
  for (const [i, t] of timings.entries()) {
    if (i > 0 && t.medianMs >= TARGET_MS) over.push(t.name);
    console.log(`${pad(t.name, 52)} ${padLeft(cases[i].matches ?? '', 8)} ${padLeft(ms(t.medianMs), 10)} ${padLeft(ms(t.p95Ms), 9)} ${padLeft((t.medianMs / pk.medianMs).toFixed(1), 14)}`);
  }
  console.log(over.length ? `\n⚠ Median at or over ${TARGET_MS} ms: ${over.join('; ')}` : `\nEvery case's median is under ${TARGET_MS} ms on this machine.`);

  console.log('\nPlans (EXPLAIN ANALYZE, BUFFERS) of the statements each case sends:');
  const seqScans: string[] = [];
  for (const s of prepared) {
    const runs: Array<[string, PublicSearch]> = [['first page', s.search], ...(s.deep ? [['deep page', s.deep] as [string, PublicSearch]] : [])];
    for (const [label, searched] of runs) {
      const statements = await recordStatements(handle.sql, (d: Db) => searchPublishedInputs(d, s.forumId, searched));
      for (const [n, statement] of statements.entries()) {
        const name = `${s.name} · ${label} (${['page', 'count', 'passages'][n] ?? n})`;
        const plan = await explain(handle.sql, statement);
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
