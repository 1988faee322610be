/**
 * The faults a reliability run injects while the load runs. Each is what happens in production:
 * a worker killed (OOM killer, a node lost) or stopped for a deploy, Redis restarted, crashed,
 * flushed by mistake or away for minutes, PostgreSQL restarted or crashed, the mail server down,
 * deferring (4xx), refusing (5xx) or accepting connections without ever greeting.
 *
 * Each fault returns when the system is back in its normal state (for the timed ones, after
 * `seconds`), and records what it did.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Cluster } from './cluster';
import type { SmtpMode } from './fault-smtp';
import { portalProcessArgs } from '../scripts/portal-processes';

export const FAULTS = [
  'worker-kill',
  'worker-graceful-stop',
  'redis-restart',
  'redis-crash',
  'redis-flushall',
  'redis-down',
  'redis-wrong-policy',
  'postgres-restart',
  'postgres-crash',
  'smtp-down',
  'smtp-4xx',
  'smtp-5xx',
  'smtp-no-greeting',
] as const;
export type Fault = (typeof FAULTS)[number];

export interface FaultEvent {
  fault: Fault;
  atSeconds: number;
  /** How long the fault lasted, for the ones that last. */
  seconds?: number;
  note?: string;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function injectFault(cluster: Cluster, fault: Fault, seconds: number): Promise<string | undefined> {
  const workers = cluster.processes.filter((p) => p.role === 'worker');
  const someWorker = () => workers[Math.floor(Math.random() * workers.length)];
  switch (fault) {
    case 'worker-kill':
      await someWorker().kill('SIGKILL');
      return;
    case 'worker-graceful-stop':
      await someWorker().kill('SIGTERM');
      return;
    case 'redis-restart':
      await cluster.redis.halt('graceful');
      await cluster.redis.resume();
      return;
    case 'redis-crash':
      await cluster.redis.halt('crash');
      await cluster.redis.resume();
      return;
    case 'redis-flushall':
      await cluster.flushRedis();
      return;
    case 'redis-down':
      await cluster.redis.halt('graceful');
      await sleep(seconds * 1000);
      await cluster.redis.resume();
      return;
    case 'redis-wrong-policy':
      return wrongEvictionPolicy(cluster);
    case 'postgres-restart':
      await cluster.postgres.restart('fast');
      return;
    case 'postgres-crash':
      await cluster.postgres.restart('crash');
      return;
    case 'smtp-down':
    case 'smtp-4xx':
    case 'smtp-5xx':
    case 'smtp-no-greeting': {
      const mode: Record<typeof fault, SmtpMode> = { 'smtp-down': 'down', 'smtp-4xx': 'tempfail', 'smtp-5xx': 'permfail', 'smtp-no-greeting': 'silent' };
      await cluster.smtp.setMode(mode[fault]);
      await sleep(seconds * 1000);
      await cluster.smtp.setMode('accept');
      return;
    }
  }
}

/**
 * Redis comes back with an evicting policy: a worker started then must refuse to run (exit
 * non-zero, naming the setting). Then Redis is put right again. Returns what happened.
 */
async function wrongEvictionPolicy(cluster: Cluster): Promise<string> {
  await cluster.redis.halt('graceful');
  await cluster.redis.resume(['--maxmemory-policy', 'allkeys-lru']);
  const probe = spawn(process.execPath, portalProcessArgs('workers/index.ts'), { cwd: root, env: { ...cluster.env, APP_URL: cluster.webUrls[0] }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  probe.stdout!.on('data', (d) => (output += d));
  probe.stderr!.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => probe.kill('SIGKILL'), 30_000);
    probe.once('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  await cluster.redis.halt('graceful');
  await cluster.redis.resume();
  const refused = code !== 0 && code !== null && /maxmemory-policy/.test(output);
  return refused ? 'refused to start' : `NOT REFUSED (exit ${code})`;
}
