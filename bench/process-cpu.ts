/**
 * CPU time of the processes a benchmark runs, from /proc: where a request's cost goes, per
 * process, when several share the machine's cores. PostgreSQL and Redis are counted by their
 * processes' names (every PostgreSQL backend, the postmaster and its helpers together).
 */
import { readdirSync, readFileSync } from 'node:fs';

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

/** CPU seconds so far of each named process, and of all PostgreSQL and all Redis processes. */
function cpuSnapshot(pids: Record<string, number>): Record<string, number> {
  const snapshot: Record<string, number> = { postgres: 0, redis: 0 };
  for (const [name, pid] of Object.entries(pids)) snapshot[name] = cpuSeconds(pid);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const name = processName(Number(entry));
    if (name.startsWith('postgres')) snapshot.postgres += cpuSeconds(Number(entry));
    else if (name.startsWith('redis')) snapshot.redis += cpuSeconds(Number(entry));
  }
  return snapshot;
}

/**
 * Starts counting; `perItem(n)` gives each process's CPU milliseconds per item over the `n`
 * items done since, e.g. per input stored. Backends that ended meanwhile are not counted.
 */
export function measureCpu(pids: Record<string, number>) {
  const before = cpuSnapshot(pids);
  return {
    perItem(items: number): Record<string, number> {
      const after = cpuSnapshot(pids);
      return Object.fromEntries(Object.keys(after).map((name) => [name, ((after[name] - (before[name] ?? 0)) * 1000) / Math.max(1, items)]));
    },
  };
}
