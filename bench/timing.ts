/**
 * Repeated timing of async operations for benchmarks. Cases run round-robin (one of each per
 * round) so a machine that slows down or speeds up mid-run affects every case alike, and the
 * baseline measured among them stays comparable.
 */
export interface TimedCase {
  name: string;
  run(): Promise<unknown>;
}

export interface Timing {
  name: string;
  samplesMs: number[];
  medianMs: number;
  p95Ms: number;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * `block` runs of a case follow one another before the next case's turn (1 by default). Cases that
 * run in this process and disturb each other's state (Chromium's driver and the PDF renderer share
 * the heap and the CPU caches) are timed in blocks, as each would run in a process of its own.
 */
export async function timeRoundRobin(cases: TimedCase[], opts: { warmup: number; iterations: number; block?: number }): Promise<Timing[]> {
  const block = opts.block ?? 1;
  // Warm-up: JIT, prepared statements, and the pages each case reads into PostgreSQL's cache.
  for (let round = 0; round < opts.warmup; round++) for (const c of cases) await c.run();
  const samples = cases.map(() => [] as number[]);
  for (let done = 0; done < opts.iterations; done += block) {
    for (const [i, c] of cases.entries()) {
      for (let k = 0; k < Math.min(block, opts.iterations - done); k++) {
        const t0 = performance.now();
        await c.run();
        samples[i].push(performance.now() - t0);
      }
    }
  }
  return cases.map((c, i) => {
    const sorted = [...samples[i]].sort((a, b) => a - b);
    return { name: c.name, samplesMs: samples[i], medianMs: percentile(sorted, 50), p95Ms: percentile(sorted, 95) };
  });
}
