/**
 * The submission form's contract, used by the web form (server side) and, later, the API.
 * Error messages are message keys (app/i18n), never English text, so every channel can translate.
 */
import { z } from 'zod';
import type { ForumLimits } from '../../../db/schema/forums';
import { CONSTITUENCY_KEYS } from '../taxonomy/constituencies';
import { isCountryCode } from '../taxonomy/countries';
import { OBJECTIVE_KEYS } from '../taxonomy/objectives';
import { PRINCIPLE_KEYS } from '../taxonomy/principles';
import { regionOfCountry } from '../taxonomy/regions';
import { requiresOrganisation, SUBMITTER_TYPE_KEYS } from '../taxonomy/submitter-types';
import { countCharacters, countWords } from './text-measure';
import { boundedMemo } from '../memo/bounded-memo';

// C0/C1 controls other than tab and line breaks have no place in prose and break e-mail headers.
// U+FFFD is what a decoder leaves of bytes that were not UTF-8: the text arrived broken.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;
// Bidi embedding, override and isolate controls can disguise a one-line value (a name, a title)
// as something else on screen and in e-mail headers. Marks (LRM, RLM, ALM) and ZWJ/ZWNJ, which
// Arabic and Persian text legitimately needs, stay allowed.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
// Half a surrogate pair is not text: it cannot be stored as UTF-8 without being replaced. Only a
// JSON client can send one (a "\ud800" escape); browsers repair them before posting a form.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const acceptableText = (s: string) => !CONTROL_CHARS.test(s) && !LONE_SURROGATE.test(s);
export const acceptableLine = (s: string) => acceptableText(s) && !LINE_BREAK.test(s) && !BIDI_CONTROLS.test(s);

/** A string that must be there: missing is `missing`, and a value of another type (JSON) is invalid. */
const presentString = (missing: string) => z.string({ error: (issue) => (issue.input === undefined ? missing : 'error.invalid') });
// Invisible format characters (zero-width space, joiners, BOM…): fine inside words of some scripts,
// but a value made of nothing else is empty, and an address must not hide any.
const FORMAT_CHAR = /\p{Cf}/u;
const visiblyEmpty = (s: string) => s.replace(/\p{Cf}/gu, '').trim().length === 0;

/**
 * A domain label mixing scripts ("exаmple" with a Cyrillic а) is a look-alike of another
 * address: refused. Labels in one script (an Arabic or Cyrillic domain) are fine.
 */
const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Arabic', 'Han', 'Hebrew', 'Armenian', 'Georgian', 'Devanagari', 'Thai'].map(
  (name) => new RegExp(`\\p{Script=${name}}`, 'u'),
);
function mixesScripts(domain: string): boolean {
  return domain.split('.').some((label) => SCRIPTS.filter((script) => script.test(label)).length > 1);
}

// No script stacks more than 30 combining marks on one letter (Unicode's stream-safe text format,
// UAX #15): a pile of them is one "character" to the forum's limits yet grows without bound and
// spills over the text around it wherever it is shown.
const STACKED_MARKS = /\p{M}{31,}/u;
const hasStackedMarks = (s: string) => STACKED_MARKS.test(s);

// In a name, the invisible characters a word may need are the joiners (ZWNJ, ZWJ) and direction
// marks (LRM, RLM, ALM); any other (zero-width space, word joiner, BOM, soft hyphen…) only hides
// what the name really is from search, duplicate checks and the people reading it.
const HIDING_FORMAT_CHAR = /(?![\u200C-\u200F\u061C])\p{Cf}/u;

// Scripts whose letters pass for each other's (Latin a, Cyrillic а, Greek α…). Other mixes within
// one word are ordinary: Chinese writes "国际移民组织IOM" without a space.
const LOOKALIKE_SCRIPTS = ['Latin', 'Cyrillic', 'Greek'].map((name) => new RegExp(`\\p{Script=${name}}`, 'u'));

/**
 * A name that disguises itself: a hiding invisible character, marks piled on a letter, or a word
 * mixing look-alike scripts ("Netwоrk" with a Cyrillic о passes for another organisation's name).
 */
