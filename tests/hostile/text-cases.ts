/**
 * Text classes through the form and the API: SQL-looking strings and legitimate text in any script
 * (kept byte for byte), invalid UTF-8 and NUL bytes, control and bidi-override characters,
 * zero-width and look-alike tricks, CR/LF on its way to e-mail headers and several addresses in one
 * e-mail field (refused, naming the field, in the client's language). Cases already in
 * submit-bad-input.test.ts and api-submit-bodies.test.ts are not repeated here.
 */
import { arabicFixture, TRICKY_TEXTS } from '../helpers/fixtures';
import { answered, api, apiRefused, apiRaw, form, formRaw, kept, make, multipart, refused, urlencoded, withEncoded } from './build';
import type { HostileCase } from './types';

const SQL = 'SQL-looking strings';
const LEGIT = 'legitimate text in any script';
const UTF8 = 'invalid UTF-8 and NUL bytes';
const CONTROL = 'control and bidi-override characters';
const LOOKALIKE = 'zero-width and homoglyph tricks';
const CRLF = 'CR/LF towards e-mail headers';
const SEVERAL = 'several addresses in one e-mail field';

/** A fresh address per case, so per-address limits never meet. */
const fresh = (tag: string) => `${tag}-${Math.random().toString(36).slice(2, 10)}`;

export const SQL_CASES: HostileCase[] = [
  form('sql-form-title-drop-table', SQL, 'title', "Robert'); DROP TABLE submissions;--", kept()),
  form('sql-form-body-union', SQL, 'body', "1' OR '1'='1' -- ' UNION SELECT email, contact_name FROM submissions --", kept()),
  form('sql-form-organisation-quotes', SQL, 'organisation', `O'Brien & Sons "Migrant" Trust; DELETE FROM forums WHERE 1=1`, kept()),
  form('sql-form-summary-dollar-quotes', SQL, 'summary', "$$; DROP TABLE outbox; $$ E'\\x00' \\'; --", kept()),
  form('sql-form-contact-comment', SQL, 'contactName', "admin'-- /*", kept()),
  form('sql-form-email-apostrophe', SQL, 'email', (c) => `o'brien.${c.caseId.length}${fresh('x')}@example.org`, kept()),
  form('sql-form-title-sleep', SQL, 'title', "x' AND (SELECT 1 FROM pg_sleep(5))::text='1", kept()),
  // If any of this reached SQL as code, COPY … TO PROGRAM would call the canary.
  api('sql-api-title-copy-program', SQL, 'title', (c: { canary: string }) => `'; COPY (SELECT 1) TO PROGRAM 'curl ${c.canary}';--`, kept()),
  api('sql-api-body-stacked', SQL, 'body', '1; SELECT pg_sleep(10); -- \n"); DROP TABLE staff_users; --', kept()),
  api('sql-api-summary-like-wildcards', SQL, 'summary', "%' OR 1=1 -- _%_ \\% ESCAPE '\\'", kept()),
  api('sql-api-organisation-backslash', SQL, 'organisation', "\\'; DROP TABLE attachments;-- \\\\", kept()),
  api('sql-api-contact-double-quotes', SQL, 'contactName', '" OR ""="', kept()),
  api('sql-api-title-nosql-operator', SQL, 'title', '{"$gt": ""} {"$where": "sleep(5000)"}', kept()),
  make('sql-search-page-or', SQL, 'search page q', { via: 'search', where: 'page', query: `q=${encodeURIComponent("' OR 1=1--")}` }, answered(200, "' OR 1=1--")),
  make('sql-search-page-tsquery', SQL, 'search page q', { via: 'search', where: 'page', query: `q=${encodeURIComponent("!(migrant | worker) & right:* <-> 'x' \\")}` }, answered(200, "!(migrant | worker) & right:* <-> 'x' \\")),
  make('sql-search-api-union', SQL, 'search API q', { via: 'search', where: 'api', query: `q=${encodeURIComponent("%' UNION SELECT email FROM submissions--")}` }, answered(200)),
  make('sql-search-api-tsquery-ops', SQL, 'search API q', { via: 'search', where: 'api', query: `q=${encodeURIComponent("a & | ! ( ) :* <2> ''")}&sort=relevance` }, answered(200)),
];

