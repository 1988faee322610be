/** Resident memory of other processes (web, worker), sampled from /proc while a benchmark runs. */
import { readdirSync, readFileSync } from 'node:fs';

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

/** Every process descended from `root` (children, their children…), from /proc. */
export function descendantsOf(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent is the 4th field of /proc/<pid>/stat, after the name in parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    for (const [child, parent] of parents) if (parent === pid) (found.push(child), queue.push(child));
  }
  return found;
}

/** Resident memory of all of `pids` together (processes gone meanwhile count nothing). */
export function totalResidentMb(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      // A process ending (a zombie) has no VmRSS line: nothing to count.
      total += residentMb(pid) || 0;
    } catch {
      // Gone meanwhile.
    }
  }
  return total;
}
