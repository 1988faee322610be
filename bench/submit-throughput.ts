/**
 * Benchmark (not a test): submit throughput and latency of the real web process, against a bare
 * baseline measured in the same run on the same machine (GET /healthz, a route that does no work),
 * so the numbers that matter are ratios, not absolute times on a noisy machine. Afterwards it
 * reconciles: every 302 has exactly one stored submission, and nothing else was stored.
 *
 *   npm run bench [-- --requests 600 --concurrency 16]
 */
import { parseArgs } from 'node:util';
import { count, eq } from 'drizzle-orm';
import { issueFormStamp } from '../app/modules/abuse/form-timing';
import { submissions } from '../db/schema';
import { createForum } from '../tests/factories/forums';
import { BENCH_SESSION_SECRET, startBenchServices, startWebProcess } from './web-process';

const { values: args } = parseArgs({ options: { requests: { type: 'string', default: '600' }, concurrency: { type: 'string', default: '16' } } });
const REQUESTS = Number(args.requests);
const CONCURRENCY = Number(args.concurrency);

interface Run {
  name: string;
  statuses: Map<number, number>;
  latenciesMs: number[];
  seconds: number;
}

/** Sends `total` requests, `concurrency` at a time, timing each. */
async function load(name: string, total: number, concurrency: number, send: (i: number) => Promise<Response>): Promise<Run> {
  const latenciesMs: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        const res = await send(i);
        await res.arrayBuffer();
        latenciesMs.push(performance.now() - t0);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    }),
  );
  return { name, statuses, latenciesMs, seconds: (performance.now() - started) / 1000 };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(run: Run) {
  const sorted = [...run.latenciesMs].sort((a, b) => a - b);
  return { name: run.name, rps: run.latenciesMs.length / run.seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), statuses: Object.fromEntries(run.statuses) };
}

const { services, handle, stop } = await startBenchServices('submit');
let web: Awaited<ReturnType<typeof startWebProcess>> | undefined;
try {
  const forum = await createForum(handle.db, 'open', { limits: { titleMaxChars: 200, summaryMaxChars: 1500, bodyMaxWords: 3000 } });
  web = await startWebProcess(services);
  const { appUrl } = web;

  const body = 'Les voies régulières réduisent les risques. '.repeat(40) + 'الهجرة الآمنة والمنظمة والنظامية. '.repeat(40);
  const submit = (i: number) =>
    fetch(`${appUrl}/en/forums/${forum.slug}/submit`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        Origin: appUrl,
        'Content-Type': 'application/x-www-form-urlencoded',
        // One address per simulated person (the per-IP limits are not what is measured here).
        'X-Forwarded-For': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      },
      body: new URLSearchParams({
        idempotencyKey: crypto.randomUUID(),
        formStamp: issueFormStamp(BENCH_SESSION_SECRET, Date.now() - 60_000),
        submitterType: 'organisation',
        contactName: `Bench Person ${i}`,
        organisation: 'Bench Org',
        email: `bench-${i}@example.org`,
        constituency: 'civil_society',
        country: 'JO',
        language: 'ar',
        title: `Input ${i}`,
        summary: 'A summary of the input.',
        body,
        objectives: '23',
        consentPublication: 'yes',
      }),
    });
  const baseline = () => fetch(`${appUrl}/healthz`);

  // Warm up both paths (JIT, connection pools), then measure baseline, submit, baseline again.
  await load('warm-up', 50, CONCURRENCY, (i) => (i % 2 ? baseline() : submit(REQUESTS + 1000 + i)));
  const runs = [
    await load('baseline GET /healthz', REQUESTS, CONCURRENCY, baseline),
    await load('submit POST (valid form)', REQUESTS, CONCURRENCY, submit),
    await load('baseline GET /healthz (again)', REQUESTS, CONCURRENCY, baseline),
  ].map(summary);
  console.table(runs.map((r) => ({ scenario: r.name, 'req/s': r.rps.toFixed(0), 'p50 ms': r.p50.toFixed(1), 'p99 ms': r.p99.toFixed(1), statuses: JSON.stringify(r.statuses) })));
  const base = { rps: (runs[0].rps + runs[2].rps) / 2, p99: (runs[0].p99 + runs[2].p99) / 2 };
  console.log(`submit throughput = ${(runs[1].rps / base.rps).toFixed(3)} × baseline; submit p99 = ${(runs[1].p99 / base.p99).toFixed(1)} × baseline p99`);

  const accepted = (runs[1].statuses[302] ?? 0) + 25; // plus the warm-up's submits
  const [{ n }] = await handle.db.select({ n: count() }).from(submissions).where(eq(submissions.forumId, forum.id));
  console.log(`reconciliation: ${accepted} answered with a reference, ${n} stored → ${accepted === n ? 'none lost, none doubled' : 'MISMATCH'}`);
  if (accepted !== n) process.exitCode = 1;
} finally {
  web?.stop();
  await stop();
}
