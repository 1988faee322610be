/**
 * A forum's settings as an admin edits them: one zod schema turns the form's raw strings into
 * typed settings (instants from local times in the forum's zone), with message keys as errors so
 * both interface languages can say what is wrong.
 */
import { z } from 'zod';
import type { AttachmentType, Forum, ForumLimits, LocalizedText, RequirableField } from '../../../db/schema/forums';
import { acceptableLine } from '../submissions/submission-input';
import { countCharacters } from '../submissions/text-measure';
import { UN_LANGUAGES } from '../taxonomy/locales';
import { REGION_KEYS } from '../taxonomy/regions';
import { isValidTimeZone, localToUtc, parseLocalInput, toLocalInput } from '../time/zoned-time';

export const FORUM_SCOPES = ['global', ...REGION_KEYS] as const;
export const ATTACHMENT_TYPES: readonly AttachmentType[] = ['pdf', 'docx', 'odt', 'txt'];
export const REQUIRABLE_FIELDS: readonly RequirableField[] = ['organisation', 'principles'];
/**
 * Languages a forum must be named and explained in: English and Arabic. Names in the other UN
 * languages are optional; a page in one of them shows the English name until one is given.
 */
export const REQUIRED_TEXT_LANGUAGES = ['en', 'ar'] as const;
/** Bounds for each number an admin sets; the form states them as hints. */
export const NUMBER_BOUNDS = {
  titleMaxChars: [10, 500],
  summaryMinChars: [0, 20_000],
  summaryMaxChars: [50, 20_000],
  bodyMinWords: [0, 50_000],
  bodyMaxWords: [50, 50_000],
  attachmentMaxSizeMb: [1, 25],
  attachmentMaxCount: [0, 10],
} as const satisfies Record<string, readonly [number, number]>;
export type NumberField = keyof typeof NUMBER_BOUNDS;

/** What the form posts: strings, and lists for the checkbox groups. */
export type RawForumSettings = Partial<Record<string, string | string[]>>;

export interface ForumSettings {
  slug: string;
  referencePrefix: string;
  name: LocalizedText;
  guidance: LocalizedText;
  scope: string;
  timeZone: string;
  opensAt: Date;
  closesAt: Date;
  inputLanguages: string[];
  limits: ForumLimits;
  attachmentRules: Forum['attachmentRules'];
  requiredFields: RequirableField[];
  publishNameByDefault: boolean;
  publishOrganisationByDefault: boolean;
  holdDecisionEmails: boolean;
}

const trimmed = z.string().optional().transform((s) => s?.trim() ?? '');
const line = (max: number, required: boolean) =>
  trimmed
    .refine((s) => !required || s.length > 0, { error: 'error.required' })
    .refine(acceptableLine, { error: 'error.invalidCharacters' })
    .refine((s) => countCharacters(s) <= max, { error: 'error.tooLong' });
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const prose = (max: number, required: boolean) =>
  trimmed
    .refine((s) => !required || s.length > 0, { error: 'error.required' })
    .refine((s) => !CONTROL_CHARS.test(s), { error: 'error.invalidCharacters' })
    .refine((s) => countCharacters(s) <= max, { error: 'error.tooLong' });
const whole = (field: NumberField, optional = false) =>
  trimmed
    .refine((s) => optional || s.length > 0, { error: 'error.required' })
    .refine((s) => s === '' || (/^\d{1,6}$/.test(s) && Number(s) >= NUMBER_BOUNDS[field][0] && Number(s) <= NUMBER_BOUNDS[field][1]), {
      error: 'forumAdmin.error.number',
    })
    .transform((s) => (s === '' ? undefined : Number(s)));
const checkbox = z.string().optional().transform((v) => v !== undefined && v !== '');
const subsetOf = <T extends string>(allowed: readonly T[]) =>
  z
    .array(z.string())
    .default([])
    .refine((list) => list.every((v) => (allowed as readonly string[]).includes(v)), { error: 'error.choose' })
    // Canonical order and no repeats, whatever order the browser sent.
    .transform((list) => allowed.filter((v) => list.includes(v)));
const localTime = trimmed.refine((s) => s.length > 0, { error: 'error.required' }).refine((s) => parseLocalInput(s) !== undefined, {
  error: 'forumAdmin.error.dateTime',
});

