/**
 * The capture mailbox used when SMTP_URL is unset: a real SMTP server (smtp-server) that accepts every
 * message on loopback and keeps it as an .eml file. Staff read them at /dev/mail in development, and
 * tests read them with the same reader (app/modules/mailbox).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { freePort } from './ports';

export interface RunningMailCapture {
  url: string;
  dir: string;
  stop(): Promise<void>;
}

export async function startMailCapture(opts: { dataDir: string; port?: number }): Promise<RunningMailCapture> {
  const dir = path.resolve(opts.dataDir, 'mail');
  await mkdir(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    size: 50 * 1024 * 1024,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        try {
          // Time-ordered, collision-free name; written then renamed so readers never see half a file.
          const name = `${Date.now().toString().padStart(15, '0')}-${randomUUID()}.eml`;
          await writeFile(path.join(dir, `.${name}.tmp`), Buffer.concat(chunks));
          await rename(path.join(dir, `.${name}.tmp`), path.join(dir, name));
          callback();
        } catch (e) {
          callback(e as Error);
        }
      });
    },
  });
  const port = opts.port ?? (await freePort());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    dir,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
