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

export async function timeRoundRobin(cases: TimedCase[], opts: { warmup: number; iterations: number }): Promise<Timing[]> {
  // Warm-up: JIT, prepared statements, and the pages each case reads into PostgreSQL's cache.
  for (let round = 0; round < opts.warmup; round++) for (const c of cases) await c.run();
  const samples = cases.map(() => [] as number[]);
  for (let round = 0; round < opts.iterations; round++) {
    for (const [i, c] of cases.entries()) {
      const t0 = performance.now();
      await c.run();
      samples[i].push(performance.now() - t0);
    }
  }
  return cases.map((c, i) => {
    const sorted = [...samples[i]].sort((a, b) => a - b);
    return { name: c.name, samplesMs: samples[i], medianMs: percentile(sorted, 50), p95Ms: percentile(sorted, 95) };
  });
}
