/**
 * Builds app/enhance (the small script that improves the server-rendered public pages) into one
 * minified, fingerprinted file, and gives its address to the app as `virtual:enhance-script`.
 * Remix bundles only the hydrated application; this script has no React and no router, so it is
 * built on its own, by Vite's own bundler, in the same `npm run build`.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { build, type Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:enhance-script';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

async function bundleEnhanceScript(entry: string): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      target: 'es2019',
      minify: true,
      lib: { entry, formats: ['iife'], name: 'portalEnhance', fileName: 'enhance' },
      rollupOptions: { output: { inlineDynamicImports: true } },
    },
  });
  const [result] = Array.isArray(output) ? output : [output];
  if (!('output' in result)) throw new Error('the enhance script build did not produce output');
  const chunk = result.output.find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('the enhance script build produced no chunk');
  return chunk.code;
}

export function enhanceScriptPlugin(): Plugin {
  const entry = path.resolve('app/enhance/index.ts');
  let built: Promise<{ code: string; fileName: string }> | undefined;
  const script = () =>
    (built ??= bundleEnhanceScript(entry).then((code) => ({
      code,
      fileName: `assets/enhance-${createHash('sha256').update(code).digest('hex').slice(0, 10)}.js`,
    })));
  return {
    name: 'portal-enhance-script',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    async load(id, options) {
      if (id !== RESOLVED_ID) return undefined;
      const { code, fileName } = await script();
      // The browser build writes the file beside the other fingerprinted assets; the server build
      // only needs its address, which is the same in both.
      if (!options?.ssr) this.emitFile({ type: 'asset', fileName, source: code });
      return `export default ${JSON.stringify(`/${fileName}`)};`;
    },
  };
}
