/**
 * CPU time of the processes a benchmark runs, from /proc: where a request's cost goes, per
 * process, when several share the machine's cores. PostgreSQL and Redis are counted by their
 * processes' names (every PostgreSQL backend, the postmaster and its helpers together), among
 * the processes the benchmark itself started.
 */
import { readFileSync } from 'node:fs';
import { descendantsOf } from './process-memory';

const TICKS_PER_SECOND = 100;

/** User and system CPU seconds of one process so far (0 once it has ended). */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // utime and stime are the 14th and 15th fields; the name before them may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function processName(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/**
 * CPU seconds so far per process, with the group it counts in: the named processes, and the
 * PostgreSQL and Redis processes this benchmark started (its descendants, so another cluster on
 * the machine is never counted).
 */
function cpuSnapshot(pids: Record<string, number>): Map<number, { group: string; seconds: number }> {
  const snapshot = new Map<number, { group: string; seconds: number }>();
  for (const [group, pid] of Object.entries(pids)) snapshot.set(pid, { group, seconds: cpuSeconds(pid) });
  for (const pid of descendantsOf(process.pid)) {
    if (snapshot.has(pid)) continue;
    const name = processName(pid);
    const group = name.startsWith('postgres') ? 'postgres' : name.startsWith('redis') ? 'redis' : undefined;
    if (group) snapshot.set(pid, { group, seconds: cpuSeconds(pid) });
  }
  return snapshot;
}

/**
 * Starts counting; `perItem(n)` gives each group's CPU milliseconds per item over the `n` items
 * done since, e.g. per input stored. Each process counts what it spent between the two readings
 * (one started meanwhile, all of its time); one that ended meanwhile (a backend closed when idle)
 * counts nothing, so a figure can only be low, never below zero.
 */
export function measureCpu(pids: Record<string, number>) {
  const before = cpuSnapshot(pids);
  return {
    perItem(items: number): Record<string, number> {
      const totals: Record<string, number> = { postgres: 0, redis: 0 };
      for (const [pid, { group, seconds }] of cpuSnapshot(pids)) {
        totals[group] = (totals[group] ?? 0) + Math.max(0, seconds - (before.get(pid)?.seconds ?? 0));
      }
      return Object.fromEntries(Object.entries(totals).map(([group, seconds]) => [group, (seconds * 1000) / Math.max(1, items)]));
    },
  };
}
