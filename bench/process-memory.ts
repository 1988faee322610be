/** Resident memory of other processes (web, worker), sampled from /proc while a benchmark runs. */
import { readFileSync } from 'node:fs';

export function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** Samples each named process every 200 ms; `peak()` is each one's highest since the last reset. */
export function sampleMemory(pids: Record<string, number>) {
  const peaks: Record<string, number> = {};
  const reset = () => {
    for (const name of Object.keys(pids)) peaks[name] = 0;
  };
  const sample = () => {
    for (const [name, pid] of Object.entries(pids)) {
      try {
        peaks[name] = Math.max(peaks[name], residentMb(pid));
      } catch {
        // The process has ended; its last peak stands.
      }
    }
  };
  reset();
  const timer = setInterval(sample, 200);
  return {
    peak: () => ({ ...peaks }),
    reset,
    stop: () => clearInterval(timer),
  };
}
