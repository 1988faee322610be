/**
 * The worker process: relays the outbox into BullMQ and runs the jobs. Stopped cleanly by SIGINT or
 * SIGTERM: active jobs finish (up to a limit), then connections close.
 */
import { Queue, Worker } from 'bullmq';
import '../app/i18n/catalogues.server';
import { parseRuntimeEnv } from '../app/modules/config/runtime-env';
import { configuredFileStore } from '../app/modules/attachments/configured-file-store';
import { createDb } from '../db/client';
import { createMailer } from './mailer';
import { startMaintenance } from './maintenance';
import { startScheduledPublication } from './scheduled-publication';
import { startOutboxRelay } from './outbox-relay';
import { processOutboxJob } from './process-job';
import { QUEUE_CONCURRENCY, QUEUE_NAMES, jobDataSchema, type QueueName } from './queues';
import { assertNoEviction, createRedis } from './redis-connection';
import { loggableError } from '../app/modules/logging/loggable-error';
import { logError, logInfo } from '../app/modules/logging/log-line';

const SHUTDOWN_LIMIT_MS = 20_000;
const log = (msg: string) => logInfo('worker', msg);

const env = parseRuntimeEnv();
const handle = createDb(env.DATABASE_URL, { max: 6 });
const mailer = createMailer(env.SMTP_URL, env.MAIL_FROM);
const files = configuredFileStore(env);
const deps = { db: handle.db, mailer, files, env };

const producer = createRedis(env.REDIS_URL, 'producer');
await assertNoEviction(producer);
const workerConnection = createRedis(env.REDIS_URL, 'worker');

const queues = Object.fromEntries(QUEUE_NAMES.map((name) => [name, new Queue(name, { connection: producer })]));
// Every worker relays the outbox into all queues; it runs the jobs of its own (WORKER_QUEUES).
const workers = env.WORKER_QUEUES.map(
  (name) =>
    new Worker(
      name,
      async (job) => {
        const { outboxId } = jobDataSchema.parse(job.data);
        return processOutboxJob(deps, outboxId);
      },
      { connection: workerConnection, concurrency: QUEUE_CONCURRENCY[name as QueueName] },
    ),
);
for (const w of workers) {
  // Only ids and error text are logged: job data holds no personal data by contract.
  w.on('failed', (job, err) => logError('worker', `job ${job?.id} (${job?.name}) failed`, loggableError(err).split('\n')[0]));
  w.on('error', (err) => logError('worker', 'queue error', loggableError(err).split('\n')[0]));
}
const relay = startOutboxRelay(handle, queues, { redeliverAfterMs: env.OUTBOX_REDELIVER_AFTER_MS, log });
const maintenance = startMaintenance(handle.db, files, log);
const publication = startScheduledPublication(handle.db, log);
log(`ready (queues: ${env.WORKER_QUEUES.join(', ')})`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: finishing active jobs`);
  const force = setTimeout(() => {
    log('shutdown limit reached; exiting');
    process.exit(1);
  }, SHUTDOWN_LIMIT_MS);
  force.unref();
  maintenance.stop();
  publication.stop();
  await relay.stop();
  await Promise.all(workers.map((w) => w.close()));
  await Promise.all(Object.values(queues).map((q) => q.close()));
  producer.disconnect();
  workerConnection.disconnect();
  mailer.close();
  await handle.close();
  log('stopped');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
