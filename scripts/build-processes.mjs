#!/usr/bin/env node
/**
 * Compiles the portal's processes (the web server, the worker, the PDF check thread) from
 * TypeScript into plain JavaScript in build/processes, so that production runs on `node` alone.
 * Loading the sources through tsx instead costs every process a loader thread with its own
 * JavaScript heap, and every PDF check thread another: about 35 MB each (decision 025).
 *
 * Packages stay outside the bundles, loaded from node_modules as usual. Each source file keeps its
 * own `import.meta.url`: a module that finds a file next to itself (the migrations, the fonts'
 * packages) finds it where it always was, not next to the bundle.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PROCESS_BUILD_DIR = path.join(root, 'build/processes');

const ENTRIES = {
  server: 'server/index.ts',
  worker: 'workers/index.ts',
  'pdf-check-thread': 'app/modules/attachments/pdf-check-thread.ts',
};

/** Replaces `import.meta.url` in the project's own sources by the URL of the source file itself. */
const sourceFileUrls = {
  name: 'source-file-urls',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const fromBundle = path.relative(PROCESS_BUILD_DIR, args.path).split(path.sep).join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

await build({
  absWorkingDir: root,
  entryPoints: ENTRIES,
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
