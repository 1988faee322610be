/**
 * Settings both the web server and the worker need, validated once at start with zod so a typo
 * stops the process with a clear message instead of failing on the first request.
 */
import { z } from 'zod';
import { QUEUE_NAMES } from '../../../workers/queues';

/** A worker's hold on the outbox row it runs: longer than any job takes, SMTP timeouts included. */
export const DEFAULT_OUTBOX_CLAIM_MS = 300_000;

const runtimeEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url({ error: 'DATABASE_URL must be a postgres:// URL' }),
  REDIS_URL: z.string().url({ error: 'REDIS_URL must be a redis:// URL' }),
  SMTP_URL: z.string().url({ error: 'SMTP_URL must be an smtp:// or smtps:// URL' }),
  APP_URL: z.string().url().default('http://localhost:3000'),
  MAIL_FROM: z.string().default('UN Network on Migration <no-reply@localhost>'),
  /** Folder of the development capture mailbox, when the project runs one. */
  MAIL_CAPTURE_DIR: z.string().optional(),
  /** How long an outbox row may stay undone after being queued before it is queued again. */
  OUTBOX_REDELIVER_AFTER_MS: z.coerce.number().int().positive().default(120_000),
  OUTBOX_CLAIM_MS: z.coerce.number().int().positive().default(DEFAULT_OUTBOX_CLAIM_MS),
  /** Where local data lives (files, uploads in progress; the local services in development). */
  DATA_DIR: z.string().default('.data'),
  /** Where attachment bytes are kept: this machine's disk, or an S3-compatible store shared by every server. */
  FILE_STORE: z.enum(['local', 's3'], { error: 'FILE_STORE must be local or s3' }).default('local'),
  S3_ENDPOINT: z.string().url({ error: 'S3_ENDPOINT must be a URL' }).optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /**
   * The queues this worker runs, comma-separated (default: all). Workers scale per queue: e.g.
   * two for `email` on deadline day, one for `documents`, which renders PDFs.
   */
  WORKER_QUEUES: z
    .string()
    .optional()
    .transform((v) => (v ? [...new Set(v.split(',').map((q) => q.trim()).filter(Boolean))] : [...QUEUE_NAMES]))
    .refine((names) => names.length > 0 && names.every((n) => (QUEUE_NAMES as string[]).includes(n)), { error: `WORKER_QUEUES must name some of: ${QUEUE_NAMES.join(', ')}` }),
}).superRefine((env, ctx) => {
  if (env.FILE_STORE !== 's3') return;
  for (const name of ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
    if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: `${name} is required when FILE_STORE=s3` });
  }
});

export type RuntimeEnv = z.infer<typeof runtimeEnvSchema>;

/**
 * In production every backing service must be named: the embedded database, the local Redis and
 * the capture mailbox are for development, and silently falling back to them would lose data and
 * swallow every e-mail.
 */
export function missingProductionServices(source: NodeJS.ProcessEnv = process.env): string[] {
  if (source.NODE_ENV !== 'production') return [];
  return ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'APP_URL', 'SESSION_SECRET'].filter((name) => !source[name]);
}

export function parseRuntimeEnv(source: NodeJS.ProcessEnv = process.env): RuntimeEnv {
  const result = runtimeEnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return result.data;
}
