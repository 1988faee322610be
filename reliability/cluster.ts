/**
 * Everything a reliability run needs, each part stoppable and breakable on demand: PostgreSQL
 * (embedded, restartable and crashable), Redis (its own redis-server with AOF, restartable and
 * crashable), the fault SMTP server, and N web and M worker processes run from the real entry
 * points under a supervisor that restarts any that die, as systemd or a container platform would.
 *
 * The supervisor tells apart the exits the run caused (kills, crash points) from any other exit
 * of a process that was up: those are defects ("web and worker stay alive and recover by
 * themselves"), and the run reports them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { createDb, type DbHandle } from '../db/client';
import { runMigrations } from '../db/migrate';
import { portalProcessArgs } from '../scripts/portal-processes';
import { freePort } from '../scripts/services/ports';
import { startEmbeddedPostgres, type RunningPostgres } from '../scripts/services/postgres';
import { startRedisServer, type RunningRedis } from '../scripts/services/redis';
import { startFaultSmtp, type FaultSmtp } from './fault-smtp';

const root = fileURLToPath(new URL('..', import.meta.url));
export const RUN_SESSION_SECRET = 'reliability-session-secret-that-is-long-enough-0123456789';

export interface ClusterOptions {
  webs: number;
  workers: number;
  /** PORTAL_CRASH_POINTS for the workers (see app/modules/operations/crash-points.ts). */
  crashPoints?: string;
  /** How long the relay waits before queueing an undone row again. */
  redeliverAfterMs?: number;
  /** A worker's hold on the row it runs: what a killed worker's work waits before another takes it. */
  claimMs?: number;
}

/** Each process's whole output, kept after the run (the data folder is not) for investigation. */
export const logDirectory = (runDir: string) => path.join(os.tmpdir(), 'portal-reliability-logs', path.basename(runDir));

export interface Supervised {
  role: 'web' | 'worker';
  index: number;
  /** Exits the run caused on purpose: SIGKILLs, crash points, graceful stops. */
  expectedExits: number;
  crashPointExits: Map<string, number>;
  /** Exits of a process that was up, not caused by the run: each one is a defect. */
  unexpectedExits: string[];
  /** Starts that failed before the process was ready (e.g. a worker started while Redis is down). */
  failedStarts: number;
  kill(signal: NodeJS.Signals): Promise<void>;
  pid(): number | undefined;
}

export interface Cluster {
  dataDir: string;
  logDir: string;
  databaseUrl: string;
  redisUrl: string;
  webUrls: string[];
  db: DbHandle;
  postgres: RunningPostgres;
  redis: RunningRedis;
  smtp: FaultSmtp;
  processes: Supervised[];
  env: NodeJS.ProcessEnv;
  flushRedis(): Promise<void>;
  stop(): Promise<void>;
}

export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'portal-reliability-'));
  // The embedded server runs as the unprivileged `postgres` user when we are root.
  chmodSync(dataDir, 0o755);
  const postgres = await startEmbeddedPostgres({ dataDir, database: 'portal', ephemeral: false });
  // Durable like production: a Redis crash loses at most the last second, a restart nothing.
  const redis = await startRedisServer({ dataDir, ephemeral: false });
  const smtp = await startFaultSmtp();
  await runMigrations(postgres.url);
  const db = createDb(postgres.url, { max: 4 });

  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    SMTP_URL: smtp.url,
    SESSION_SECRET: RUN_SESSION_SECRET,
    DATA_DIR: path.join(dataDir, 'portal'),
    OUTBOX_REDELIVER_AFTER_MS: String(opts.redeliverAfterMs ?? 15_000),
    OUTBOX_CLAIM_MS: String(opts.claimMs ?? 60_000),
  };
  const logs = logDirectory(dataDir);
  mkdirSync(logs, { recursive: true });
  const ports = await Promise.all(Array.from({ length: opts.webs }, () => freePort()));
  const webUrls = ports.map((p) => `http://127.0.0.1:${p}`);
  const processes: Supervised[] = [
    // Every web process names the first as APP_URL: links in e-mails point at one address, as
    // behind a load balancer.
    ...ports.map((port, i) => supervise('web', i, { ...env, PORT: String(port), APP_URL: webUrls[0] }, logs)),
    ...Array.from({ length: opts.workers }, (_, i) => supervise('worker', i, { ...env, APP_URL: webUrls[0], PORTAL_CRASH_POINTS: opts.crashPoints ?? '' }, logs)),
  ];
  await Promise.all(processes.map((p) => (p as SupervisedInternal).ready));

  return {
    dataDir,
    logDir: logs,
    databaseUrl: postgres.url,
    redisUrl: redis.url,
    webUrls,
    db,
    postgres,
    redis,
    smtp,
    processes,
    env,
    async flushRedis() {
      const client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
      await client.flushall();
      client.disconnect();
    },
    async stop() {
      await Promise.all(processes.map((p) => (p as SupervisedInternal).shutdown()));
      await db.close();
      await smtp.stop();
      await redis.stop();
      await postgres.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface SupervisedInternal extends Supervised {
  ready: Promise<void>;
  shutdown(): Promise<void>;
}

const READY = { web: /listening/, worker: /"ready/ } as const;
const RESTART_DELAY_MS = 500;

/** Runs one web or worker process, restarting it whenever it exits until `shutdown`. */
function supervise(role: 'web' | 'worker', index: number, env: NodeJS.ProcessEnv, logDir: string): SupervisedInternal {
  const logFile = path.join(logDir, `${role}-${index}.log`);
  let child: ChildProcess | undefined;
  let up = false;
  let stopping = false;
  let exitsWeCaused = 0;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const self: SupervisedInternal = {
    role,
    index,
    expectedExits: 0,
    crashPointExits: new Map(),
    unexpectedExits: [],
    failedStarts: 0,
    ready,
    pid: () => child?.pid,
    async kill(signal) {
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      exitsWeCaused++;
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill(signal);
      await exited;
    },
    async shutdown() {
      stopping = true;
      if (child && child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child!.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
  const start = () => {
    up = false;
    let tail = '';
    const proc = spawn(process.execPath, portalProcessArgs(role === 'web' ? 'server/index.ts' : 'workers/index.ts'), { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    const watch = (d: Buffer) => {
      appendFileSync(logFile, d);
      tail = (tail + d.toString()).slice(-4000);
      if (!up && READY[role].test(tail)) {
        up = true;
        markReady();
      }
    };
    proc.stdout!.on('data', watch);
    proc.stderr!.on('data', watch);
    proc.once('exit', (code, signal) => {
      const crashPoint = /crash point ([a-z-]+)/.exec(tail)?.[1];
      if (crashPoint) self.crashPointExits.set(crashPoint, (self.crashPointExits.get(crashPoint) ?? 0) + 1);
      if (exitsWeCaused > 0) {
        exitsWeCaused--;
        self.expectedExits++;
      } else if (crashPoint) self.expectedExits++;
      else if (stopping) return;
      else if (up) self.unexpectedExits.push(`${role} ${index} exited (${signal ?? code}): ${firstErrorLine(tail)} (see ${logFile})`);
      else self.failedStarts++;
      if (!stopping) setTimeout(start, RESTART_DELAY_MS);
    });
  };
  start();
  return self;
}

function firstErrorLine(text: string): string {
  return text.split('\n').find((l) => /error/i.test(l))?.slice(0, 300) ?? text.trim().split('\n').slice(-1)[0];
}
