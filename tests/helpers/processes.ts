import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { portalProcessArgs, type PortalEntry } from '../../scripts/portal-processes';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface PortalProcess {
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  child: ChildProcess;
}

/** Environment pointing a web or worker process at the suite's real services. */
export function portalEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: inject('redisUrl'),
    SMTP_URL: inject('smtpUrl'),
    MAIL_CAPTURE_DIR: inject('mailCaptureDir'),
    // Attachment bytes and uploads in the test run's own folder, never the repository's.
    DATA_DIR: inject('dataDir'),
    ...extra,
  };
}

/** Runs `server/index.ts` or `workers/index.ts` as its own process, as `npm start` does. */
export function startPortalProcess(entry: PortalEntry, env: NodeJS.ProcessEnv): PortalProcess {
  const child = spawn(process.execPath, portalProcessArgs(entry), { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export async function waitForOutput(proc: PortalProcess, pattern: RegExp, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(proc.output())) {
    if (proc.child.exitCode !== null) throw new Error(`process exited early:\n${proc.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${proc.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
