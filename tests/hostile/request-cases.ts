/**
 * Whole requests: oversized fields and bodies (url-encoded, multipart, without Content-Length, on
 * staff forms), mass assignment of fields the form does not have, duplicate parameters and JSON
 * members, and wrong content types on the form, the API and staff forms.
 */
import { api, apiProblem, apiRaw, apiRefused, form, formRaw, kept, make, multipart, refused, urlencoded } from './build';
import type { HostileCase } from './types';
import { arabicFixture } from '../helpers/fixtures';

const BIG = 'oversized fields and bodies';
const MASS = 'mass assignment';
const DUP = 'duplicate parameters';
const TYPES = 'wrong content types';

/** A body that arrives in pieces with no Content-Length (chunked). */
const chunked = (head: string, piece: string, times: number) => () =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(head));
      for (let i = 0; i < times; i++) controller.enqueue(new TextEncoder().encode(piece));
      controller.close();
    },
  });

const replaced = (fields: Array<[string, string]>, name: string, value: string): Array<[string, string]> => fields.map(([k, v]) => [k, k === name ? value : v]);
const arabicWords = (n: number) => Array.from({ length: n }, (_, i) => ['هجرة', 'حقوق', 'عمال', 'أسر'][i % 4]).join(' ');
const longArabic = Array.from({ length: 4 }, () => arabicFixture('ar-arab-region-imrf-briefing').trim()).join('\n\n');

export const OVERSIZED_CASES: HostileCase[] = [
  form('big-form-contact-201', BIG, 'contactName', 'n'.repeat(201), refused('contactName', 'error.tooLong')),
  form('big-form-organisation-301', BIG, 'organisation', 'o'.repeat(301), refused('organisation', 'error.tooLong')),
  form('big-form-title-301-emoji', BIG, 'title', '🤝🏽'.repeat(301), refused('title', 'error.tooLong')),
  form('big-form-summary-1501-vowelled', BIG, 'summary', 'بِ'.repeat(1501), refused('summary', 'error.tooLong')),
  form('big-form-body-3001-arabic-words', BIG, 'body', arabicWords(3001), refused('body', 'error.tooManyWords'), { extra: [['language', 'ar']] }),
  form('big-form-title-stacked-marks', BIG, 'title', `a${'\u0301'.repeat(5000)}`, refused('title', 'error.deceptiveCharacters')),
  form('big-form-body-stacked-marks-word', BIG, 'body', `Z${'\u0337\u0322\u0361'.repeat(3000)}algo`, refused('body', 'error.deceptiveCharacters')),
  formRaw('big-form-urlencoded-objectives', BIG, 'objectives', (f) => ({ body: `${urlencoded(f)}${'&objectives=23'.repeat(45_000)}` }), refused('form', 'error.tooLong', 413)),
  formRaw('big-form-chunked-summary', BIG, 'summary', (f) => ({ body: chunked(`${urlencoded(f.filter(([k]) => k !== 'summary'))}&summary=`, 's'.repeat(64 * 1024), 10) }), refused('form', 'error.tooLong', 413)),
  formRaw('big-multipart-body-field', BIG, 'body', (f) => multipart(replaced(f, 'body', 'w '.repeat(300 * 1024)).map(([name, value]) => ({ name, value }))), refused('form', 'error.tooLong', 413)),
  formRaw(
    'big-multipart-chunked-field',
    BIG,
    'summary',
    (f) => {
      const { body, headers } = multipart(f.map(([name, value]) => ({ name, value: name === 'summary' ? 'x'.repeat(600 * 1024) : value })));
      return { headers, body: () => new ReadableStream({ start: (c) => { for (let i = 0; i < body.length; i += 32 * 1024) c.enqueue(body.subarray(i, i + 32 * 1024)); c.close(); } }) };
    },
    refused('form', 'error.tooLong', 413),
  ),
  formRaw('big-multipart-too-many-fields', BIG, 'fields', (f) => multipart([...f, ...Array.from({ length: 300 }, (_, i): [string, string] => [`x${i}`, 'y'])].map(([name, value]) => ({ name, value }))), refused('form', 'error.form')),
  api('big-api-title-301-han', BIG, 'title', '移'.repeat(301), apiRefused('title', 'error.tooLong')),
  api('big-api-summary-1501', BIG, 'summary', 'ß'.repeat(1501), apiRefused('summary', 'error.tooLong')),
  api('big-api-body-3001-words', BIG, 'body', 'migration '.repeat(3001), apiRefused('body', 'error.tooManyWords')),
  api('big-api-objectives-repeated', BIG, 'objectives', Array.from({ length: 5000 }, () => '7'), kept(undefined, { objectives: ['7'] })),
  make('big-staff-note-5001', BIG, 'staff note', { via: 'staff', field: 'note', value: 'n'.repeat(5001) }, refused('note', 'error.tooLong')),
  make('big-staff-reason-5001', BIG, 'staff reason', { via: 'staff', field: 'reason', value: 'r'.repeat(5001) }, refused('reason', 'error.tooLong')),
  make('big-staff-note-over-form-limit', BIG, 'staff note', { via: 'staff', field: 'note', value: 'ن'.repeat(12_000) }, refused('form', 'error.tooLong', 413)),
  // Editing the public version of a long Arabic input must not hit a form limit meant for short forms.
  make('big-staff-public-body-long-arabic', BIG, 'staff public-body', { via: 'staff', field: 'public-body', value: longArabic }, kept()),
];