const textFields = (prefix: 'name' | 'guidance', field: (required: boolean) => z.ZodType<string, string | undefined>) =>
  Object.fromEntries(UN_LANGUAGES.map((l) => [`${prefix}_${l}`, field((REQUIRED_TEXT_LANGUAGES as readonly string[]).includes(l))]));

const rawSchema = z.object({
  slug: trimmed
    .transform((s) => s.toLowerCase())
    .refine((s) => s.length > 0, { error: 'error.required' })
    .refine((s) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s) && s.length >= 3 && s.length <= 60, { error: 'forumAdmin.error.slug' }),
  referencePrefix: trimmed
    .transform((s) => s.toUpperCase())
    .refine((s) => s.length > 0, { error: 'error.required' })
    .refine((s) => /^[A-Z0-9]{2,12}$/.test(s), { error: 'forumAdmin.error.prefix' }),
  ...textFields('name', (required) => line(200, required)),
  ...textFields('guidance', (required) => prose(5_000, required)),
  scope: z.enum(FORUM_SCOPES, { error: 'error.choose' }),
  timeZone: z.string({ error: 'error.choose' }).refine(isValidTimeZone, { error: 'forumAdmin.error.timeZone' }),
  opensAt: localTime,
  closesAt: localTime,
  inputLanguages: subsetOf(UN_LANGUAGES).refine((l) => l.length > 0, { error: 'error.chooseSome' }),
  titleMaxChars: whole('titleMaxChars'),
  summaryMinChars: whole('summaryMinChars', true),
  summaryMaxChars: whole('summaryMaxChars'),
  bodyMinWords: whole('bodyMinWords', true),
  bodyMaxWords: whole('bodyMaxWords'),
  attachmentTypes: subsetOf(ATTACHMENT_TYPES),
  attachmentMaxSizeMb: whole('attachmentMaxSizeMb'),
  attachmentMaxCount: whole('attachmentMaxCount'),
  requiredFields: subsetOf(REQUIRABLE_FIELDS),
  publishNameByDefault: checkbox,
  publishOrganisationByDefault: checkbox,
  holdDecisionEmails: checkbox,
});

export const forumSettingsSchema = rawSchema
  // Runs even when some fields failed (zod reports every problem at once), so it reads them warily.
  .superRefine((v, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const num = (x: unknown) => (typeof x === 'number' ? x : undefined);
    const below = (min: unknown, max: unknown) => num(min) !== undefined && num(max) !== undefined && num(min)! > num(max)!;
    if (below(v.summaryMinChars, v.summaryMaxChars)) problem('summaryMinChars', 'forumAdmin.error.minAboveMax');
    if (below(v.bodyMinWords, v.bodyMaxWords)) problem('bodyMinWords', 'forumAdmin.error.minAboveMax');
    if ((num(v.attachmentMaxCount) ?? 0) > 0 && Array.isArray(v.attachmentTypes) && v.attachmentTypes.length === 0) {
      problem('attachmentTypes', 'forumAdmin.error.attachmentTypes');
    }
    // Local times mean something only in a valid zone; unreadable ones already have their error.
    if (!isValidTimeZone(v.timeZone)) return;
    const instant = (local: unknown) => (typeof local === 'string' && parseLocalInput(local) ? localToUtc(parseLocalInput(local)!, v.timeZone) : undefined);
    const opens = instant(v.opensAt);
    const closes = instant(v.closesAt);
    if (opens && !opens.ok) problem('opensAt', opens.reason === 'gap' ? 'forumAdmin.error.timeGap' : 'forumAdmin.error.dateTime');
    if (closes && !closes.ok) problem('closesAt', closes.reason === 'gap' ? 'forumAdmin.error.timeGap' : 'forumAdmin.error.dateTime');
    if (opens?.ok && closes?.ok && closes.at <= opens.at) problem('closesAt', 'forumAdmin.error.closesBeforeOpens');
  })
  .transform((v): ForumSettings => {
    const texts = (prefix: 'name' | 'guidance') => {
      const out: Record<string, string> = {};
      for (const l of UN_LANGUAGES) {
        const value = (v as Record<string, unknown>)[`${prefix}_${l}`];
        if (typeof value === 'string' && value) out[l] = value;
      }
      return out as LocalizedText;
    };
    const instant = (local: string) => {
      const r = localToUtc(parseLocalInput(local)!, v.timeZone);
      if (!r.ok) throw new Error('unreachable: checked above');
      return r.at;
    };
    const limits: ForumLimits = { titleMaxChars: v.titleMaxChars!, summaryMaxChars: v.summaryMaxChars!, bodyMaxWords: v.bodyMaxWords! };
    // A floor of zero is no floor: keep the stored limits free of meaningless keys.
    if (v.summaryMinChars) limits.summaryMinChars = v.summaryMinChars;
    if (v.bodyMinWords) limits.bodyMinWords = v.bodyMinWords;
    return {
      slug: v.slug,
      referencePrefix: v.referencePrefix,
      name: texts('name'),
      guidance: texts('guidance'),
      scope: v.scope,
      timeZone: v.timeZone,
      opensAt: instant(v.opensAt),
      closesAt: instant(v.closesAt),
      inputLanguages: [...v.inputLanguages],
      limits,
      attachmentRules: {
        allowedTypes: [...v.attachmentTypes],
        maxSizeMb: v.attachmentMaxSizeMb!,
        maxCount: v.attachmentMaxCount!,
      },
      requiredFields: [...v.requiredFields],
      publishNameByDefault: v.publishNameByDefault,
      publishOrganisationByDefault: v.publishOrganisationByDefault,
      holdDecisionEmails: v.holdDecisionEmails,
    };
  });

