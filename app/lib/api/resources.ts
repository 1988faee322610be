/**
 * What the JSON API returns, as zod schemas (the OpenAPI document is generated from them) and the
 * functions that build each representation. Strict objects: a member not listed here can never
 * leave through the API, and the contract tests fail if one tries.
 */
import { z } from 'zod';
import type { Forum, ForumLimits } from '../../../db/schema';
import type { PublicInput } from '../../modules/publication/public-inputs';
import { callState } from '../../modules/forums/call-window';
import { CONSTITUENCY_KEYS } from '../../modules/taxonomy/constituencies';
import { INTERFACE_LOCALES, UN_LANGUAGES } from '../../modules/taxonomy/locales';
import { OBJECTIVE_KEYS } from '../../modules/taxonomy/objectives';
import { PRINCIPLE_KEYS } from '../../modules/taxonomy/principles';
import { REGION_KEYS } from '../../modules/taxonomy/regions';
import { SUBMITTER_TYPE_KEYS } from '../../modules/taxonomy/submitter-types';

const keysOf = (keys: readonly string[]) => z.enum(keys as [string, ...string[]]);
const instant = z.iso.datetime({ offset: false }).describe('An instant in UTC (ISO 8601).');
const link = z.string().describe('A path on this portal.');

const localizedText = z
  .strictObject({
    en: z.string(),
    ...Object.fromEntries(UN_LANGUAGES.filter((l) => l !== 'en').map((l) => [l, z.string().optional()])),
  })
  .describe('Text per UN language (ISO 639-1); English is always present and is the fallback.');

export const forumSchema = z.strictObject({
  slug: z.string(),
  name: localizedText,
  guidance: localizedText,
  scope: keysOf(['global', ...REGION_KEYS]).describe("'global' (the IMRF) or the UN regional commission running the review."),
  call: z.strictObject({
    state: z.enum(['upcoming', 'open', 'closed']).describe('Decided by the server clock: open from opensAt (inclusive) until closesAt (exclusive).'),
    opensAt: instant,
    closesAt: instant,
    timeZone: z.string().describe('IANA time zone in which the call states its deadline.'),
  }),
  inputLanguages: z.array(keysOf(UN_LANGUAGES)).describe('Languages an input to this forum may be written in.'),
  limits: z.strictObject({
    titleMaxChars: z.int(),
    summaryMaxChars: z.int(),
    bodyMaxWords: z.int(),
  }),
  links: z.strictObject({ submissions: link, inputs: link, page: link }),
});

export const forumListSchema = z.strictObject({ forums: z.array(forumSchema) });

const author = z
  .strictObject({
    name: z.string().nullable(),
    organisation: z.string().nullable(),
    submitterType: keysOf(SUBMITTER_TYPE_KEYS),
  })
  .describe('Name and organisation only where the submitter agreed to their publication; null otherwise.');

const publicInputFields = {
  reference: z.string(),
  forum: z.strictObject({ slug: z.string(), name: localizedText }),
  title: z.string(),
  summary: z.string(),
  language: keysOf(UN_LANGUAGES),
  author,
  constituency: keysOf(CONSTITUENCY_KEYS),
  country: z.string().describe('ISO 3166-1 alpha-2 code.'),
  region: keysOf(REGION_KEYS),
  objectives: z.array(keysOf(OBJECTIVE_KEYS)),
  principles: z.array(keysOf(PRINCIPLE_KEYS)),
  publishedAt: instant,
};

export const publicInputSchema = z.strictObject({
  ...publicInputFields,
  body: z.string(),
  links: z.strictObject({ self: link, page: link }),
});

export const publicInputSummarySchema = z.strictObject({
  ...publicInputFields,
  links: z.strictObject({ self: link, page: link }),
});

