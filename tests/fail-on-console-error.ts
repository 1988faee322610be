import { afterEach, vi } from 'vitest';

/** An unexpected console.error is a bug the test did not look for: fail the test that caused it. */
const errors: unknown[][] = [];
vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
  errors.push(args);
});
afterEach(() => {
  if (errors.length > 0) {
    const seen = errors.splice(0).map((a) => a.map(String).join(' ')).join('\n');
    throw new Error(`console.error was called:\n${seen}`);
  }
});
