/**
 * What may be written to a log about an error. Logs leave the database's protection (files,
 * aggregators, support tickets), so they must hold no personal data and no secrets. A database
 * error's message quotes the failed query with its parameters — names, e-mail addresses, raw
 * status tokens — so for those only the kind, the SQLSTATE, the constraint and the stack frames are
 * kept. Other errors keep their message: the portal's own errors never put user data in one.
 */
interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  constraint_name?: unknown;
  stack?: unknown;
  cause?: unknown;
  query?: unknown;
  params?: unknown;
  severity?: unknown;
}

/** An error from the database layer (drizzle's wrapper, or postgres.js itself), anywhere in the cause chain. */
function databaseErrorIn(error: unknown): ErrorLike | undefined {
  for (let e = error as ErrorLike | undefined, depth = 0; e && typeof e === 'object' && depth < 5; e = e.cause as ErrorLike, depth++) {
    const fromDriver = typeof e.severity === 'string' && typeof e.code === 'string';
    const fromDrizzle = 'query' in e && 'params' in e;
    if (fromDriver || fromDrizzle) {
      // The driver's error (with the SQLSTATE) is the useful one when drizzle wrapped it.
      const cause = e.cause as ErrorLike | undefined;
      return cause && typeof cause.severity === 'string' ? cause : e;
    }
  }
  return undefined;
}

/** The stack's frames without its first line (which repeats the message). */
function framesOf(error: ErrorLike): string {
  return typeof error.stack === 'string' ? error.stack.split('\n').filter((line) => /^\s+at /.test(line)).join('\n') : '';
}

export function loggableError(error: unknown): string {
  if (!error || typeof error !== 'object') return `non-error thrown: ${typeof error}`;
  const e = error as ErrorLike;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const db = databaseErrorIn(error);
  if (db) {
    const parts = [`${name} (database)`];
    if (typeof db.code === 'string') parts.push(`SQLSTATE ${db.code}`);
    if (typeof db.constraint_name === 'string') parts.push(`constraint ${db.constraint_name}`);
    return [parts.join(', '), framesOf(e)].filter(Boolean).join('\n');
  }
  const message = typeof e.message === 'string' ? e.message : '';
  // A system or library code (ENOENT, EENVELOPE…) says what went wrong and names nobody.
  const code = typeof e.code === 'string' ? ` [${e.code}]` : '';
  return [`${name}${code}: ${message}`, framesOf(e)].filter(Boolean).join('\n');
}

/**
 * The error to hand to code that stores or prints whatever it is given: BullMQ writes a failed
 * job's message (failedReason) and stack into Redis, where they stay through every retry. An error
 * with a database error in it is replaced by one holding only what loggableError keeps; any other
 * is returned as it is (its type still matters to the caller, e.g. SmtpSendError).
 */
export function loggableFailure(error: unknown): unknown {
  if (!databaseErrorIn(error)) return error;
  const text = loggableError(error);
  const safe = new Error(text.split('\n')[0]);
  safe.name = typeof (error as ErrorLike).name === 'string' ? ((error as ErrorLike).name as string) : 'Error';
  safe.stack = text;
  return safe;
}
