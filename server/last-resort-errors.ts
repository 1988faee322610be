/**
 * Errors that reach Express itself (a path that is not valid percent-encoding, a failure outside
 * Remix). Express's own error page prints the stack trace, with file paths, outside production;
 * here a malformed path is simply not found, and anything else is logged the safe way and answered
 * with a plain sentence.
 */
import type { ErrorRequestHandler } from 'express';
import { loggableError } from '../app/modules/logging/loggable-error';
import { logError } from '../app/modules/logging/log-line';

export const lastResortErrors: ErrorRequestHandler = (error, req, res, _next) => {
  const malformedPath = error instanceof URIError;
  if (!malformedPath) logError('web', `${req.method} failed outside the app`, loggableError(error));
  if (res.headersSent) {
    res.end();
    return;
  }
  res
    .status(malformedPath ? 404 : 500)
    .type('text/plain; charset=utf-8')
    .send(malformedPath ? 'Not found.' : 'Something went wrong on our side. Please try again later.');
};
