import type { AppLoadContext } from '@remix-run/node';

/** The capture mailbox folder; the viewer exists only outside production and only when one runs. */
export function requireDevMailbox(context: AppLoadContext): string {
  const dir = context.env.MAIL_CAPTURE_DIR;
  if (context.env.NODE_ENV === 'production' || !dir) throw new Response('Not found', { status: 404 });
  return dir;
}
