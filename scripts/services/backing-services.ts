/**
 * The three backing services, each either given by the environment (production, CI with its own
 * servers) or started locally under the data dir. Used by `npm start` and by the test suite.
 */
import { startMailCapture } from './mail-capture';
import { startEmbeddedPostgres } from './postgres';
import { startRedisServer } from './redis';

export interface BackingServices {
  databaseUrl: string;
  redisUrl: string;
  smtpUrl: string;
  /** Set when the project runs its own capture mailbox. */
  mailCaptureDir?: string;
  stop(): Promise<void>;
}

export async function startBackingServices(opts: {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  ephemeral?: boolean;
  log?: (line: string) => void;
}): Promise<BackingServices> {
  const env = opts.env ?? process.env;
  const stops: Array<() => Promise<void>> = [];
  const pg = env.DATABASE_URL
    ? { url: env.DATABASE_URL }
    : await startEmbeddedPostgres({ dataDir: opts.dataDir, database: 'portal', ephemeral: opts.ephemeral, log: opts.log });
  if ('stop' in pg) stops.push(pg.stop);
  const redis = env.REDIS_URL ? { url: env.REDIS_URL } : await startRedisServer({ dataDir: opts.dataDir, ephemeral: opts.ephemeral });
  if ('stop' in redis) stops.push(redis.stop);
  const mail = env.SMTP_URL ? { url: env.SMTP_URL, dir: undefined } : await startMailCapture({ dataDir: opts.dataDir });
  if ('stop' in mail) stops.push(mail.stop);
  return {
    databaseUrl: pg.url,
    redisUrl: redis.url,
    smtpUrl: mail.url,
    mailCaptureDir: mail.dir,
    async stop() {
      // Reverse order: the mailbox and Redis go before the database.
      for (const stop of stops.reverse()) await stop().catch(() => {});
    },
  };
}
