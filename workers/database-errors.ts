/**
 * Tells "PostgreSQL was briefly unreachable" from every other error. The job runner retries the
 * former without counting it against the row: a database restart is nobody's fault, and the design
 * promises that an acknowledgement survives one (docs: /work/shared/design/reliability.md, promise 1).
 */

/** postgres.js connection failures, and the socket errors beneath them. */
const CONNECTION_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
]);

/**
 * SQLSTATEs that describe the server, not the statement: 08 connection exception, 53 insufficient
 * resources, 57P01–57P03 shutdown / crash / not yet accepting connections, 40001/40P01 serialization
 * failure and deadlock (the statement would succeed if run again).
 */
const TRANSIENT_SQLSTATE = /^(08|53|57P0[123]$|40001$|40P01$)/;

export function isDatabaseUnavailable(error: unknown): boolean {
  // drizzle wraps the driver's error as `cause`; walk the chain (bounded, in case of a cycle).
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || TRANSIENT_SQLSTATE.test(code))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
