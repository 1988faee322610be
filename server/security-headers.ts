import type { NextFunction, Request, Response } from 'express';
import { randomBytes } from 'node:crypto';

const OVERRIDABLE = new Set(['content-security-policy', 'x-frame-options', 'cache-control']);

/**
 * Security headers on every response, with a fresh CSP nonce per response (stored on res.locals,
 * passed to Remix through the load context, never through loader data).
 */
export function securityHeaders(opts: { https: boolean }) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString('base64');
    res.locals.nonce = nonce;
    res.setHeader(
      'Content-Security-Policy',
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
      ].join('; '),
    );
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    if (opts.https) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    // A route that sets its own policy (a sandboxed file, a framed e-mail preview) replaces the
    // default instead of adding to it: the Remix adapter appends headers.
    const append = res.append.bind(res);
    res.append = (name: string, value?: string | string[]) =>
      OVERRIDABLE.has(name.toLowerCase()) && value !== undefined ? res.setHeader(name, value) : append(name, value);
    next();
  };
}

/**
 * Pages and their data carry personal data: nothing answered after the static files may be stored
 * by browsers or proxies unless the route itself says otherwise.
 */
export function noStoreByDefault(_req: Request, res: Response, next: NextFunction) {
  res.setHeader('Cache-Control', 'no-store');
  next();
}

/**
 * CSRF defence for every state-changing request: the browser's Origin must be this portal; when a
 * browser omits Origin (older ones, some privacy settings), its Referer and Sec-Fetch-Site must not
 * name another site either. Together with SameSite cookies this stops cross-site form posts
 * without per-form tokens. Server-to-server API clients send none of these headers and pass.
 */
export function sameOriginWrites(allowedOrigins: string[]) {
  const allowed = new Set(allowedOrigins);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    const ownOrigin = `${req.protocol}://${req.get('host')}`;
    const isOurs = (origin: string) => allowed.has(origin) || origin === ownOrigin;
    const origin = req.get('origin');
    const referer = req.get('referer');
    const ok = origin
      ? isOurs(origin)
      : req.get('sec-fetch-site') !== 'cross-site' && (!referer || isOurs(originOf(referer)));
    if (ok) return next();
    if (req.path.startsWith('/api/')) {
      // The JSON API answers in its own format (RFC 9457); it serves no browser on another site.
      res.status(403).type('application/problem+json').send(
        JSON.stringify({ type: '/api/v1/problems/cross-site-request', title: 'Cross-site request refused', status: 403 }),
      );
      return;
    }
    res.status(403).type('text/plain').send('Cross-site request refused.');
  };
}

/** The origin a Referer names; "null" (refused) for anything that is not an absolute http(s) URL. */
function originOf(referer: string): string {
  try {
    const url = new URL(referer);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : 'null';
  } catch {
    return 'null';
  }
}
