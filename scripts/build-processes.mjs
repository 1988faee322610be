#!/usr/bin/env node
/**
 * Compiles the portal's processes (npm start's supervisor, the web server, the worker, the PDF
 * check thread) from TypeScript into plain JavaScript in build/processes (scripts/process-build.mjs
 * names them), so that they run on `node` alone. Loading the sources through tsx instead costs
 * every process a loader thread with its own JavaScript heap, and every PDF check thread another:
 * about 35 MB each (decision 025).
 *
 * Packages stay outside the bundles, loaded from node_modules as usual. Each source file keeps its
 * own `import.meta.url`: a module that finds a file beside itself (the migrations folder, the
 * project's root, the fonts' packages) finds it where it always was, not beside the bundle.
 */
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { PROCESS_BUILD_DIR, PROCESS_ENTRIES, ROOT } from './process-build.mjs';

const LOADERS = { '.ts': 'ts', '.tsx': 'tsx', '.mts': 'ts', '.js': 'js', '.mjs': 'js' };

/** Replaces `import.meta.url` in the project's own sources by the URL of the source file itself. */
const sourceFileUrls = {
  name: 'source-file-urls',
  setup(build) {
    build.onLoad({ filter: /\.(tsx?|mts|m?js)$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const fromBundle = path.relative(PROCESS_BUILD_DIR, args.path).split(path.sep).join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), loader: LOADERS[path.extname(args.path)] };
    });
  },
};

// Chunks are named by content: without this, each build would leave the previous ones behind.
rmSync(PROCESS_BUILD_DIR, { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: PROCESS_ENTRIES,
  outdir: PROCESS_BUILD_DIR,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Shared modules in one file each, not copied into every entry.
  splitting: true,
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [sourceFileUrls],
});
