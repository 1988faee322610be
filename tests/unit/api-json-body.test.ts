import { describe, expect, it, vi } from 'vitest';
import { isJsonContentType, repeatsTopLevelMember } from '../../app/lib/api/read-json.server';
import { pageSizeParam } from '../../app/lib/api/params';
import { decodePosition, encodePosition } from '../../app/modules/publication/search/search-position';
import { handleApi } from '../../app/lib/api/responses';

describe('JSON request bodies', () => {
  it.each([
    ['{"a":1,"b":2}', false],
    ['{"a":1,"a":2}', true],
    ['{"a":1,"\\u0061":2}', true],
    ['{"a":{"x":1,"x":2},"b":[{"x":1},{"x":2}]}', false],
    ['{"a":"\\",\\"a\\":","b":"}{[","c":"\\\\"}', false],
    ['{"a":[1,2,{"a":3}],"a":4}', true],
    ['[{"a":1},{"a":1}]', false],
    ['"a"', false],
    [' \n{ "title" : "x" , "title" : "y" }', true],
  ])('%s repeats a top-level member: %s', (text, expected) => {
    JSON.parse(text);
    expect(repeatsTopLevelMember(text)).toBe(expected);
  });

  it.each([
    ['application/json', true],
    ['Application/JSON; charset=UTF-8', true],
    ['application/json;charset="utf-8"', true],
    ['application/json; charset=latin1', false],
    ['text/plain', false],
    ['application/x-www-form-urlencoded', false],
    ['application/json-patch+json', false],
    [null, false],
  ])('content type %s is JSON: %s', (header, expected) => {
    expect(isJsonContentType(header)).toBe(expected);
  });
});

describe('listing pages', () => {
  it('takes back only cursors it made', () => {
    const position = { publishedAt: '2030-01-01T12:00:00.123456Z', reference: 'IMRF30-0042' };
    expect(decodePosition(encodePosition(position))).toEqual(position);
    expect(decodePosition(null)).toBeUndefined();
    expect(decodePosition(`${encodePosition(position)}A`)).toBe('invalid');
    expect(decodePosition(encodePosition({ ...position, publishedAt: '2030-02-30T12:00:00.000000Z' }))).toBe('invalid');
    expect(decodePosition(encodePosition({ ...position, reference: "x' or 1=1" }))).toBe('invalid');
    const ranked = { rank: '0.0607927', ...position };
    expect(decodePosition(encodePosition(ranked))).toEqual(ranked);
    expect(decodePosition(encodePosition({ ...ranked, rank: '1; drop table' }))).toBe('invalid');
  });

  it('bounds the page size', () => {
    expect(pageSizeParam(null)).toBe(20);
    expect(pageSizeParam('100')).toBe(100);
    for (const bad of ['0', '101', '-1', '1.5', '', 'abc', '0x10', '1e2']) expect(pageSizeParam(bad), bad).toBeUndefined();
  });
});

describe('unexpected errors in API handlers', () => {
  it('answer a problem+json 500 in the client language, and log no row data', async () => {
    const logged: string[] = [];
    // Once only: the suite's own console.error guard (tests/fail-on-console-error.ts) stays in place.
    vi.mocked(console.error).mockImplementationOnce((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    const failure = Object.assign(new Error('new row violates check constraint "submissions_region"'), {
      code: '23514',
      detail: 'Failing row contains (amina@example.org, …)',
    });
    const request = new Request('http://portal.test/api/v1/forums', { headers: { 'Accept-Language': 'ar' } });
    const res = await handleApi(request, async () => {
      throw failure;
    });
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ type: '/api/v1/problems/server-error', title: 'خطأ في الخادم', status: 500 });
    expect(logged.join('\n')).toContain('[23514]');
    expect(logged.join('\n')).not.toContain('amina@example.org');
  });
});
