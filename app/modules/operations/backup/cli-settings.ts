/**
 * What `npm run backup` and `npm run restore` read from the environment, as the web server and the
 * worker do: DATABASE_URL (or the local database of a running `npm start`), DATA_DIR for the local
 * file store, and FILE_STORE. Only these: the tools need no Redis, mail server or session secret.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface BackupSettings {
  databaseUrl: string;
  /** The local store's folder, or null when FILE_STORE=s3 (the bucket keeps its own copies; ADR 015). */
  filesRoot: string | null;
}

export function backupSettings(env: NodeJS.ProcessEnv = process.env): BackupSettings {
  const dataDir = env.DATA_DIR ?? '.data';
  return { databaseUrl: databaseUrl(env, dataDir), filesRoot: env.FILE_STORE === 's3' ? null : path.resolve(dataDir, 'files') };
}

function databaseUrl(env: NodeJS.ProcessEnv, dataDir: string): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  const runtime = path.resolve(dataDir, 'runtime.json');
  if (existsSync(runtime)) return JSON.parse(readFileSync(runtime, 'utf8')).databaseUrl;
  throw new Error('Set DATABASE_URL, or run this while `npm start` is running.');
}
