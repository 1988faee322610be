import type { AppLoadContext } from '@remix-run/node';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The capture mailbox folder. The viewer exists only outside production, only when a capture
 * mailbox runs, and only for this machine: its mails hold private status links, and a developer's
 * server may well be reachable from the rest of a network.
 */
export function requireDevMailbox(context: AppLoadContext): string {
  const dir = context.env.MAIL_CAPTURE_DIR;
  if (context.env.NODE_ENV === 'production' || !dir || !LOOPBACK.has(context.clientIp)) throw new Response('Not found', { status: 404 });
  return dir;
}
