#!/usr/bin/env node
/**
 * First step of `npm start` and `npm test` on any machine, fresh clone included: installs what is
 * missing (npm packages, OS packages), builds the web app and compiles the processes when their
 * sources changed, then hands over to the entry point. Plain JavaScript with no dependencies,
 * because it runs before `npm install`.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildIsStale, compiledProcess, ROOT as root } from './process-build.mjs';

const mode = process.argv[2];
const log = (msg) => console.log(`[bootstrap] ${msg}`);

/**
 * Debian packages each mode needs, each with how to tell it is there: a command on the PATH, or a
 * file. Chinese text in the test browser's screenshots needs a CJK font; Chromium from Debian
 * brings none, so it would draw empty boxes where a person's browser draws characters.
 */
const OS_PACKAGES = {
  start: [{ pkg: 'redis-server', command: 'redis-server' }],
  test: [
    { pkg: 'redis-server', command: 'redis-server' },
    { pkg: 'chromium', command: 'chromium' },
    { pkg: 'poppler-utils', command: 'pdftoppm' },
    { pkg: 'fonts-noto-cjk', file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc' },
  ],
};

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function run(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (result.status !== 0) {
    console.error(`[bootstrap] "${cmd} ${args.join(' ')}" failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

function ensureNodeModules() {
  const stamp = path.join(root, 'node_modules/.package-lock.json');
  const stale = Math.max(mtime(path.join(root, 'package.json')), mtime(path.join(root, 'package-lock.json'))) > mtime(stamp);
  if (!existsSync(stamp) || stale) {
    log('installing npm packages (npm install)…');
    // `npm ci` rejects this lockfile on Linux-only registries; `npm install` honours it.
    run('npm', ['install', '--no-audit', '--no-fund']);
  }
}

function has(binary) {
  return spawnSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' }).status === 0;
}

function ensureOsPackages(wanted) {
  const missing = wanted.filter(({ command, file }) => (command ? !has(command) : !existsSync(file)));
  if (missing.length === 0) return;
  const packages = missing.map(({ pkg }) => pkg);
  const isRoot = process.getuid?.() === 0;
  if (!has('apt-get') || !isRoot) {
    console.error(`[bootstrap] Missing: ${missing.map(({ command, file }) => command ?? file).join(', ')}. Install them with: sudo apt-get install -y ${packages.join(' ')}`);
    process.exit(1);
  }
  log(`installing OS packages: ${packages.join(' ')}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env });
}

function ensureBuild() {
  if (buildIsStale()) {
    log('building the web app and compiling the processes (npm run build)…');
    run('npm', ['run', 'build']);
  }
}

function handOver(cmd, args) {
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
  // Ctrl-C reaches the whole process group; we only wait for the child to finish its own shutdown.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const BENCHMARKS = { submit: 'bench/submit-rush.ts', queue: 'bench/moderation-queue.ts', listing: 'bench/public-listing.ts', export: 'bench/open-data-export.ts', book: 'bench/book.ts', receipt: 'bench/receipt-pdf.ts', ack: 'bench/acknowledgements.ts', weight: 'bench/page-weight.ts', lighthouse: 'bench/lighthouse.ts' };

/**
 * `bench` runs every benchmark in turn, each with its defaults; `bench <name> [options]` runs one
 * with its own options. Options without a name are refused: they would mean different things to
 * different benchmarks.
 */
function runBenchmarks(args) {
  const [name, ...options] = args;
  if (name !== undefined && !(name in BENCHMARKS)) {
    console.error(`usage: npm run bench [-- ${Object.keys(BENCHMARKS).join('|')} [options]]`);
    process.exit(2);
  }
  const files = name ? [BENCHMARKS[name]] : Object.values(BENCHMARKS);
  const next = () => {
    const file = files.shift();
    if (!file) process.exit(0);
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', file, ...(name ? options : [])], { cwd: root, stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, forward);
    child.on('exit', (code, signal) => {
      for (const s of ['SIGINT', 'SIGTERM']) process.off(s, forward);
      if (code !== 0) process.exit(code ?? (signal ? 1 : 0));
      next();
    });
  };
  next();
}

if (!['start', 'test', 'bench', 'reliability'].includes(mode)) {
  console.error('usage: node scripts/bootstrap.mjs start|test|bench|reliability [args]');
  process.exit(2);
}
ensureNodeModules();
ensureOsPackages(OS_PACKAGES[mode === 'test' ? 'test' : 'start']);
ensureBuild();
if (mode === 'start') handOver(process.execPath, [compiledProcess('start')]);
else if (mode === 'bench') runBenchmarks(process.argv.slice(3));
else if (mode === 'reliability') handOver(process.execPath, ['--import', 'tsx', 'reliability/run.ts', ...process.argv.slice(3)]);
else handOver(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...process.argv.slice(3)]);
