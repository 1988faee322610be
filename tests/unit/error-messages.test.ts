/** Error pages say what happened by status: gone is not "something went wrong". */
import { describe, expect, it } from 'vitest';
import { UNSAFE_ErrorResponseImpl as ErrorResponseImpl } from '@remix-run/router';
import { errorMessages, errorMessagesOf } from '../../app/lib/error-messages';

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

describe('the words of a thrown error page', () => {
  const thrown = (status: number, data: unknown) => new ErrorResponseImpl(status, '', data);

  it('are the ones a message page names, so a 403 can say why', () => {
    const page = '<main id="main" data-error-title="forbidden.title" data-error-body="forbidden.forum.body"><h1>…</h1></main>';
    expect(errorMessagesOf(thrown(403, page))).toEqual(['forbidden.title', 'forbidden.forum.body']);
  });

  it('go by status when the page names none, or names something that is no message', () => {
    expect(errorMessagesOf(thrown(403, 'Forbidden'))).toEqual(['forbidden.title', 'forbidden.body']);
    expect(errorMessagesOf(thrown(404, '<main data-error-title="no.such.key" data-error-body="notFound.body">'))).toEqual(['notFound.title', 'notFound.body']);
    expect(errorMessagesOf(thrown(410, { some: 'json' }))).toEqual(['gone.title', 'gone.body']);
    expect(errorMessagesOf(new Error('boom'))).toEqual(['serverError.title', 'serverError.body']);
  });
});
