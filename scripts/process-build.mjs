/**
 * Where `npm run build` puts the portal's processes compiled to JavaScript, what they are built
 * from, and whether the build is older than its sources. Plain JavaScript with no dependencies:
 * scripts/bootstrap.mjs reads it before `npm install`, and the tests' global setup reads it to
 * rebuild before starting processes.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PROCESS_BUILD_DIR = path.join(ROOT, 'build/processes');

/** Each compiled process and the TypeScript entry it is built from. */
export const PROCESS_ENTRIES = {
  start: 'scripts/start.ts',
  server: 'server/index.ts',
  worker: 'workers/index.ts',
  'pdf-check-thread': 'app/modules/attachments/pdf-check-thread.ts',
};

/** The compiled file of a process named in PROCESS_ENTRIES. */
export const compiledProcess = (name) => path.join(PROCESS_BUILD_DIR, `${name}.js`);

/** The web app (Remix) and the processes are built together, from these. */
const BUILD_SOURCES = ['app', 'db', 'templates', 'server', 'workers', 'scripts', 'public', 'vite.config.ts', 'tsconfig.json', 'package.json'];
const BUILD_OUTPUTS = [path.join(ROOT, 'build/server/index.js'), ...Object.keys(PROCESS_ENTRIES).map(compiledProcess)];

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** The latest change to a file, or to anything in a folder. */
function newestIn(file) {
  if (!existsSync(file)) return 0;
  if (!statSync(file).isDirectory()) return mtime(file);
  let newest = 0;
  for (const entry of readdirSync(file)) newest = Math.max(newest, newestIn(path.join(file, entry)));
  return newest;
}

/** Whether `npm run build` has not run since a source last changed (or never ran). */
export function buildIsStale() {
  const built = Math.min(...BUILD_OUTPUTS.map(mtime));
  const sources = Math.max(...BUILD_SOURCES.map((source) => newestIn(path.join(ROOT, source))));
  return built === 0 || sources > built;
}