export function disguisedName(s: string): boolean {
  return (
    HIDING_FORMAT_CHAR.test(s) ||
    hasStackedMarks(s) ||
    s.split(/[^\p{L}\p{M}]+/u).some((word) => LOOKALIKE_SCRIPTS.filter((script) => script.test(word)).length > 1)
  );
}

/** One line of text: trimmed, no line breaks (they would reach e-mail headers and PDF titles). */
export const singleLine = (maxChars: number) =>
  presentString('error.required')
    .transform((s) => s.trim())
    .refine((s) => !visiblyEmpty(s), { error: 'error.required' })
    .refine(acceptableLine, { error: 'error.invalidCharacters' })
    .refine((s) => !hasStackedMarks(s), { error: 'error.deceptiveCharacters' })
    .refine((s) => countCharacters(s) <= maxChars, { error: 'error.tooLong' });

/** One plain address: no display names, lists, spaces or header-breaking characters. */
export const emailAddress = presentString('error.required')
  .transform((s) => s.trim())
  .refine((s) => s.length > 0, { error: 'error.required' })
  .refine((s) => acceptableLine(s) && !FORMAT_CHAR.test(s), { error: 'error.email' })
  .refine((s) => !mixesScripts(s.slice(s.lastIndexOf('@') + 1)), { error: 'error.email' })
  .refine((s) => s.length <= 254 && /^[^\s@,;<>"()\[\]\\]+@[^\s@,;<>"()\[\]\\]+\.[^\s@,;<>"()\[\]\\]+$/u.test(s), {
    error: 'error.email',
  });

/** Characters no stored text may hold (C0/C1 controls other than tab and line breaks). */
export function hasControlCharacters(s: string): boolean {
  return CONTROL_CHARS.test(s);
}

/** A checkbox: present ("on", or any value a browser sends) means yes. */
const checkbox = z
  .string()
  .optional()
  .transform((v) => v !== undefined && v !== '');

/** The same choice from a JSON client: a real boolean, absent meaning no (the string "false" is no boolean). */
const jsonBoolean = z
  .boolean({ error: 'error.invalid' })
  .optional()
  .transform((v) => v === true);

/** Prose kept exactly as typed; only checked, never rewritten. */
/** Text of several lines: present, not only spaces, no control characters. */
export const prose = presentString('error.required')
  .refine((s) => s.trim().length > 0, { error: 'error.required' })
  .refine(acceptableText, { error: 'error.invalidCharacters' })
  .refine((s) => !hasStackedMarks(s), { error: 'error.deceptiveCharacters' });

export interface SubmissionSchemaOptions {
  /** How yes/no choices arrive: 'form' checkboxes (present means yes) or 'json' booleans. */
  channel?: 'form' | 'json';
  /**
   * An edit keeps the address confirmed with the first version: it is not taken from the form and
   * not checked again (rules for new addresses may have grown stricter since it was confirmed).
   */
  fixedEmail?: string;
}

/**
 * The rules for one forum's inputs, from the web form or the API: its limits (with optional
 * floors), its input languages, and the optional fields it makes required.
 */
export function submissionInputSchema(
  limits: ForumLimits,
  inputLanguages: readonly string[],
  requiredFields: readonly string[] = [],
  options: SubmissionSchemaOptions = {},
) {
  // Building the schema cost more than using it (~0.6 ms a submission): one per forum's rules is
  // kept. An edit's schema carries one person's address, so it is built each time.
  if (options.fixedEmail !== undefined) return buildSubmissionSchema(limits, inputLanguages, requiredFields, options);
  const key = JSON.stringify([limits, inputLanguages, requiredFields, options.channel ?? 'form']);
  return builtSchemas(key, () => buildSubmissionSchema(limits, inputLanguages, requiredFields, options));
}

const builtSchemas = boundedMemo<ReturnType<typeof buildSubmissionSchema>>(100);

