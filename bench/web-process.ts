/**
 * The services and the production build's web process, as `npm start` runs them, for the
 * benchmarks that send requests over HTTP: they measure the real thing, not a function called
 * in-process.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, type DbHandle } from '../db/client';
import { runMigrations } from '../db/migrate';
import { startBackingServices, type BackingServices } from '../scripts/services/backing-services';
import { portalProcessArgs } from '../scripts/portal-processes';
import { freePort } from '../scripts/services/ports';

export const BENCH_SESSION_SECRET = 'bench-session-secret-that-is-long-enough-0123456789';

type Services = Pick<BackingServices, 'databaseUrl' | 'redisUrl' | 'smtpUrl'>;

export interface PortalProcess {
  appUrl: string;
  pid: number;
  stop: () => Promise<void>;
}

function portalEnv(services: Services, port: number, appUrl: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    SMTP_URL: services.smtpUrl,
    SESSION_SECRET: BENCH_SESSION_SECRET,
    PORT: String(port),
    APP_URL: appUrl,
  };
}

/** Runs `node` with `args` and resolves once its output includes `ready` (each process says when it is). */
export async function startBenchProcess(args: string[], env: NodeJS.ProcessEnv, ready: string): Promise<{ pid: number; stop: () => Promise<void> }> {
  const entry = args[args.length - 1];
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (d: Buffer) => {
      if (seen.includes(ready)) return;
      seen += d.toString();
      if (seen.includes(ready)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Stopped as a platform stops it (SIGTERM), and waited for: its shutdown is part of the run.
  return { pid: child.pid!, stop: () => (child.kill('SIGTERM'), exited) };
}

/** The web process; `cpuProfileDir` has Node write a CPU profile there when it stops (--cpu-prof). */
export async function startWebProcess(services: Services, cpuProfileDir?: string): Promise<PortalProcess> {
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const profiling = cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfileDir] : [];
  return { appUrl, ...(await startBenchProcess(portalProcessArgs('server/index.ts', profiling), portalEnv(services, port, appUrl), 'listening')) };
}

/**
 * The worker, as `npm start` runs it beside a web process at `appUrl` (the links its e-mails
 * carry); `cpuProfileDir` as for the web process.
 */
export async function startWorkerProcess(services: Services, appUrl: string, cpuProfileDir?: string): Promise<{ pid: number; stop: () => Promise<void> }> {
  const profiling = cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfileDir] : [];
  return startBenchProcess(portalProcessArgs('workers/index.ts', profiling), portalEnv(services, 0, appUrl), 'ready');
}

/** Throw-away PostgreSQL (migrated), Redis and mail capture in a temporary folder, removed by `stop`. */
export async function startBenchServices(name: string): Promise<{ services: BackingServices; handle: DbHandle; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `portal-bench-${name}-`));
  chmodSync(dataDir, 0o755);
  const services = await startBackingServices({ dataDir, env: {} as NodeJS.ProcessEnv, ephemeral: true });
  const handle = createDb(services.databaseUrl, { max: 2 });
  await runMigrations(services.databaseUrl);
  return {
    services,
    handle,
    async stop() {
      await handle.close();
      await services.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
