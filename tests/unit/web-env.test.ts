import { describe, expect, it } from 'vitest';
import { parseWebEnv } from '../../app/lib/web-env.server';

const base = { DATABASE_URL: 'postgres://u:p@localhost/db', REDIS_URL: 'redis://localhost:6379', SMTP_URL: 'smtp://localhost:25' } as unknown as NodeJS.ProcessEnv;

describe('web settings', () => {
  it('refuses to start in production without SESSION_SECRET', () => {
    expect(() => parseWebEnv({ ...base, NODE_ENV: 'production' })).toThrow(/SESSION_SECRET is required in production/);
  });
  it('refuses a short SESSION_SECRET', () => {
    expect(() => parseWebEnv({ ...base, NODE_ENV: 'production', SESSION_SECRET: 'short' })).toThrow(/at least 32/);
  });
  it('starts in production with a real secret, and in development with the development one', () => {
    const secret = 'x'.repeat(40);
    expect(parseWebEnv({ ...base, NODE_ENV: 'production', SESSION_SECRET: secret }).SESSION_SECRET).toBe(secret);
    expect(parseWebEnv({ ...base }).SESSION_SECRET).toMatch(/development-only/);
  });
  it('listens on this machine only outside production, on every interface in production, or where HOST says', () => {
    const secret = 'x'.repeat(40);
    expect(parseWebEnv({ ...base }).HOST).toBe('127.0.0.1');
    expect(parseWebEnv({ ...base, NODE_ENV: 'production', SESSION_SECRET: secret }).HOST).toBe('0.0.0.0');
    expect(parseWebEnv({ ...base, HOST: '::' }).HOST).toBe('::');
  });
  it('names the variable that is wrong', () => {
    expect(() => parseWebEnv({ ...base, DATABASE_URL: 'nope' })).toThrow(/DATABASE_URL/);
  });
});
