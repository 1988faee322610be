/**
 * Builds the portal when its build is older than the sources, starts real PostgreSQL, Redis and an
 * SMTP capture server once for the whole run (the same code `npm start` uses), applies migrations,
 * and hands the addresses to tests through `inject()`.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { spawnSync } from 'node:child_process';
import { runMigrations } from '../db/migrate';
import { buildIsStale } from '../scripts/process-build.mjs';
import { startBackingServices } from '../scripts/services/backing-services';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string;
    smtpUrl: string;
    mailCaptureDir: string;
    dataDir: string;
  }
}

export default async function setup(project: TestProject) {
  // Tests start the compiled web and worker processes: never an older build than the sources.
  if (buildIsStale()) {
    console.log('[tests] the build is older than the sources: npm run build');
    if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status !== 0) throw new Error('npm run build failed');
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'portal-test-'));
  // PostgreSQL runs as an unprivileged user when we are root: it must be able to enter the folder.
  chmodSync(dataDir, 0o755);
  // The suite always runs its own servers, so a developer's DATABASE_URL is never touched.
  const services = await startBackingServices({ dataDir, env: {} as NodeJS.ProcessEnv, ephemeral: true });
  await runMigrations(services.databaseUrl);
  project.provide('databaseUrl', services.databaseUrl);
  project.provide('redisUrl', services.redisUrl);
  project.provide('smtpUrl', services.smtpUrl);
  project.provide('mailCaptureDir', services.mailCaptureDir!);
  project.provide('dataDir', dataDir);
  return async () => {
    await services.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