function buildSubmissionSchema(
  limits: ForumLimits,
  inputLanguages: readonly string[],
  requiredFields: readonly string[],
  { channel = 'form', fixedEmail }: SubmissionSchemaOptions,
) {
  const yesNo = channel === 'json' ? jsonBoolean : checkbox;
  return z
    .object({
      submitterType: z.enum(SUBMITTER_TYPE_KEYS as [string, ...string[]], { error: 'error.choose' }),
      contactName: singleLine(200),
      organisation: z
        .string()
        .optional()
        .transform((s) => (s === undefined || visiblyEmpty(s) ? undefined : s.trim()))
        .refine((s) => s === undefined || acceptableLine(s), { error: 'error.invalidCharacters' })
        .refine((s) => s === undefined || !disguisedName(s), { error: 'error.deceptiveCharacters' })
        .refine((s) => s === undefined || countCharacters(s) <= 300, { error: 'error.tooLong' }),
      email: fixedEmail === undefined ? emailAddress : z.unknown().transform(() => fixedEmail),
      constituency: z.enum(CONSTITUENCY_KEYS as [string, ...string[]], { error: 'error.choose' }),
      country: presentString('error.choose').refine(isCountryCode, { error: 'error.choose' }),
      title: singleLine(limits.titleMaxChars),
      summary: prose
        .refine((s) => countCharacters(s) <= limits.summaryMaxChars, { error: 'error.tooLong' })
        .refine((s) => countCharacters(s.trim()) >= (limits.summaryMinChars ?? 0), { error: 'error.tooShort' }),
      body: prose,
      language: z.enum(inputLanguages as [string, ...string[]], { error: 'error.choose' }),
      objectives: z
        .array(z.enum(OBJECTIVE_KEYS as [string, ...string[]], { error: 'error.choose' }), { error: 'error.chooseSome' })
        .min(1, { error: 'error.chooseSome' })
        .transform((list) => [...new Set(list)].sort(compareObjectives)),
      principles: z
        .array(z.enum(PRINCIPLE_KEYS as [string, ...string[]], { error: 'error.choose' }), { error: 'error.choose' })
        .default([])
        .transform((list) => PRINCIPLE_KEYS.filter((k) => list.includes(k)) as string[]),
      publishName: yesNo,
      publishOrganisation: yesNo,
      publishAttachments: yesNo,
      // Consent to publish the input if accepted: the call is for a public record.
      consentPublication: yesNo.refine((yes) => yes, { error: 'error.consentRequired' }),
    })
    .superRefine((v, ctx) => {
      if (requiresOrganisation(v.submitterType) && !v.organisation) {
        ctx.addIssue({ code: 'custom', path: ['organisation'], message: 'error.organisationRequired' });
      }
      const words = typeof v.body === 'string' ? countWords(v.body, v.language) : 0;
      if (words > limits.bodyMaxWords) {
        ctx.addIssue({ code: 'custom', path: ['body'], message: 'error.tooManyWords' });
      } else if (typeof v.body === 'string' && v.body.trim() && words < (limits.bodyMinWords ?? 0)) {
        ctx.addIssue({ code: 'custom', path: ['body'], message: 'error.tooFewWords' });
      }
      if (requiredFields.includes('organisation') && !v.organisation && !requiresOrganisation(v.submitterType)) {
        ctx.addIssue({ code: 'custom', path: ['organisation'], message: 'error.required' });
      }
      if (requiredFields.includes('principles') && Array.isArray(v.principles) && v.principles.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['principles'], message: 'error.chooseSome' });
      }
    })
    .transform(({ consentPublication: _consented, ...v }) => ({
      ...v,
      region: regionOfCountry(v.country)!,
      // Nothing to publish when there is no organisation.
      publishOrganisation: v.publishOrganisation && v.organisation !== undefined,
    }));
}

export type SubmissionInput = z.output<ReturnType<typeof buildSubmissionSchema>>;
export type SubmissionField = keyof SubmissionInput;

function compareObjectives(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isNaN(na)) return 1;
  if (Number.isNaN(nb)) return -1;
  return na - nb;
}

/** Turns zod issues into one message key per field (the first problem is the one worth fixing). */
export function fieldErrors(error: z.ZodError): Partial<Record<string, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (!out[field]) out[field] = issue.message.startsWith('error.') ? issue.message : 'error.invalid';
  }
  return out;
}
