/**
 * `npm start` as a person runs it, from the build: the compiled supervisor starts its own services,
 * the web process (which must find the Remix build, its PDF check thread and its assets) and the
 * worker, serves the demo forum, and stops everything on Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compiledProcess } from '../../scripts/process-build.mjs';
import { freePort } from '../../scripts/services/ports';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'portal-npm-start-'));
// PostgreSQL runs as an unprivileged user when we are root: it must be able to enter the folder.
chmodSync(dataDir, 0o755);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function answer(url: string, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fetch(url);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

describe('npm start', () => {
  it('serves the demo forum from the compiled processes, then stops on Ctrl-C', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [compiledProcess('start')], {
      // npm start's own environment on a fresh machine: no NODE_ENV, no URLs of services.
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), DATA_DIR: dataDir } as Partial<NodeJS.ProcessEnv> as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      expect((await answer(`http://127.0.0.1:${port}/healthz`, 60_000)).status).toBe(200);
      const home = await fetch(`http://127.0.0.1:${port}/en`);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('International Migration Review Forum 2026 (demo)');
      // The worker is up when it reports ready; neither process has had to be restarted.
      await expect.poll(() => output, { timeout: 30_000 }).toMatch(/ready/);
      expect(output).not.toMatch(/exited \(/);
    } catch (error) {
      throw new Error(`${error}\n--- what npm start printed:\n${output}`);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  }, 120_000);
});
