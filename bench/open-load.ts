/**
 * Open-model load for benchmarks: requests start at a fixed rate whatever the server's speed, as
 * people arrive on a deadline day, so an overloaded server shows as growing latency and refusals
 * instead of a load generator that politely slows down with it.
 */
import { percentile } from './timing';

export interface StepResult {
  /** Arrivals per second asked for. */
  rate: number;
  sent: number;
  accepted: number;
  /** Accepted requests per second, from the first arrival to the last answer. */
  throughput: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  statuses: Record<string, number>;
}

const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Sends `send(i)` at `rate` per second for `seconds`, and waits for every answer. `accepted` tells
 * a stored request from a refused one. `offset` numbers the requests across steps.
 */
export async function openLoadStep(opts: {
  rate: number;
  seconds: number;
  offset: number;
  send: (i: number, signal: AbortSignal) => Promise<Response>;
  accepted: (res: Response) => boolean;
}): Promise<StepResult> {
  const total = Math.max(1, Math.round(opts.rate * opts.seconds));
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let accepted = 0;
  const started = performance.now();
  const inFlight: Array<Promise<void>> = [];
  for (let n = 0; n < total; n++) {
    const wait = started + (n * 1000) / opts.rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(
      (async () => {
        const t0 = performance.now();
        let status = 'no answer';
        try {
          const res = await opts.send(opts.offset + n, AbortSignal.timeout(REQUEST_TIMEOUT_MS));
          await res.arrayBuffer();
          status = String(res.status);
          if (opts.accepted(res)) accepted++;
        } catch {
          // Counted as "no answer"; its latency is the time it was given.
        }
        latencies.push(performance.now() - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
      })(),
    );
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    rate: opts.rate,
    sent: total,
    accepted,
    throughput: accepted / seconds,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted[sorted.length - 1],
    statuses,
  };
}

/** A step is sustained when (nearly) everything was stored and no queue built up. */
export const sustained = (step: StepResult, p99LimitMs = 1000) => step.accepted >= step.sent * 0.99 && step.p99Ms <= p99LimitMs;

/**
 * The highest rate `run` sustains: rates grow by half from `startRate` until one is not
 * sustained, then two bisections narrow the bend down. Returns every step, in the order run.
 */
export async function findMaximumRate(run: (rate: number) => Promise<StepResult>, startRate: number, maxRate: number): Promise<{ maximum: number; steps: StepResult[] }> {
  const steps: StepResult[] = [];
  let good = 0;
  let bad = 0;
  for (let rate = startRate; rate <= maxRate; rate = Math.round(rate * 1.5)) {
    const step = await run(rate);
    steps.push(step);
    if (!sustained(step)) {
      bad = rate;
      break;
    }
    good = rate;
  }
  for (let i = 0; i < 2 && bad && bad - good > 2; i++) {
    const rate = Math.round((good + bad) / 2);
    const step = await run(rate);
    steps.push(step);
    if (sustained(step)) good = rate;
    else bad = rate;
  }
  return { maximum: good, steps };
}
