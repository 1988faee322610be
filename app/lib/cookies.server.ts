import { createCookie } from '@remix-run/node';
import type { WebEnv } from './web-env.server';

/** Cookies are created once per process from the env: Secure whenever the portal is served over TLS. */
export function createCookies(env: WebEnv) {
  const secure = new URL(env.APP_URL).protocol === 'https:';
  return {
    /** Raw random session token (not signed: it is unguessable and looked up server-side). */
    staffSession: createCookie('staff_session', { httpOnly: true, sameSite: 'lax', secure, path: '/' }),
    /** The interface language last used, for the bare address (a preference only: not signed). */
    language: createCookie('lang', { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 365 * 24 * 3600 }),
    /** Carries the new reference from the submit POST to the "received" page for a few minutes. */
    received: createCookie('received', {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      maxAge: 600,
      secrets: [env.SESSION_SECRET],
    }),
  };
}

export type Cookies = ReturnType<typeof createCookies>;
