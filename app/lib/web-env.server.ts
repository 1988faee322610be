/**
 * Web-only settings on top of the shared runtime env. Production refuses default secrets: a portal
 * that signs cookies with a published key protects nobody.
 */
import { z } from 'zod';
import { parseRuntimeEnv, type RuntimeEnv } from '../modules/config/runtime-env';

const DEV_SESSION_SECRET = 'development-only-secret-never-use-in-production';

const webEnvSchema = z.object({
  PORT: z.coerce.number().int().positive().default(3000),
  /**
   * The address the web server listens on. Outside production only this machine (the development
   * mailbox and demo accounts are for its user); in production every interface, behind the proxy.
   */
  HOST: z.string().optional(),
  SESSION_SECRET: z.string().min(32, { error: 'SESSION_SECRET must be at least 32 characters' }).optional(),
  /** Who must sign in with a TOTP code: admins always; 'everyone' makes it required for moderators too. */
  STAFF_TOTP: z.enum(['admins', 'everyone'], { error: 'STAFF_TOTP must be admins or everyone' }).default('admins'),
  /** The bearer token monitoring sends for GET /metrics; without one, /metrics does not exist. */
  METRICS_TOKEN: z.string().min(32, { error: 'METRICS_TOKEN must be at least 32 characters' }).optional(),
});

export type WebEnv = RuntimeEnv & { PORT: number; HOST: string; SESSION_SECRET: string; STAFF_TOTP: 'admins' | 'everyone'; METRICS_TOKEN?: string };

export function parseWebEnv(source: NodeJS.ProcessEnv = process.env): WebEnv {
  const runtime = parseRuntimeEnv(source);
  const web = webEnvSchema.safeParse(source);
  if (!web.success) throw new Error(`Invalid environment: ${web.error.issues.map((i) => i.message).join('; ')}`);
  if (runtime.NODE_ENV === 'production' && !web.data.SESSION_SECRET) {
    throw new Error('SESSION_SECRET is required in production (at least 32 random characters). Refusing to start.');
  }
  const host = web.data.HOST ?? (runtime.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1');
  return { ...runtime, PORT: web.data.PORT, HOST: host, SESSION_SECRET: web.data.SESSION_SECRET ?? DEV_SESSION_SECRET, STAFF_TOTP: web.data.STAFF_TOTP, METRICS_TOKEN: web.data.METRICS_TOKEN };
}