export const LEGIT_CASES: HostileCase[] = [
  form('text-form-title-vowelled-arabic', LEGIT, 'title', TRICKY_TEXTS.vowelled, kept()),
  form('text-form-body-arabic-fixture', LEGIT, 'body', arabicFixture('ar-gcm-national-implementation-plans').trim(), kept()),
  form('text-form-title-zwnj-rlm', LEGIT, 'title', TRICKY_TEXTS.zwnjRlm, kept()),
  form('text-form-summary-emoji', LEGIT, 'summary', `${TRICKY_TEXTS.emoji} 👩🏿‍🦱 🏳️‍🌈 🇯🇴`, kept()),
  form('text-form-organisation-cjk', LEGIT, 'organisation', '全球移民契约审查论坛工作组', kept()),
  form('text-form-contact-diacritics', LEGIT, 'contactName', 'Zoë O’Connor-Ndiaye', kept()),
  form('text-form-body-nfd-not-normalised', LEGIT, 'body', 'Cafe\u0301 re\u0301fugie\u0301s — the text stays decomposed (NFD).', kept()),
  form('text-form-body-crlf-and-tabs', LEGIT, 'body', 'First paragraph.\r\n\r\n\tIndented second paragraph.\r\n', kept()),
  form('text-form-title-astral-and-variation', LEGIT, 'title', '𝐈𝐌𝐑𝐅 ❤️ ☺︎ 𠜎𠜱', kept()),
  form('text-form-summary-french-spaces', LEGIT, 'summary', '« Droits des migrants » : 100\u202F% des États\u00A0!', kept()),
  form('text-form-body-bidi-embedding-in-prose', LEGIT, 'body', 'Quoted: \u202Bنص عربي\u202C and \u202Aleft-to-right\u202C embeddings, as word processors write them.', kept()),
  api('text-api-body-marks', LEGIT, 'body', 'IMRF \u200E2026\u200E (\u061Cالهدف ٢٣\u061C) \u200Fتقرير\u200F', kept()),
  api('text-api-title-devanagari-joiners', LEGIT, 'title', 'प्रवासी अधिकार क्\u200Dष क्\u200Cष', kept()),
  api('text-api-organisation-persian-zwnj', LEGIT, 'organisation', 'انجمن حمایت از پناه‌جویان', kept()),
  api('text-api-contact-cyrillic', LEGIT, 'contactName', TRICKY_TEXTS.cyrillic.split(' ')[0] + ' Иванова', kept()),
  api('text-api-summary-thai-hebrew-greek', LEGIT, 'summary', 'แรงงานข้ามชาติ · מהגרים · μετανάστες', kept()),
  api('text-api-body-private-use', LEGIT, 'body', 'Marks \uE000inside\uE001 the text are the search highlighter\u2019s own: kept as typed.', kept()),
  api('text-api-summary-at-limit-vowelled', LEGIT, 'summary', 'بِ'.repeat(1500), kept()),
  api('text-api-title-at-limit-emoji', LEGIT, 'title', '👨‍👩‍👧'.repeat(300), kept()),
  api('text-api-email-idn', LEGIT, 'email', () => `${fresh('amina')}@пример.рф`, kept()),
  form('text-form-organisation-mixed-words', LEGIT, 'organisation', 'UNHCR المفوضية Мигранты', kept()),
  api('text-api-organisation-chinese-with-latin', LEGIT, 'organisation', '国际移民组织IOM中国办事处', kept()),
];

