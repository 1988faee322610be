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
  it('names the variable that is wrong', () => {
    expect(() => parseWebEnv({ ...base, DATABASE_URL: 'nope' })).toThrow(/DATABASE_URL/);
  });
});