export const inputPageSchema = z.strictObject({
  inputs: z.array(publicInputSummarySchema).describe('In the order asked for (sort).'),
  total: z.int().describe('How many published inputs match, on every page together, counted up to 1000.'),
  totalCapped: z.boolean().describe('True when more inputs match than total says: a listing stops counting at 1000.'),
  nextCursor: z.string().nullable().describe('Pass as cursor to get the next page; null on the last page.'),
  links: z.strictObject({ next: link.nullable() }),
});

export const submissionReceivedSchema = z.strictObject({
  reference: z.string().describe('The reference of the input, as on its receipt and e-mails.'),
  forum: z.string().describe('Slug of the forum.'),
  status: z.literal('awaiting_confirmation'),
  receivedAt: instant,
  confirmBy: instant.describe('An input whose address is not confirmed by then is erased.'),
  note: z.string().describe('What happens next, in the language negotiated with Accept-Language.'),
});

const fieldError = z.strictObject({
  field: z.string().describe("The request member at fault, or 'form' for the body as a whole."),
  pointer: z.string().describe('JSON Pointer (RFC 6901) to the member in the request body.'),
  key: z.string().describe('Stable message key, e.g. error.required.'),
  message: z.string().describe('The message in the language negotiated with Accept-Language.'),
});

export const problemSchema = z
  .looseObject({
    type: z.string().describe('URI reference naming the kind of problem; stable.'),
    title: z.string(),
    status: z.int(),
    detail: z.string().optional(),
    errors: z.array(fieldError).optional().describe('validation-failed: one entry per field at fault.'),
    retryAfterSeconds: z.int().optional().describe('rate-limited: as in the Retry-After header.'),
    callState: z.enum(['upcoming', 'open', 'closed']).optional().describe('call-not-open: the state of the call.'),
    opensAt: instant.optional().describe('call-not-open: when the call opens.'),
    closesAt: instant.optional().describe('call-not-open: when the call closes.'),
    maxBytes: z.int().optional().describe('content-too-large: the limit.'),
  })
  .describe('RFC 9457 problem details.');

export const problemTypeSchema = z.strictObject({
  type: z.string(),
  status: z.int(),
  title: z.record(z.enum(INTERFACE_LOCALES), z.string()),
  documentation: link,
});

export function forumResource(forum: Forum, now = new Date()): z.infer<typeof forumSchema> {
  const limits: ForumLimits = forum.limits;
  return {
    slug: forum.slug,
    name: forum.name,
    guidance: forum.guidance,
    scope: forum.scope,
    call: {
      state: callState(forum, now),
      opensAt: forum.opensAt.toISOString(),
      closesAt: forum.closesAt.toISOString(),
      timeZone: forum.timeZone,
    },
    inputLanguages: forum.inputLanguages,
    limits: { titleMaxChars: limits.titleMaxChars, summaryMaxChars: limits.summaryMaxChars, bodyMaxWords: limits.bodyMaxWords },
    links: {
      submissions: `/api/v1/forums/${forum.slug}/submissions`,
      inputs: `/api/v1/forums/${forum.slug}/inputs`,
      page: `/en/forums/${forum.slug}`,
    },
  };
}

export function publicInputSummary(input: Omit<PublicInput, 'body'>): z.infer<typeof publicInputSummarySchema> {
  return {
    reference: input.reference,
    forum: { slug: input.forumSlug, name: input.forumName },
    title: input.title,
    summary: input.summary,
    language: input.language,
    author: { name: input.authorName, organisation: input.authorOrganisation, submitterType: input.submitterType },
    constituency: input.constituency,
    country: input.country,
    region: input.region,
    objectives: input.objectives,
    principles: input.principles,
    publishedAt: input.publishedAt!.toISOString(),
    links: { self: `/api/v1/inputs/${input.reference}`, page: `/en/inputs/${input.reference}` },
  };
}

export function publicInputResource(input: PublicInput): z.infer<typeof publicInputSchema> {
  const { links, ...summary } = publicInputSummary(input);
  return { ...summary, body: input.body, links };
}
