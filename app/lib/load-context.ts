import type { Db } from '../../db/client';
import type { WebEnv } from './web-env.server';
import type { Cookies } from './cookies.server';
import type { FileStore } from '../modules/attachments/file-store';
import type { QueueCounts } from '../modules/operations/queue-counts';

/** What the HTTP server hands every loader and action (see server/index.ts). */
export interface PortalContext {
  db: Db;
  env: WebEnv;
  cookies: Cookies;
  /** Per-response CSP nonce; reaches <Scripts> through React context, never loader data. */
  nonce: string;
  /** The client's address (behind a trusted proxy: the forwarded one), for throttling only. */
  clientIp: string;
  /** Where attachment bytes are kept. */
  files: FileStore;
  /** Folder for uploads while they are read and checked (never kept there). */
  uploadDir: string;
  /** BullMQ's jobs by queue and state (the operations page); undefined when Redis does not answer. */
  queueCounts: () => Promise<QueueCounts | undefined>;
}

declare module '@remix-run/node' {
  interface AppLoadContext extends PortalContext {}
  // Single fetch: loaders and actions return plain data (typed with `data()` for status codes).
  interface Future {
    v3_singleFetch: true;
  }
}
