/**
 * The production build's web process, as `npm start` runs it, on services a benchmark started: the
 * benchmarks that send requests over HTTP measure the real thing, not a function called in-process.
 */
import { spawn } from 'node:child_process';
import type { BackingServices } from '../scripts/services/backing-services';
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