export const UTF8_CASES: HostileCase[] = [
  formRaw('utf8-form-title-overlong-nul', UTF8, 'title', (f) => ({ body: withEncoded(f, 'title', 'a%C0%80b') }), refused('title', 'error.invalidCharacters')),
  formRaw('utf8-form-body-encoded-surrogate', UTF8, 'body', (f) => ({ body: withEncoded(f, 'body', 'text%ED%A0%80more') }), refused('body', 'error.invalidCharacters')),
  formRaw('utf8-form-summary-truncated-sequence', UTF8, 'summary', (f) => ({ body: withEncoded(f, 'summary', 'cut%E2%82') }), refused('summary', 'error.invalidCharacters')),
  formRaw('utf8-form-organisation-beyond-unicode', UTF8, 'organisation', (f) => ({ body: withEncoded(f, 'organisation', 'x%F4%90%80%80') }), refused('organisation', 'error.invalidCharacters')),
  formRaw('utf8-form-contact-raw-ff-byte', UTF8, 'contactName', (f) => ({ body: Buffer.concat([Buffer.from(withEncoded(f, 'contactName', 'A')), Buffer.from('&contactName2=\xff', 'latin1')]) }), refused('form', 'error.form')),
  // A byte-order mark before the body is consumed by UTF-8 decoding (as the Encoding standard says): the form is read.
  formRaw('utf8-form-bom-before-body', UTF8, 'idempotencyKey', (f) => ({ body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(urlencoded(f))]) }), kept()),
  formRaw('utf8-form-nul-in-field-name', UTF8, 'title', (f) => ({ body: urlencoded(f).replace('title=', 'ti%00tle=') }), refused('title', 'error.required')),
  formRaw('utf8-form-objective-nul', UTF8, 'objectives', (f) => ({ body: withEncoded(f, 'objectives', '2%00') }), refused('objectives', 'error.choose')),
  formRaw('utf8-multipart-title-raw-bytes', UTF8, 'title', (f) => multipart(f.map(([name, value]) => ({ name, value: name === 'title' ? new Uint8Array([0x41, 0xff, 0xfe, 0x42]) : value }))), refused('title', 'error.invalidCharacters')),
  formRaw('utf8-multipart-summary-raw-nul', UTF8, 'summary', (f) => multipart(f.map(([name, value]) => ({ name, value: name === 'summary' ? `a${'\u0000'}b` : value }))), refused('summary', 'error.invalidCharacters')),
  api('utf8-api-contact-escaped-nul', UTF8, 'contactName', 'Amina\u0000Haddad', apiRefused('contactName', 'error.invalidCharacters')),
  api('utf8-api-organisation-escaped-nul', UTF8, 'organisation', '\u0000', apiRefused('organisation', 'error.invalidCharacters')),
  api('utf8-api-email-escaped-nul', UTF8, 'email', 'a\u0000@example.org', apiRefused('email', 'error.email')),
  api('utf8-api-summary-replacement-char', UTF8, 'summary', 'broken \uFFFD text', apiRefused('summary', 'error.invalidCharacters')),
  apiRaw('utf8-api-body-lone-low-surrogate', UTF8, 'body', (i) => ({ body: JSON.stringify(i).replace(/"body":"[^"]*"/, '"body":"x\\udc00y"') }), apiRefused('body', 'error.invalidCharacters')),
  apiRaw('utf8-api-title-reversed-pair', UTF8, 'title', (i) => ({ body: JSON.stringify(i).replace(/"title":"[^"]*"/, '"title":"\\udc00\\ud800"') }), apiRefused('title', 'error.invalidCharacters')),
];

export const CONTROL_CASES: HostileCase[] = [
  form('control-form-title-vertical-tab', CONTROL, 'title', 'Access\u000Bto services', refused('title', 'error.invalidCharacters')),
  form('control-form-summary-form-feed', CONTROL, 'summary', 'Page one\u000Cpage two', refused('summary', 'error.invalidCharacters')),
  form('control-form-body-delete', CONTROL, 'body', 'Text with a DEL\u007F character', refused('body', 'error.invalidCharacters')),
  form('control-form-organisation-replacement', CONTROL, 'organisation', 'Org \uFFFD name', refused('organisation', 'error.invalidCharacters')),
  form('control-form-contact-paragraph-separator', CONTROL, 'contactName', 'Amina\u2029Haddad', refused('contactName', 'error.invalidCharacters')),
  form('control-form-title-rli', CONTROL, 'title', 'Report \u2067txt.exe\u2069', refused('title', 'error.invalidCharacters')),
  form('control-form-organisation-lro', CONTROL, 'organisation', '\u202DNetwork of Migrants', refused('organisation', 'error.invalidCharacters')),
  form('control-form-contact-lre', CONTROL, 'contactName', 'Amina \u202AHaddad\u202C', refused('contactName', 'error.invalidCharacters')),
  form('control-form-title-pop-directional', CONTROL, 'title', 'Title\u202C', refused('title', 'error.invalidCharacters')),
  api('control-api-title-rlo', CONTROL, 'title', 'Invoice \u202Efdp.exe', apiRefused('title', 'error.invalidCharacters')),
  api('control-api-contact-newline', CONTROL, 'contactName', 'Amina\nHaddad', apiRefused('contactName', 'error.invalidCharacters')),
  api('control-api-organisation-cr', CONTROL, 'organisation', 'Network\rof Migrants', apiRefused('organisation', 'error.invalidCharacters')),
  api('control-api-body-bell', CONTROL, 'body', 'Ring\u0007the bell', apiRefused('body', 'error.invalidCharacters')),
  api('control-api-summary-ansi-escape', CONTROL, 'summary', '\u001b[2J\u001b[1;31mcleared screen', apiRefused('summary', 'error.invalidCharacters')),
  api('control-api-email-line-separator', CONTROL, 'email', 'a@exa\u2028mple.org', apiRefused('email', 'error.email')),
  // Separators around a value are trimmed away: what is stored holds none.
  api('control-api-email-trailing-separator', CONTROL, 'email', (c: { caseId: string }) => `${c.caseId}@example.org\u2028`, kept((c) => `${c.caseId}@example.org`)),
  api('control-api-title-next-line', CONTROL, 'title', 'One\u0085Two', apiRefused('title', 'error.invalidCharacters')),
  api('control-api-organisation-csi', CONTROL, 'organisation', 'Org\u009B31m', apiRefused('organisation', 'error.invalidCharacters')),
  api('control-api-contact-arabic-letter-mark', CONTROL, 'contactName', '\u061Cأمينة حداد', kept()),
  form('control-form-title-rlm-lrm', CONTROL, 'title', 'تقرير\u200F IMRF\u200E 2026', kept()),
];

export const LOOKALIKE_CASES: HostileCase[] = [
  form('lookalike-form-email-zwnj-domain', LOOKALIKE, 'email', 'a@exam\u200Cple.org', refused('email', 'error.email')),
  form('lookalike-form-email-word-joiner', LOOKALIKE, 'email', 'a@example.org\u2060', refused('email', 'error.email')),
  form('lookalike-form-email-soft-hyphen', LOOKALIKE, 'email', 'a@ex\u00ADample.org', refused('email', 'error.email')),
  form('lookalike-form-email-cyrillic-letters', LOOKALIKE, 'email', 'a@\u0435\u0445\u0430mple.org', refused('email', 'error.email')),
  form('lookalike-form-email-greek-omicron', LOOKALIKE, 'email', 'a@g\u03BF\u03BFgle.com', refused('email', 'error.email')),
  form('lookalike-form-email-fullwidth-at', LOOKALIKE, 'email', 'a\uFF20example.org', refused('email', 'error.email')),
  api('lookalike-api-email-palochka', LOOKALIKE, 'email', 'a@examp\u04CFe.org', apiRefused('email', 'error.email')),
  api('lookalike-api-email-zwj-local', LOOKALIKE, 'email', 'a\u200D@example.org', apiRefused('email', 'error.email')),
  form('lookalike-form-organisation-cyrillic-o', LOOKALIKE, 'organisation', 'Migrant Rights Netw\u043Erk', refused('organisation', 'error.deceptiveCharacters')),
  form('lookalike-form-organisation-zero-width-space', LOOKALIKE, 'organisation', 'U\u200BNHCR', refused('organisation', 'error.deceptiveCharacters')),
  api('lookalike-api-organisation-greek-letters', LOOKALIKE, 'organisation', '\u0399\u039FM Migration Agency', apiRefused('organisation', 'error.deceptiveCharacters')),
  api('lookalike-api-organisation-word-joiner', LOOKALIKE, 'organisation', 'Red\u2060 Cross', apiRefused('organisation', 'error.deceptiveCharacters')),
  api('lookalike-api-organisation-bom', LOOKALIKE, 'organisation', 'I\uFEFFOM', apiRefused('organisation', 'error.deceptiveCharacters')),
  form('lookalike-form-organisation-only-invisible', LOOKALIKE, 'organisation', '\u200B\u2060', refused('organisation', 'error.organisationRequired')),
  api('lookalike-api-organisation-cyrillic-word', LOOKALIKE, 'organisation', 'Центр помощи мигрантам', kept()),
  api('lookalike-api-email-punycode', LOOKALIKE, 'email', () => `${fresh('p')}@xn--80ak6aa92e.com`, kept()),
];

export const CRLF_CASES: HostileCase[] = [
  form('crlf-form-email-folded-bcc', CRLF, 'email', 'a@example.org\r\n Bcc: victim@example.org', refused('email', 'error.email')),
  form('crlf-form-email-subject', CRLF, 'email', 'a@example.org\r\nSubject: You won', refused('email', 'error.email')),
  form('crlf-form-contact-bcc', CRLF, 'contactName', 'Amina\r\nBcc: victim@example.org', refused('contactName', 'error.invalidCharacters')),
  form('crlf-form-email-leading-newline-trimmed', CRLF, 'email', (c) => `\r\n${c.caseId}@example.org`, kept((c) => `${c.caseId}@example.org`)),
  form('crlf-draft-email-bcc', CRLF, 'email', 'a@example.org\r\nBcc: victim@example.org', refused('email', 'error.email'), { intent: 'draft' }),
  form('crlf-draft-email-cc', CRLF, 'email', 'a@example.org\nCc: victim@example.org', refused('email', 'error.email'), { intent: 'draft' }),
  api('crlf-api-email-bcc-lf', CRLF, 'email', 'a@example.org\nBcc: b@example.org', apiRefused('email', 'error.email')),
  api('crlf-api-email-cr', CRLF, 'email', 'a@example.org\rX-Injected: 1', apiRefused('email', 'error.email')),
  api('crlf-api-email-content-type', CRLF, 'email', 'a@example.org\r\nContent-Type: text/html', apiRefused('email', 'error.email')),
  api('crlf-api-title-bcc', CRLF, 'title', 'Report\r\nBcc: victim@example.org', apiRefused('title', 'error.invalidCharacters')),
  api('crlf-api-organisation-reply-to', CRLF, 'organisation', 'Org\nReply-To: x@example.org', apiRefused('organisation', 'error.invalidCharacters')),
  // Multi-line text is no header: kept in the body, and every e-mail still has one recipient.
  api('crlf-api-body-header-lookalike', CRLF, 'body', 'Text\r\nBcc: victim@example.org\r\nSubject: x\r\n\r\nmore', kept()),
];

export const SEVERAL_CASES: HostileCase[] = [
  form('several-form-tab', SEVERAL, 'email', 'a@example.org\tb@example.org', refused('email', 'error.email')),
  form('several-form-group-syntax', SEVERAL, 'email', 'friends: a@example.org, b@example.org;', refused('email', 'error.email')),
  form('several-form-comment-and-angle', SEVERAL, 'email', 'a@example.org (x) <b@example.org>', refused('email', 'error.email')),
  form('several-form-quoted-comma', SEVERAL, 'email', '"a,b"@example.org', refused('email', 'error.email')),
  form('several-form-ideographic-space', SEVERAL, 'email', 'a@example.org\u3000b@example.org', refused('email', 'error.email')),
  form('several-form-fullwidth-comma', SEVERAL, 'email', 'a@example.org\uFF0Cb@example.org', refused('email', 'error.email')),
  form('several-form-two-at-signs', SEVERAL, 'email', 'a@b@example.org', refused('email', 'error.email')),
  form('several-draft-comma', SEVERAL, 'email', 'a@example.org, victim@example.org', refused('email', 'error.email'), { intent: 'draft' }),
  api('several-api-array', SEVERAL, 'email', ['a@example.org', 'b@example.org'], apiRefused('email', 'error.invalid')),
  api('several-api-semicolon', SEVERAL, 'email', 'a@example.org;b@example.org', apiRefused('email', 'error.email')),
  api('several-api-angle-list', SEVERAL, 'email', '<a@example.org>, <b@example.org>', apiRefused('email', 'error.email')),
  api('several-api-percent-comma', SEVERAL, 'email', 'a@example.org%2Cb@example.org', apiRefused('email', 'error.email')),
];