export const MASS_CASES: HostileCase[] = [
  form('mass-form-decision-status', MASS, 'title', 'Mass assignment: decision', kept(undefined, { decision: 'pending', publishedAt: null, version: 1 }), { extra: [['status', 'published'], ['decision', 'accepted'], ['publishedAt', '2020-01-01']] }),
  form('mass-form-region', MASS, 'title', 'Mass assignment: region', kept(undefined, { region: 'ESCWA' }), { extra: [['region', 'EUROPE']] }),
  form('mass-form-interface-locale', MASS, 'title', 'Mass assignment: interface locale', kept(undefined, { interfaceLocale: '$lang' }), { extra: [['interfaceLocale', 'fr']] }),
  form('mass-form-public-version', MASS, 'title', 'Mass assignment: public version', kept(undefined, { publicTitle: null, nameHidden: false }), { extra: [['publicTitle', 'Hijacked'], ['nameHidden', 'yes']] }),
  form('mass-form-withdrawal', MASS, 'title', 'Mass assignment: withdrawal', kept(undefined, { withdrawnAt: null, unpublishReason: null, emailConfirmedAt: null }), { extra: [['withdrawnAt', '2020-01-01'], ['unpublishReason', 'x'], ['emailConfirmedAt', '2020-01-01']] }),
  form('mass-form-late-code-open-call', MASS, 'title', 'Mass assignment: late code', kept(), { extra: [['late', 'AAAA-BBBB-CCCC']] }),
  form('mass-form-forged-hold-token', MASS, 'title', 'Mass assignment: forged file', refused('attachments', 'attachment.expired'), { extra: [['attachment', 'A'.repeat(43)]] }),
  api('mass-api-region-locale', MASS, 'title', 'Mass assignment over the API: region', kept(undefined, { region: 'ESCWA', interfaceLocale: '$lang' }), { region: 'EUROPE', interfaceLocale: 'fr' }),
  api('mass-api-version-public', MASS, 'title', 'Mass assignment over the API: version', kept(undefined, { version: 1, publicTitle: null, nameHidden: false, decisionReason: null }), { status: 'published', version: 99, publicTitle: 'x', nameHidden: true, decisionReason: 'ok' }),
  api('mass-api-timestamps', MASS, 'title', 'Mass assignment over the API: timestamps', kept(undefined, { withdrawnAt: null, unpublishedAt: null, expiredAt: null }), { withdrawnAt: '2020-01-01T00:00:00Z', unpublishedAt: '2020-01-01T00:00:00Z', expiredAt: '2020-01-01T00:00:00Z' }),
];

export const DUPLICATE_CASES: HostileCase[] = [
  formRaw('dup-form-idempotency-key', DUP, 'idempotencyKey', (f) => ({ body: `${urlencoded(f)}&idempotencyKey=${crypto.randomUUID()}` }), refused('form', 'error.form')),
  formRaw('dup-form-form-stamp', DUP, 'formStamp', (f) => ({ body: `${urlencoded(f)}&formStamp=${encodeURIComponent(f.find(([k]) => k === 'formStamp')![1])}` }), refused('form', 'error.form')),
  formRaw('dup-form-honeypot', DUP, 'website', (f) => ({ body: `${urlencoded(f)}&website=&website=http%3A%2F%2Fspam.example` }), refused('form', 'error.form')),
  formRaw('dup-form-intent', DUP, 'intent', (f) => ({ body: `${urlencoded(f)}&intent=draft&intent=submit` }), refused('form', 'error.form')),
  formRaw('dup-form-consent', DUP, 'consentPublication', (f) => ({ body: `${urlencoded(f)}&consentPublication=yes` }), refused('form', 'error.form')),
  formRaw('dup-form-submitter-type', DUP, 'submitterType', (f) => ({ body: `${urlencoded(f)}&submitterType=individual` }), refused('form', 'error.form')),
  formRaw('dup-form-country', DUP, 'country', (f) => ({ body: `${urlencoded(f)}&country=FR` }), refused('form', 'error.form')),
  formRaw('dup-multipart-language', DUP, 'language', (f) => multipart([...f, ['language', 'ar'] as [string, string]].map(([name, value]) => ({ name, value }))), refused('form', 'error.form')),
  formRaw('dup-form-objectives-same', DUP, 'objectives', (f) => ({ body: `${urlencoded(f)}&objectives=23&objectives=23` }), kept(undefined, { objectives: ['23'] })),
  apiRaw('dup-api-title-identical', DUP, 'title', (i) => ({ body: JSON.stringify(i).replace('{', `{"title":${JSON.stringify(i.title)},`) }), apiProblem(400, 'malformed-body', 'api.problem.duplicateMember.detail')),
  apiRaw('dup-api-escaped-name', DUP, 'title', (i) => ({ body: JSON.stringify(i).replace('{', '{"t\\u0069tle":"Other",') }), apiProblem(400, 'malformed-body', 'api.problem.duplicateMember.detail')),
  apiRaw('dup-api-proto-twice', DUP, '__proto__', (i) => ({ body: JSON.stringify(i).replace('{', '{"__proto__":{"decision":"accepted"},"__proto__":{},') }), apiProblem(400, 'malformed-body', 'api.problem.duplicateMember.detail')),
  apiRaw('dup-api-objectives', DUP, 'objectives', (i) => ({ body: JSON.stringify(i).replace('{', '{"objectives":["1"],') }), apiProblem(400, 'malformed-body', 'api.problem.duplicateMember.detail')),
  apiRaw('dup-api-idempotency-header', DUP, 'Idempotency-Key', (i) => ({ body: JSON.stringify(i), headers: { 'Idempotency-Key': `${crypto.randomUUID()}, ${crypto.randomUUID()}` } }), apiProblem(400, 'idempotency-key-required', 'api.problem.idempotencyKeyRequired.detail')),
];

