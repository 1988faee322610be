import { describe, expect, it } from 'vitest';
import { fieldErrors, submissionInputSchema } from '../../app/modules/submissions/submission-input';
import { countCharacters, countWords } from '../../app/modules/submissions/text-measure';
import { arabicFixture, TRICKY_TEXTS } from '../helpers/fixtures';

const limits = { titleMaxChars: 50, summaryMaxChars: 100, bodyMaxWords: 20 };
const schema = submissionInputSchema(limits, ['ar', 'en', 'zh']);
const valid = {
  submitterType: 'individual',
  contactName: 'Amina',
  email: 'amina@example.org',
  constituency: 'migrants',
  country: 'JO',
  title: 'Title',
  summary: 'Summary',
  body: 'Body text',
  language: 'en',
  objectives: ['23', '5', 'cross-cutting', '5'],
  consentPublication: 'yes',
};

describe('submission input', () => {
  it('accepts a valid input and orders objectives numerically without duplicates', () => {
    const parsed = schema.parse(valid);
    expect(parsed.objectives).toEqual(['5', '23', 'cross-cutting']);
    expect(parsed.organisation).toBeUndefined();
  });

  it('derives the UN region from the country and keeps principles in their canonical order', () => {
    const parsed = schema.parse({ ...valid, principles: ['whole_of_society', 'human_rights', 'human_rights'] });
    expect(parsed.region).toBe('ESCWA');
    expect(parsed.principles).toEqual(['human_rights', 'whole_of_society']);
    expect(schema.parse({ ...valid, country: 'SN' }).region).toBe('ECA');
    expect(schema.parse({ ...valid, country: 'MX' }).region).toBe('ECLAC');
  });

  it('records publication consent per item, publishing nothing that was not ticked', () => {
    expect(schema.parse(valid)).toMatchObject({ publishName: false, publishOrganisation: false });
    expect(schema.parse({ ...valid, publishName: 'yes' })).toMatchObject({ publishName: true, publishOrganisation: false });
    // An organisation to publish needs an organisation.
    expect(schema.parse({ ...valid, publishOrganisation: 'yes' }).publishOrganisation).toBe(false);
    expect(schema.parse({ ...valid, organisation: 'MRN', publishOrganisation: 'yes' }).publishOrganisation).toBe(true);
    expect(schema.parse(valid)).not.toHaveProperty('consentPublication');
  });

  it('requires an organisation from organisations and networks, not from individuals', () => {
    for (const submitterType of ['organisation', 'network']) {
      const result = schema.safeParse({ ...valid, submitterType });
      expect(fieldErrors(result.error!).organisation).toBe('error.organisationRequired');
      expect(schema.safeParse({ ...valid, submitterType, organisation: 'شبكة حقوق المهاجرين' }).success).toBe(true);
    }
  });

  it('accepts an address whose domain is in one script, Latin or not', () => {
    expect(schema.parse({ ...valid, email: 'info@\u043F\u0440\u0438\u043C\u0435\u0440.\u0440\u0444' }).email).toBe('info@пример.рф');
    expect(schema.parse({ ...valid, email: 'x@example.org' }).email).toBe('x@example.org');
  });

  it('treats an organisation of invisible characters only as none', () => {
    expect(schema.parse({ ...valid, organisation: '\u200B' }).organisation).toBeUndefined();
  });

  it('keeps the marks Arabic and Persian names need in one-line fields', () => {
    const name = 'می‌خواهم ‏أمينة‏';
    expect(schema.parse({ ...valid, contactName: name }).contactName).toBe(name);
  });

  it.each(Object.entries(TRICKY_TEXTS))('keeps %s text exactly', (_name, text) => {
    const parsed = schema.parse({ ...valid, summary: text, body: text, language: 'ar' });
    expect(parsed.summary).toBe(text);
    expect(parsed.body).toBe(text);
  });

  it('keeps multi-paragraph Arabic prose byte for byte, line breaks included', () => {
    const body = arabicFixture('ar-gcm-national-implementation-plans').split(/\s+/).slice(0, 15).join(' ') + '\r\n\r\nفقرة ثانية';
    expect(schema.parse({ ...valid, body, language: 'ar' }).body).toBe(body);
  });

  it.each([
    ['contactName', '', 'error.required'],
    ['contactName', '   ', 'error.required'],
    ['contactName', 'Amina\r\nBcc: victim@example.org', 'error.invalidCharacters'],
    ['contactName', 'NUL\u0000byte', 'error.invalidCharacters'],
    ['contactName', 'Amina \u202Egpj.exe', 'error.invalidCharacters'],
    ['contactName', '\u2067Amina\u2069', 'error.invalidCharacters'],
    ['organisation', 'Org\u202A', 'error.invalidCharacters'],
    ['title', 'Title\u2066 isolated', 'error.invalidCharacters'],
    ['email', 'a\u0000@example.org', 'error.email'],
    ['email', 'a@example.org\u202E', 'error.email'],
    ['email', 'a\u200B@example.org', 'error.email'],
    ['email', 'a@exam\uFEFFple.org', 'error.email'],
    ['email', 'a@ex\u0430mple.org', 'error.email'],
    ['email', 'a@\u0440aypal.com', 'error.email'],
    ['contactName', '\u200B\u200C', 'error.required'],
    ['title', '\u2060 \uFEFF', 'error.required'],
    ['submitterType', 'government', 'error.choose'],
    ['submitterType', undefined, 'error.choose'],
    ['principles', ['freedom'], 'error.choose'],
    ['consentPublication', undefined, 'error.consentRequired'],
    ['consentPublication', '', 'error.consentRequired'],
    ['email', 'not-an-address', 'error.email'],
    ['email', 'a@example.org, b@example.org', 'error.email'],
    ['email', 'a@example.org\r\nBcc: b@example.org', 'error.email'],
    ['email', '"Name" <a@example.org>', 'error.email'],
    ['constituency', 'status', 'error.choose'],
    ['country', 'ZZ', 'error.choose'],
    ['language', 'de', 'error.choose'],
    ['title', 'x'.repeat(51), 'error.tooLong'],
    ['summary', 'x'.repeat(101), 'error.tooLong'],
    ['body', 'word '.repeat(21), 'error.tooManyWords'],
    ['body', 'text with \u0007 bell', 'error.invalidCharacters'],
    ['objectives', [], 'error.chooseSome'],
    ['objectives', ['24'], 'error.choose'],
  ])('refuses %s = %j with %s', (field, value, key) => {
    const result = schema.safeParse({ ...valid, [field]: value });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)[field]).toBe(key);
  });

  it('reports every missing field at once', () => {
    const result = schema.safeParse({});
    expect(Object.keys(fieldErrors(result.error!)).sort()).toEqual(
      ['body', 'consentPublication', 'constituency', 'contactName', 'country', 'email', 'language', 'objectives', 'submitterType', 'summary', 'title'].sort(),
    );
  });
});

