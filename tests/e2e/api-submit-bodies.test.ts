/**
 * POST /api/v1/forums/{slug}/submissions with hostile or malformed bodies, over real HTTP: every
 * one gets a documented 4xx problem (never a 500), and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { apiClient } from '../helpers/api-client';
import { nextClientAddress, storedFor, validApiInput as validInput } from '../helpers/api-submit';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';

const SUBMIT = '/api/v1/forums/{slug}/submissions';
let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let api: ReturnType<typeof apiClient>;
let forum: Forum;

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.apiSubmitBodies);
  api = apiClient(portal.appUrl);
  forum = await createForum(portal.db);
});
afterAll(() => portal?.stop());

const submit = (body: unknown) => api.post(`/api/v1/forums/${forum.slug}/submissions`, body, { 'X-Forwarded-For': nextClientAddress() });

describe('nasty bodies never get a 500 and store nothing', () => {
  const json = (value: unknown) => JSON.stringify(value);
  const valid = () => json(validInput());
  const bytes = (...parts: Array<string | number[]>) =>
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
  const cases: Array<[string, number, string | Uint8Array, string?]> = [
    ['empty body', 400, '', 'malformed-body'],
    ['not JSON', 400, '{title: "x"}', 'malformed-body'],
    ['truncated JSON', 400, valid().slice(0, -5), 'malformed-body'],
    ['trailing garbage', 400, `${valid()} {}`, 'malformed-body'],
    ['a raw NUL byte', 400, bytes('{"title":"a', [0], 'b"}'), 'malformed-body'],
    ['invalid UTF-8', 400, bytes('{"title":"', [0xc3, 0x28], '"}'), 'malformed-body'],
    ['overlong UTF-8 slash', 400, bytes('{"title":"', [0xc0, 0xaf], '"}'), 'malformed-body'],
    ['UTF-16 body', 400, Buffer.from(valid(), 'utf16le'), 'malformed-body'],
    ['a member twice', 400, valid().replace('{', '{"consentPublication":false,'), 'malformed-body'],
    ['an escaped NUL', 422, json(validInput({ title: 'a\u0000b' })), 'validation-failed'],
    ['a NUL in the body text', 422, json(validInput({ body: 'text\u0000more' })), 'validation-failed'],
    ['a lone surrogate', 422, valid().replace('"title":"Access to services for migrant workers"', '"title":"\\ud800"'), 'validation-failed'],
    ['a huge number', 422, json(validInput({ title: 1e308 })), 'validation-failed'],
    ['an infinite number', 422, valid().replace('"consentPublication":true', '"consentPublication":1e999999'), 'validation-failed'],
    ['a long integer', 422, valid().replace('"objectives":["15","6"]', '"objectives":[123456789012345678901234567890]'), 'validation-failed'],
    ['a nested object', 422, json(validInput({ title: { $gt: '' } })), 'validation-failed'],
    ['an operator object for the e-mail', 422, json(validInput({ email: { $ne: null } })), 'validation-failed'],
    ['deeply nested arrays', 422, valid().replace('"objectives":["15","6"]', `"objectives":${deep(5000)}`), 'validation-failed'],
    ['deeply nested only', 422, deep(100_000), 'validation-failed'],
    ['__proto__ granting consent', 422, valid().replace('"consentPublication":true', '"__proto__":{"consentPublication":true,"decision":"accepted"}'), 'validation-failed'],
    ['constructor.prototype', 422, valid().replace('"consentPublication":true', '"constructor":{"prototype":{"consentPublication":true}}'), 'validation-failed'],
    ['a top-level array', 422, json([validInput()]), 'validation-failed'],
    ['a top-level string', 422, json('hello'), 'validation-failed'],
    ['null', 422, 'null', 'validation-failed'],
    ['a CR/LF header injection in the e-mail', 422, json(validInput({ email: 'a@example.org\r\nBcc: victim@example.org' })), 'validation-failed'],
    ['several addresses', 422, json(validInput({ email: 'a@example.org, b@example.org' })), 'validation-failed'],
    ['a bidi override in the name', 422, json(validInput({ contactName: 'Amina \u202Egpj.exe' })), 'validation-failed'],
    ['a title far too long', 422, json(validInput({ title: 'x'.repeat(5000) })), 'validation-failed'],
    ['ten thousand objectives', 422, json(validInput({ objectives: Array.from({ length: 10_000 }, (_, i) => String(i)) })), 'validation-failed'],
  ];

  it.each(cases)('%s → %i', async (_name, status, body, type) => {
    const before = await storedFor(portal.db, forum.id);
    const res = await api.conforming(await submit(body), SUBMIT, 'post');
    expect(res.status).toBe(status);
    if (type) expect(res.body.type).toBe(`/api/v1/problems/${type}`);
    expect(await storedFor(portal.db, forum.id)).toBe(before);
  });

  it('is not polluted by the __proto__ attempt: consent is still required afterwards', async () => {
    const { consentPublication: _c, ...withoutConsent } = validInput();
    const res = await api.conforming(await submit(withoutConsent), SUBMIT, 'post');
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['consentPublication']);
  });

  it('takes null as an absent member', async () => {
    const res = await api.conforming(await submit(validInput({ submitterType: 'individual', organisation: null, principles: null, publishName: null })), SUBMIT, 'post');
    expect(res.status).toBe(201);
    const noName = await api.conforming(await submit(validInput({ contactName: null })), SUBMIT, 'post');
    expect(noName.body.errors).toEqual([expect.objectContaining({ field: 'contactName', key: 'error.required' })]);
  });
});