const unsupported = apiProblem(415, 'unsupported-media-type', 'api.problem.unsupportedMediaType.detail');

export const CONTENT_TYPE_CASES: HostileCase[] = [
  formRaw('type-form-text-plain', TYPES, 'Content-Type', (f) => ({ body: f.map(([k, v]) => `${k}=${v}`).join('\r\n'), headers: { 'Content-Type': 'text/plain' } }), refused('form', 'error.form', 415)),
  formRaw('type-form-multipart-no-boundary', TYPES, 'Content-Type', (f) => ({ body: urlencoded(f), headers: { 'Content-Type': 'multipart/form-data' } }), refused('form', 'error.form')),
  formRaw('type-form-multipart-mixed', TYPES, 'Content-Type', (f) => ({ body: multipart(f.map(([name, value]) => ({ name, value }))).body, headers: { 'Content-Type': 'multipart/mixed; boundary=x' } }), refused('form', 'error.form', 415)),
  formRaw('type-form-xml', TYPES, 'Content-Type', () => ({ body: '<?xml version="1.0"?><submission><title>x</title></submission>', headers: { 'Content-Type': 'application/xml' } }), refused('form', 'error.form', 415)),
  formRaw('type-form-none', TYPES, 'Content-Type', (f) => ({ body: new TextEncoder().encode(urlencoded(f)), headers: { 'Content-Type': '' } }), refused('form', 'error.form', 415)),
  formRaw('type-form-utf16-body', TYPES, 'charset', (f) => ({ body: new Uint8Array(Buffer.from(urlencoded(f), 'utf16le')), headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-16le' } }), refused('form', 'error.form')),
  formRaw('type-form-latin1-body', TYPES, 'charset', (f) => ({ body: Buffer.concat([Buffer.from(urlencoded(f)), Buffer.from('&organisation2=Caf\xe9', 'latin1')]), headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=iso-8859-1' } }), refused('form', 'error.form')),
  apiRaw('type-api-text-json', TYPES, 'Content-Type', (i) => ({ body: JSON.stringify(i), headers: { 'Content-Type': 'text/json' } }), unsupported),
  apiRaw('type-api-json-patch', TYPES, 'Content-Type', (i) => ({ body: JSON.stringify(i), headers: { 'Content-Type': 'application/json-patch+json' } }), unsupported),
  apiRaw('type-api-utf16-charset', TYPES, 'Content-Type', (i) => ({ body: new Uint8Array(Buffer.from(JSON.stringify(i), 'utf16le')), headers: { 'Content-Type': 'application/json; charset=utf-16' } }), unsupported),
  apiRaw('type-api-ndjson', TYPES, 'Content-Type', (i) => ({ body: `${JSON.stringify(i)}\n`, headers: { 'Content-Type': 'application/x-ndjson' } }), unsupported),
  apiRaw('type-api-xml', TYPES, 'Content-Type', () => ({ body: '<?xml version="1.0"?><input><title>x</title></input>', headers: { 'Content-Type': 'application/xml' } }), unsupported),
  apiRaw('type-api-brotli', TYPES, 'Content-Encoding', (i) => ({ body: JSON.stringify(i), headers: { 'Content-Encoding': 'br' } }), apiProblem(415, 'unsupported-media-type', 'api.problem.unsupportedEncoding.detail')),
  apiRaw('type-api-uppercase-json', TYPES, 'Content-Type', (i) => ({ body: JSON.stringify(i), headers: { 'Content-Type': 'Application/JSON' } }), kept()),
  apiRaw('type-api-quoted-charset', TYPES, 'Content-Type', (i) => ({ body: JSON.stringify(i), headers: { 'Content-Type': 'application/json; charset="UTF-8"' } }), kept()),
  make('type-staff-note-multipart', TYPES, 'staff note (multipart)', { via: 'staff', field: 'note', value: 'A note sent as multipart', encoding: 'multipart' }, refused('form', 'error.form', 415)),
];
