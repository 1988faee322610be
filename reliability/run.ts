/**
 * `npm run reliability -- <scenario> [--rate N] [--duration S] [--webs N] [--workers N]`
 *
 * Runs the portal (two web processes and two workers by default) under an open load, injects the
 * scenario's faults, reconciles, and prints the figures and every count that must be zero. Exits
 * non-zero when any is not. Scenarios:
 *   load    no faults: the reconciliation baseline
 *   faults  every fault once, one after another, with crash points armed in the workers
 *   soak    the faults again and again for --duration seconds (default 1800)
 */
import { parseArgs } from 'node:util';
import { FAULTS, type Fault } from './faults';
import { defectsOf, runScenario, type ScenarioOptions } from './scenario';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rate: { type: 'string', default: '20' },
    duration: { type: 'string' },
    webs: { type: 'string', default: '2' },
    workers: { type: 'string', default: '2' },
    'fault-seconds': { type: 'string', default: '20' },
  },
});
const scenario = positionals[0] ?? 'faults';
const faultSeconds = Number(args['fault-seconds']);
/** Crash points armed in the workers for the fault runs: each fires now and then, not always. */
const CRASH_POINTS = 'email-after-smtp-accept:0.002,relay-after-enqueue:0.002,receipt-mid-write:0.002';

/** Every fault in turn, `gap` seconds apart; the timed ones last `faultSeconds`. */
function everyFault(startAt: number, gap: number): ScenarioOptions['faults'] {
  return FAULTS.map((fault: Fault, i) => ({ fault, atSeconds: startAt + i * gap, seconds: faultSeconds }));
}

function plan(): Pick<ScenarioOptions, 'durationSeconds' | 'faults' | 'crashPoints' | 'drainSeconds'> {
  if (scenario === 'load') return { durationSeconds: Number(args.duration ?? 120), faults: [] };
  if (scenario === 'outages') {
    // Long outages while people keep submitting: Redis down for three minutes, then the mail
    // server down for ten. E-mails owed pile up and must all arrive once it is back; the retries'
    // backoff has grown by then, so the drain may take minutes.
    const faults = [
      { fault: 'redis-down' as const, atSeconds: 10, seconds: 180 },
      { fault: 'smtp-down' as const, atSeconds: 220, seconds: 600 },
    ];
    return { durationSeconds: Number(args.duration ?? 840), faults, drainSeconds: 900 };
  }
  if (scenario === 'faults') {
    const faults = everyFault(10, faultSeconds + 15);
    const last = faults[faults.length - 1];
    return { durationSeconds: Number(args.duration ?? last.atSeconds + faultSeconds + 20), faults, crashPoints: CRASH_POINTS };
  }
  if (scenario === 'soak') {
    const duration = Number(args.duration ?? 1800);
    const round = FAULTS.length * (faultSeconds + 15);
    const faults = Array.from({ length: Math.max(1, Math.floor((duration - 10) / round)) }, (_, r) => everyFault(10 + r * round, faultSeconds + 15)).flat();
    return { durationSeconds: duration, faults, crashPoints: CRASH_POINTS };
  }
  console.error('usage: npm run reliability -- load|faults|soak|outages [--rate N] [--duration S] [--webs N] [--workers N] [--fault-seconds S]');
  process.exit(2);
}

const started = Date.now();
const result = await runScenario({
  ...plan(),
  ratePerSecond: Number(args.rate),
  webs: Number(args.webs),
  moderators: true,
  workers: Number(args.workers),
  log: (line) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${line}`),
});

const { figures } = result.reconciliation;
console.log(`\nreliability ${scenario}: ${figures.arrivals} arrivals at ${args.rate}/s, ${args.webs} web + ${args.workers} worker processes`);
console.table({
  'answered with a reference': figures.answeredWithReference,
  'refused or unanswered (by last status)': JSON.stringify(figures.refused),
  'stored, answer lost on the way': figures.storedWithoutAnswer,
  'with a file': figures.withFiles,
  'confirmed by their submitter': figures.confirmed,
  acknowledged: figures.acknowledged,
  'e-mails received': figures.emailsReceived,
  'e-mail copies with the same Message-ID (tolerated)': figures.duplicateEmailsSameMessageId,
  'received, then refused for good on resend (tolerated)': figures.receivedThenRefusedOnResend,
  'work failed visibly (SMTP 5xx)': figures.failedVisibly,
  'decided (two moderators racing on each)': `${figures.decided} (${result.moderation?.decisionsWon ?? 0} won, ${result.moderation?.decisionsRefused ?? 0} refused as second)`,
  'BullMQ jobs sampled in Redis (ids only?)': result.personalData.jobsSampled,
  'drained in (s)': result.drainedInSeconds?.toFixed(1) ?? 'NOT DRAINED',
  'submit latency p50 / p95 / p99 / max (ms)': [result.latencyMs.p50, result.latencyMs.p95, result.latencyMs.p99, result.latencyMs.max].map((v) => v.toFixed(0)).join(' / '),
});
if (result.faults.length) console.table(result.faults.map((f) => ({ fault: f.fault, 'at (s)': f.atSeconds.toFixed(1), 'lasted (s)': f.seconds ?? '', note: f.note ?? '' })));
console.table(result.processes.map((p) => ({ process: `${p.role} ${p.index}`, 'exits caused by the run': p.expectedExits, 'crash points': JSON.stringify(p.crashPoints), 'failed starts': p.failedStarts, 'unexpected exits': p.unexpectedExits.length })));
for (const p of result.processes) for (const line of p.unexpectedExits) console.log(`unexpected: ${line}`);
for (const line of result.personalData.logLines.slice(0, 10)) console.log(`personal data in a log: ${line}`);
console.log(`each process's output: ${result.logDir}`);
const stuckByKind: Record<string, number> = {};
for (const row of result.reconciliation.details.stuckOutboxRows) stuckByKind[row.kind] = (stuckByKind[row.kind] ?? 0) + 1;
if (result.reconciliation.details.stuckOutboxRows.length) console.log(`work left undone, by kind: ${JSON.stringify(stuckByKind)}`);
const defects = defectsOf(result);
console.table(defects);
const bad = Object.entries(defects).filter(([, n]) => n !== 0);
console.log(bad.length === 0 ? 'every promise held: all counts above are zero' : `BROKEN: ${bad.map(([k, n]) => `${k}=${n}`).join(', ')}`);
process.exitCode = bad.length === 0 ? 0 : 1;
