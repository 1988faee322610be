/**
 * `npm start`: the whole portal on one machine. Backing services (PostgreSQL, Redis, SMTP capture)
 * come from the environment or are started under DATA_DIR; migrations run; in development demo
 * data is loaded; then the web and worker processes run until Ctrl-C stops everything in order.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createDb } from '../db/client';
import { runMigrations } from '../db/migrate';
import { seedDemoForums } from '../db/seed';
import { ensureDemoAdmin } from './demo-admin';
import { missingProductionServices } from '../app/modules/config/runtime-env';
import { portalProcessArgs, type PortalEntry } from './portal-processes';
import { startBackingServices } from './services/backing-services';
import { loggableError } from '../app/modules/logging/loggable-error';

const production = process.env.NODE_ENV === 'production';
const dataDir = path.resolve(process.env.DATA_DIR ?? '.data');
const port = Number(process.env.PORT ?? 3000);
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
const missing = missingProductionServices();
if (missing.length > 0) {
  console.error(`[start] NODE_ENV=production needs ${missing.join(', ')}; refusing to start with local stand-ins.`);
  process.exit(1);
}
mkdirSync(dataDir, { recursive: true });

const services = await startBackingServices({ dataDir, log: () => {} });
await runMigrations(services.databaseUrl);
let demoAdmin: { email: string; password: string } | undefined;
if (!production) {
  const handle = createDb(services.databaseUrl, { max: 1 });
  await seedDemoForums(handle.db);
  demoAdmin = await ensureDemoAdmin(handle.db, dataDir);
  await handle.close();
}
// Lets `npm run admin:create` find the running services.
writeFileSync(path.join(dataDir, 'runtime.json'), JSON.stringify({ databaseUrl: services.databaseUrl }, null, 2));

const childEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: process.env.NODE_ENV ?? 'development',
  DATABASE_URL: services.databaseUrl,
  REDIS_URL: services.redisUrl,
  SMTP_URL: services.smtpUrl,
  APP_URL: appUrl,
  PORT: String(port),
  ...(services.mailCaptureDir ? { MAIL_CAPTURE_DIR: services.mailCaptureDir } : {}),
};

const children = new Map<string, ChildProcess>();
let stopping = false;

function launch(name: string, entry: PortalEntry) {
  const child = spawn(process.execPath, portalProcessArgs(entry), { env: childEnv, stdio: 'inherit' });
  children.set(name, child);
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (stopping) return;
    console.error(`[start] ${name} exited (${signal ?? code}); restarting in 2 s`);
    setTimeout(() => !stopping && launch(name, entry), 2_000);
  });
}

launch('web', 'server/index.ts');
launch('worker', 'workers/index.ts');

console.log(`
  Portal:        ${appUrl}
  Staff sign-in: ${appUrl}/en/staff/login${demoAdmin ? `\n  Demo admin:    ${demoAdmin.email} / ${demoAdmin.password}   (development only)` : ''}${services.mailCaptureDir ? `\n  Captured mail: ${appUrl}/dev/mail` : ''}
  Data:          ${dataDir}
  Stop with Ctrl-C.
`);

async function shutdown() {
  if (stopping) return;
  stopping = true;
  console.log('[start] stopping web and worker…');
  await Promise.all(
    [...children.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  console.log('[start] stopping backing services…');
  await services.stop();
  process.exit(0);
}
process.on('uncaughtException', (error) => {
  // A database error here (seeding, the demo admin) would otherwise print its query's values.
  console.error(`[start] ${loggableError(error)}`);
  void shutdown();
});
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
