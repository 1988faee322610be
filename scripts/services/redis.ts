/**
 * Redis for `npm start` and `npm test`: REDIS_URL when set, otherwise a `redis-server` started under
 * the data dir with AOF persistence and `noeviction` (BullMQ loses jobs under any eviction policy).
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { freePort, waitForPort } from './ports';

export interface RunningRedis {
  url: string;
  stop(): Promise<void>;
  /** For the reliability suites: stop it (SIGTERM, which writes the AOF; or SIGKILL, a crash). */
  halt(how: 'graceful' | 'crash'): Promise<void>;
  /** Starts it again on the same port and data folder after `halt`. */
  resume(extraArgs?: string[]): Promise<void>;
}

export async function startRedisServer(opts: { dataDir: string; ephemeral?: boolean }): Promise<RunningRedis> {
  const dir = path.resolve(opts.dataDir, 'redis');
  await mkdir(dir, { recursive: true });
  const port = await freePort();
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--dir', dir,
    '--maxmemory-policy', 'noeviction',
    // Room for every test file that needs a logical database of its own (tests/helpers/redis-databases.ts).
    '--databases', '64',
    '--save', '',
    ...(opts.ephemeral ? ['--appendonly', 'no'] : ['--appendonly', 'yes', '--appendfsync', 'everysec']),
  ];
  let child = spawnRedis(args);
  await waitForPort(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      await child.stop('SIGTERM');
    },
    async halt(how) {
      await child.stop(how === 'crash' ? 'SIGKILL' : 'SIGTERM');
    },
    async resume(extraArgs = []) {
      child = spawnRedis([...args, ...extraArgs]);
      await waitForPort(port);
    },
  };
}

function spawnRedis(args: string[]) {
  const child = spawn('redis-server', args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('error', (e) => { throw new Error(`could not start redis-server: ${e.message}`); });
  return {
    async stop(signal: NodeJS.Signals) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
