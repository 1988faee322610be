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
import { freePort } from '../scripts/services/ports';

export const BENCH_SESSION_SECRET = 'bench-session-secret-that-is-long-enough-0123456789';

export async function startWebProcess(services: Pick<BackingServices, 'databaseUrl' | 'redisUrl' | 'smtpUrl'>): Promise<{ appUrl: string; stop: () => void }> {
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const web = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATABASE_URL: services.databaseUrl,
      REDIS_URL: services.redisUrl,
      SMTP_URL: services.smtpUrl,
      SESSION_SECRET: BENCH_SESSION_SECRET,
      PORT: String(port),
      APP_URL: appUrl,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    web.stdout!.on('data', (d: Buffer) => d.toString().includes('listening') && resolve());
    web.once('exit', (code) => reject(new Error(`web process exited with ${code}`)));
  });
  return { appUrl, stop: () => web.kill('SIGTERM') };
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
