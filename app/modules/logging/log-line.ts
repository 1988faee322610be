/**
 * The portal's logs: one JSON object per line, so a log collector reads them without guessing:
 * `time` (ISO 8601, UTC), `level`, `source` (web, api or worker), `msg`, and for failures `error`,
 * which must come from loggableError (no personal data, no secrets). Errors go to standard error,
 * everything else to standard output.
 */
export type LogSource = 'web' | 'api' | 'worker';

export function logInfo(source: LogSource, msg: string): void {
  console.log(JSON.stringify({ time: new Date().toISOString(), level: 'info', source, msg }));
}

/** `error` is loggableError's text of the failure. */
export function logError(source: LogSource, msg: string, error: string): void {
  console.error(JSON.stringify({ time: new Date().toISOString(), level: 'error', source, msg, error }));
}
