import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    setupFiles: ['tests/fail-on-console-error.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: one file per core; files isolate their data by unique forums.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