describe('submission input from JSON clients', () => {
  const json = submissionInputSchema(limits, ['ar', 'en', 'zh'], [], { channel: 'json' });
  const validJson = { ...valid, consentPublication: true };

  it('takes yes/no choices as booleans, absent meaning no', () => {
    expect(json.parse(validJson)).toMatchObject({ publishName: false, publishOrganisation: false });
    expect(json.parse({ ...validJson, publishName: true, organisation: 'MRN', publishOrganisation: true })).toMatchObject({
      publishName: true,
      publishOrganisation: true,
    });
  });

  it.each([
    ['consentPublication', 'false', 'error.invalid'],
    ['consentPublication', 'yes', 'error.invalid'],
    ['consentPublication', false, 'error.consentRequired'],
    ['consentPublication', undefined, 'error.consentRequired'],
    ['publishName', 1, 'error.invalid'],
    ['title', 42, 'error.invalid'],
    ['title', { text: 'nested' }, 'error.invalid'],
    ['body', ['a', 'list'], 'error.invalid'],
    ['email', true, 'error.invalid'],
    ['country', 7, 'error.invalid'],
    ['country', undefined, 'error.choose'],
    ['objectives', '6', 'error.chooseSome'],
    ['objectives', [6], 'error.choose'],
    ['title', 'half a pair \ud800', 'error.invalidCharacters'],
    ['body', 'lone low \udc00 surrogate', 'error.invalidCharacters'],
    ['summary', 'NUL \u0000 inside', 'error.invalidCharacters'],
  ])('refuses %s = %j with %s', (field, value, key) => {
    const result = json.safeParse({ ...validJson, [field]: value });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)[field]).toBe(key);
  });

  it('keeps surrogate pairs (emoji) and ignores fields it does not know', () => {
    const parsed = json.parse({ ...validJson, body: TRICKY_TEXTS.emoji, decision: 'accepted', publishedAt: '2020-01-01' });
    expect(parsed.body).toBe(TRICKY_TEXTS.emoji);
    expect(parsed).not.toHaveProperty('decision');
    expect(parsed).not.toHaveProperty('publishedAt');
  });
});

