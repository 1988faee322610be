import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { missingProductionServices } from '../../app/modules/config/runtime-env';
import { compiledProcess } from '../../scripts/process-build.mjs';

describe('starting in production', () => {
  it('names every missing service and secret', () => {
    expect(missingProductionServices({ NODE_ENV: 'production' })).toEqual(['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'APP_URL', 'SESSION_SECRET']);
    expect(missingProductionServices({ NODE_ENV: 'development' })).toEqual([]);
  });

  it('`npm start` refuses local stand-ins for the database, Redis and SMTP, before starting anything', async () => {
    const child = spawn(process.execPath, [compiledProcess('start')], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), APP_URL: 'https://inputs.example.org', DATA_DIR: '/nonexistent/never-created' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain('NODE_ENV=production needs DATABASE_URL, REDIS_URL, SMTP_URL');
  });
});
