/**
 * The compiler's verdict on the whole project, tests and benchmarks included. The build (Vite,
 * esbuild) strips types without checking them, so without this a type error in code the tests
 * only run, or never run, would land unseen.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

describe('types', () => {
  it('the project type-checks (tsc --noEmit)', { timeout: 240_000 }, async () => {
    const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
    const result = await promisify(execFile)(process.execPath, [tsc, '--noEmit', '-p', root], { cwd: root, maxBuffer: 16 * 1024 * 1024 }).then(
      () => ({ code: 0, output: '' }),
      (error: { code?: number; stdout?: string }) => ({ code: error.code ?? 1, output: error.stdout ?? String(error) }),
    );
    // The errors themselves, so a failure says what to mend.
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });
});
