import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { createDb, type DbHandle } from '../../db/client';
import { freePort } from '../../scripts/services/ports';
import { isolatedStack } from './isolated-stack';
import { portalEnv, startPortalProcess, waitForOutput, type PortalProcess } from './processes';

/** The whole portal as `npm start` runs it (web + worker processes), on its own database. */
export async function startPortalUnderTest(redisDbIndex: number, extraEnv: Record<string, string> = {}) {
  const stack = await isolatedStack(redisDbIndex);
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  // Its own data folder (attachments, uploads being checked): test files run in parallel, and one
  // file's uploads in progress must not show up in another's checks.
  const dataDir = path.join(inject('dataDir'), `portal-${redisDbIndex}`);
  mkdirSync(dataDir, { recursive: true });
  const env = portalEnv({ DATABASE_URL: stack.databaseUrl, REDIS_URL: stack.redisUrl, PORT: String(port), APP_URL: appUrl, DATA_DIR: dataDir, ...extraEnv });
  const web = startPortalProcess('server/index.ts', env);
  const worker = startPortalProcess('workers/index.ts', env);
  await Promise.all([waitForOutput(web, /listening/), waitForOutput(worker, /ready/)]);
  const handle: DbHandle = createDb(stack.databaseUrl, { max: 2 });
  mkdirSync('test-results/screenshots', { recursive: true });
  return {
    appUrl,
    dataDir,
    /** Its own database and Redis database, for a second process on the same data. */
    databaseUrl: stack.databaseUrl,
    redisUrl: stack.redisUrl,
    db: handle.db,
    web,
    worker,
    async stop() {
      const procs: PortalProcess[] = [web, worker];
      await Promise.all(procs.map((p) => p.stop()));
      await handle.close();
    },
  };
}