describe('per-forum rules set by an admin', () => {
  const strict = submissionInputSchema({ ...limits, summaryMinChars: 10, bodyMinWords: 3 }, ['ar', 'en'], ['organisation', 'principles']);
  const complete = { ...valid, organisation: 'Independent', principles: ['human_rights'], summary: 'A summary of enough length', body: 'three words here' };

  it('enforce floors on the summary (characters) and the full text (words)', () => {
    expect(strict.safeParse(complete).success).toBe(true);
    expect(fieldErrors(strict.safeParse({ ...complete, summary: 'Too short' }).error!).summary).toBe('error.tooShort');
    expect(fieldErrors(strict.safeParse({ ...complete, body: 'two words' }).error!).body).toBe('error.tooFewWords');
    // Arabic words count as the counter counts them: three words pass.
    expect(strict.safeParse({ ...complete, body: 'ثلاث كلمات عربية', language: 'ar' }).success).toBe(true);
  });

  it('make optional fields required: an organisation from individuals too, and at least one principle', () => {
    const errors = fieldErrors(strict.safeParse({ ...complete, organisation: ' ', principles: [] }).error!);
    expect(errors).toEqual({ organisation: 'error.required', principles: 'error.chooseSome' });
    // Without those rules the same input is fine.
    expect(schema.safeParse({ ...valid, principles: [] }).success).toBe(true);
  });
});

describe('counting in every script', () => {
  it('counts Arabic words including Latin acronyms and digits', () => {
    expect(countWords(TRICKY_TEXTS.mixed, 'ar')).toBe(7);
  });
  it('counts words before a language is chosen, or for a tag it cannot use', () => {
    expect(countWords('one two three', '')).toBe(3);
    expect(countWords('one two three', 'not a tag!')).toBe(3);
    expect(countWords('one two three')).toBe(3);
  });
  it('counts Chinese words without spaces by dictionary segmentation', () => {
    const n = countWords(TRICKY_TEXTS.cjk, 'zh');
    expect(n).toBeGreaterThan(3);
    expect(n).toBeLessThan(TRICKY_TEXTS.cjk.length);
  });
  it('counts a letter with its vowel marks, and an emoji family, as one character each', () => {
    expect(countCharacters('بِ')).toBe(1);
    expect(countCharacters('👨‍👩‍👧')).toBe(1);
  });
  it('limits body words, not characters: a long Arabic word counts once', () => {
    const long = Array.from({ length: 20 }, () => 'والمستفيدين').join(' ');
    expect(schema.safeParse({ ...valid, body: long, language: 'ar' }).success).toBe(true);
  });
});

describe('an edit after a request for changes', () => {
  it('keeps the confirmed address whatever the form sends or omits, without checking it again', () => {
    const edit = submissionInputSchema(limits, ['ar', 'en'], [], { fixedEmail: 'old.rules@exаmple.org' });
    for (const email of [undefined, '', 'someone-else@example.org', 'not an address']) {
      const parsed = edit.safeParse({ ...valid, email });
      expect(parsed.success, String(email)).toBe(true);
      expect(parsed.data?.email).toBe('old.rules@exаmple.org');
    }
  });
});
