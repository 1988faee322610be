import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    setupFiles: ['tests/fail-on-console-error.ts', 'tests/load-catalogues.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Pages in Chromium answer within a second on a quiet machine; CI's two busy cores need more.
    expect: { poll: { timeout: 5_000 } },
    // Two cores: one file per core; files isolate their data by unique forums.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
