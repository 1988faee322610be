/** Error pages say what happened by status: gone is not "something went wrong". */
import { describe, expect, it } from 'vitest';
import { errorMessages } from '../../app/lib/error-messages';

describe('error messages by status', () => {
  it('name each status a person meets, and fall back to a server error', () => {
    expect(errorMessages(404)).toEqual(['notFound.title', 'notFound.body']);
    expect(errorMessages(410)).toEqual(['gone.title', 'gone.body']);
    expect(errorMessages(403)).toEqual(['forbidden.title', 'forbidden.body']);
    expect(errorMessages(405)).toEqual(['methodNotAllowed.title', 'methodNotAllowed.body']);
    expect(errorMessages(413)).toEqual(['formRefused.title', 'error.tooLong']);
    expect(errorMessages(415)).toEqual(['formRefused.title', 'error.form']);
    expect(errorMessages(500)).toEqual(['serverError.title', 'serverError.body']);
    expect(errorMessages(503)).toEqual(['serverError.title', 'serverError.body']);
  });
});
