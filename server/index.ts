/**
 * The web process: Express serving the Remix build, static assets and the security headers.
 * Started by `npm start` (scripts/start.ts) next to the worker; stops cleanly on SIGINT/SIGTERM.
 */
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import { timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createCookies } from '../app/lib/cookies.server';
import { parseWebEnv } from '../app/lib/web-env.server';
import { createDb } from '../db/client';
import { configuredFileStore, uploadDirectory } from '../app/modules/attachments/configured-file-store';
import { collectMetrics } from '../app/modules/operations/metrics';
import { queueCounter } from '../app/modules/operations/queue-counts';
import { checkReadiness } from '../app/modules/operations/readiness';
import { createRedis, maxmemoryPolicy } from '../workers/redis-connection';
import { lastResortErrors } from './last-resort-errors';
import { logInfo } from '../app/modules/logging/log-line';
import { noStoreByDefault, securityHeaders, sameOriginWrites } from './security-headers';

const env = parseWebEnv();
const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const buildDir = path.join(root, 'build');
const build = (await import(pathToFileURL(path.join(buildDir, 'server/index.js')).href)) as ServerBuild;
const handle = createDb(env.DATABASE_URL, { max: 10 });
const cookies = createCookies(env);
const appOrigin = new URL(env.APP_URL).origin;
const files = configuredFileStore(env);
const uploadDir = uploadDirectory(env);

const app = express();
app.disable('x-powered-by');
app.set('trust proxy', 'loopback');
app.use(securityHeaders({ https: appOrigin.startsWith('https:') }));
app.use(sameOriginWrites([appOrigin]));
// Pages, scripts, styles, feeds and exports go compressed (gzip or Brotli as the browser accepts):
// the public pages must stay within 60 KB on slow networks. Streams stay streams.
app.use(compression());
// Fingerprinted assets never change: cache them for a year.
app.use('/assets', express.static(path.join(buildDir, 'client/assets'), { immutable: true, maxAge: '1y', index: false }));
app.use(express.static(path.join(buildDir, 'client'), { maxAge: '1h', index: false }));
app.use(noStoreByDefault);
app.get('/healthz', (_req, res) => {
  res.type('text/plain').send('ok');
});
// Only for /readyz and the queues' figures: the web process hands work to the worker through the
// outbox, not Redis. A fail-fast connection that reconnects by itself; its errors are what /readyz reports.
const redis = createRedis(env.REDIS_URL, 'producer');
redis.on('error', () => {});
app.get('/readyz', async (_req, res) => {
  const readiness = await checkReadiness({
    db: handle.db,
    redisMaxmemoryPolicy: () => maxmemoryPolicy(redis),
  });
  res.status(readiness.ready ? 200 : 503).json(readiness);
});
// BullMQ's jobs by queue and state, for /metrics and the admins' operations page (queues made on first use).
const queues = queueCounter(redis);
// Prometheus figures for the secretariat's monitoring, behind a bearer token (none set: no endpoint).
const metricsToken = env.METRICS_TOKEN ? Buffer.from(`Bearer ${env.METRICS_TOKEN}`) : undefined;
app.get('/metrics', async (req, res) => {
  if (!metricsToken) return void res.status(404).type('text/plain').send('Not found');
  const given = Buffer.from(req.get('authorization') ?? '');
  if (given.length !== metricsToken.length || !timingSafeEqual(given, metricsToken)) {
    return void res.status(401).set('WWW-Authenticate', 'Bearer').type('text/plain').send('Unauthorized');
  }
  try {
    const text = await collectMetrics({ db: handle.db, queueCounts: queues.counts });
    res.type('text/plain; version=0.0.4').send(text);
  } catch {
    res.status(503).type('text/plain').send('Metrics unavailable: the database did not answer.');
  }
});
app.all(
  '*',
  createRequestHandler({
    build,
    mode: env.NODE_ENV,
    getLoadContext: (req, res) => ({
      db: handle.db,
      env,
      cookies,
      nonce: res.locals.nonce as string,
      clientIp: req.ip ?? 'unknown',
      files,
      uploadDir,
      queueCounts: queues.counts,
    }),
  }),
);

app.use(lastResortErrors);

const server = app.listen(env.PORT, env.HOST, () => logInfo('web', `listening on ${env.APP_URL} (${env.HOST}:${env.PORT})`));
// Bounded timeouts: a slow client cannot hold a connection (and its memory) forever.
server.headersTimeout = 20_000;
server.requestTimeout = 120_000;
server.keepAliveTimeout = 5_000;

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logInfo('web', `${signal}: closing`);
  setTimeout(() => process.exit(1), 10_000).unref();
  server.close(async () => {
    await queues.close();
    redis.disconnect();
    await handle.close();
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
