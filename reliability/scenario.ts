/**
 * One reliability run: the cluster, the open load, the people confirming their addresses, the
 * faults at their times, then a drain (the portal is left to finish its work) and the
 * reconciliation. Used by `npm run reliability` and, in short, by the test suite.
 */
import { randomBytes } from 'node:crypto';
import { and, isNull, sql } from 'drizzle-orm';
import { outbox } from '../db/schema';
import { createForum } from '../tests/factories/forums';
import { startCluster, RUN_SESSION_SECRET, type ClusterOptions } from './cluster';
import { injectFault, type Fault, type FaultEvent } from './faults';
import { inputMix } from './input-mix';
import { runOpenLoad, type LedgerEntry } from './load-generator';
import { reconcile, type Reconciliation } from './reconcile';
import { startSubmitters } from './submitters';
import { personalDataInLogs, sampleJobData } from './personal-data-scan';
import { startModerators, type ModerationTally } from './moderators';

export interface ScenarioOptions extends ClusterOptions {
  ratePerSecond: number;
  durationSeconds: number;
  /** Faults and when they start, in seconds from the start of the load. */
  faults: Array<{ fault: Fault; atSeconds: number; seconds?: number }>;
  /** Two moderators racing to claim and decide every confirmed input, through different web processes. */
  moderators?: boolean;
  /** Longest wait, after the load, for the portal to finish its work. */
  drainSeconds?: number;
  log?: (line: string) => void;
}

export interface ScenarioResult {
  reconciliation: Reconciliation;
  moderation?: ModerationTally;
  /** Log lines naming a submitter; BullMQ jobs sampled, and those whose data held more than ids. */
  personalData: { logLines: string[]; jobsSampled: number; jobsWithMoreThanIds: number };
  faults: FaultEvent[];
  /** Faults whose own check failed (e.g. a worker that started on an evicting Redis). */
  faultChecksFailed: string[];
  processes: { role: string; index: number; expectedExits: number; crashPoints: Record<string, number>; unexpectedExits: string[]; failedStarts: number }[];
  drainedInSeconds: number | undefined;
  /** Where each process's output was kept. */
  logDir: string;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
}

export async function runScenario(opts: ScenarioOptions): Promise<ScenarioResult> {
  const log = opts.log ?? (() => {});
  const runId = randomBytes(3).toString('hex');
  log(`starting ${opts.webs} web and ${opts.workers} worker processes`);
  const cluster = await startCluster(opts);
  try {
    const forum = await createForum(cluster.db.db, 'open');
    const jobSampler = sampleJobData(cluster.redisUrl);
    const moderators = opts.moderators ? await startModerators(cluster.db.db, forum.id, cluster.webUrls) : undefined;
    const submitters = startSubmitters(cluster.smtp, (address) => address.startsWith(`load-${runId}-`));
    const events: FaultEvent[] = [];
    const faultChecksFailed: string[] = [];
    const started = performance.now();
    const faultsDone = (async () => {
      for (const f of [...opts.faults].sort((a, b) => a.atSeconds - b.atSeconds)) {
        const wait = started + f.atSeconds * 1000 - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const at = (performance.now() - started) / 1000;
        log(`fault ${f.fault} at ${at.toFixed(1)} s${f.seconds ? ` for ${f.seconds} s` : ''}`);
        const note = await injectFault(cluster, f.fault, f.seconds ?? 0);
        if (note?.startsWith('NOT')) faultChecksFailed.push(`${f.fault}: ${note}`);
        events.push({ fault: f.fault, atSeconds: at, seconds: f.seconds, note });
      }
    })();
    log(`load: ${opts.ratePerSecond}/s for ${opts.durationSeconds} s`);
    const ledger = await runOpenLoad({
      webUrls: cluster.webUrls,
      forumSlug: forum.slug,
      sessionSecret: RUN_SESSION_SECRET,
      runId,
      ratePerSecond: opts.ratePerSecond,
      durationSeconds: opts.durationSeconds,
      mix: await inputMix(),
    });
    await faultsDone;
    log('draining');
    // With moderators at work, new work appears until every confirmed input is decided: only the
    // drain after they stop tells whether the portal finished.
    const drainStarted = performance.now();
    let drained = await drain(cluster.db.db, submitters, opts.drainSeconds ?? 180);
    if (moderators) {
      await moderators.finish();
      drained = await drain(cluster.db.db, submitters, opts.drainSeconds ?? 180);
    }
    const drainedInSeconds = drained === undefined ? undefined : (performance.now() - drainStarted) / 1000;
    const jobData = await jobSampler.stop();
    // The run's addresses and the names the mix gives its people (input-mix.ts).
    const leaks = personalDataInLogs(cluster.logDir, ['@example.org', 'أمينة حداد', 'Ana María Núñez']);
    const reconciliation = await reconcile({
      db: cluster.db.db,
      forumId: forum.id,
      ledger,
      mail: cluster.smtp.received,
      dataDir: cluster.env.DATA_DIR!,
      permanentFailuresExpected: opts.faults.some((f) => f.fault === 'smtp-5xx'),
      resendsExpected: opts.faults.length > 0 || !!opts.crashPoints,
    });
    return {
      reconciliation,
      moderation: moderators?.tally,
      personalData: { logLines: leaks, jobsSampled: jobData.jobsSeen, jobsWithMoreThanIds: jobData.violations },
      faults: events,
      faultChecksFailed,
      processes: cluster.processes.map((p) => ({
        role: p.role,
        index: p.index,
        expectedExits: p.expectedExits,
        crashPoints: Object.fromEntries(p.crashPointExits),
        unexpectedExits: p.unexpectedExits,
        failedStarts: p.failedStarts,
      })),
      drainedInSeconds,
      logDir: cluster.logDir,
      latencyMs: latency(ledger),
    };
  } finally {
    await cluster.stop();
  }
}

/** Waits until nobody is still confirming and no outbox row is left to do; seconds it took. */
async function drain(db: Parameters<typeof reconcile>[0]['db'], submitters: ReturnType<typeof startSubmitters>, limitSeconds: number): Promise<number | undefined> {
  const t0 = performance.now();
  let quietChecks = 0;
  while ((performance.now() - t0) / 1000 < limitSeconds) {
    await submitters.settle();
    const [{ n }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(outbox)
      .where(and(isNull(outbox.doneAt), isNull(outbox.failedAt), isNull(outbox.heldAt)))
      .catch(() => [{ n: -1 }]);
    // Three quiet looks in a row: a confirmation arriving in between would have made new work.
    quietChecks = n === 0 ? quietChecks + 1 : 0;
    if (quietChecks >= 3) return (performance.now() - t0) / 1000;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return undefined;
}

function latency(ledger: LedgerEntry[]) {
  const sorted = ledger.filter((e) => e.reference && e.latencyMs !== undefined).map((e) => e.latencyMs!).sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}

/** Every count that must be zero, with its value, for reports and assertions. */
export function defectsOf(result: ScenarioResult): Record<string, number> {
  return {
    ...result.reconciliation.defects,
    unexpectedProcessExits: result.processes.reduce((n, p) => n + p.unexpectedExits.length, 0),
    faultChecksFailed: result.faultChecksFailed.length,
    personalDataInLogs: result.personalData.logLines.length,
    unexpectedModerationAnswers: result.moderation?.unexpectedAnswers.length ?? 0,
    personalDataInJobs: result.personalData.jobsWithMoreThanIds,
    notDrained: result.drainedInSeconds === undefined ? 1 : 0,
  };
}