/** The form's values for a stored forum (times as wall-clock readings in its own zone). */
export function settingsFormValues(forum: Forum): RawForumSettings {
  const values: RawForumSettings = {
    slug: forum.slug,
    referencePrefix: forum.referencePrefix,
    scope: forum.scope,
    timeZone: forum.timeZone,
    opensAt: toLocalInput(forum.opensAt, forum.timeZone),
    closesAt: toLocalInput(forum.closesAt, forum.timeZone),
    inputLanguages: [...forum.inputLanguages],
    titleMaxChars: String(forum.limits.titleMaxChars),
    summaryMinChars: forum.limits.summaryMinChars ? String(forum.limits.summaryMinChars) : '',
    summaryMaxChars: String(forum.limits.summaryMaxChars),
    bodyMinWords: forum.limits.bodyMinWords ? String(forum.limits.bodyMinWords) : '',
    bodyMaxWords: String(forum.limits.bodyMaxWords),
    attachmentTypes: [...forum.attachmentRules.allowedTypes],
    attachmentMaxSizeMb: String(forum.attachmentRules.maxSizeMb),
    attachmentMaxCount: String(forum.attachmentRules.maxCount),
    requiredFields: [...forum.requiredFields],
    publishNameByDefault: forum.publishNameByDefault ? 'yes' : undefined,
    publishOrganisationByDefault: forum.publishOrganisationByDefault ? 'yes' : undefined,
    holdDecisionEmails: forum.holdDecisionEmails ? 'yes' : undefined,
  };
  for (const l of UN_LANGUAGES) {
    values[`name_${l}`] = forum.name[l] ?? '';
    values[`guidance_${l}`] = forum.guidance[l] ?? '';
  }
  return values;
}

/** Starting values for a new forum: the common settings of past calls. */
export const NEW_FORUM_VALUES: RawForumSettings = {
  scope: 'global',
  timeZone: 'America/New_York',
  inputLanguages: [...UN_LANGUAGES],
  titleMaxChars: '200',
  summaryMaxChars: '1500',
  bodyMaxWords: '3000',
  attachmentTypes: ['pdf', 'docx', 'odt'],
  attachmentMaxSizeMb: '10',
  attachmentMaxCount: '1',
};

/** Field names the form posts for one forum (single values; lists are read separately). */
export const SINGLE_SETTING_FIELDS = [
  'slug', 'referencePrefix', 'scope', 'timeZone', 'opensAt', 'closesAt',
  ...UN_LANGUAGES.flatMap((l) => [`name_${l}`, `guidance_${l}`]),
  'titleMaxChars', 'summaryMinChars', 'summaryMaxChars', 'bodyMinWords', 'bodyMaxWords',
  'attachmentMaxSizeMb', 'attachmentMaxCount', 'publishNameByDefault', 'publishOrganisationByDefault',
  'holdDecisionEmails',
] as const;
export const LIST_SETTING_FIELDS = ['inputLanguages', 'attachmentTypes', 'requiredFields'] as const;

/** One message key per field, the first problem first (keys outside ours become 'error.invalid'). */
export function settingsFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (!out[field]) out[field] = /^(error|forumAdmin\.error)\./.test(issue.message) ? issue.message : 'error.invalid';
  }
  return out;
}
