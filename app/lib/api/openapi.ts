/**
 * The OpenAPI 3.1 description of /api/v1, generated from the zod schemas the API really uses:
 * the submission schema shared with the web form (its input side) and the response schemas in
 * ./resources. Per-forum rules (languages, length limits) are data, served by GET /api/v1/forums.
 */
import { z } from 'zod';
import { submissionInputSchema } from '../../modules/submissions/submission-input';
import { UNCONFIRMED_EXPIRY_DAYS } from '../../modules/submissions/email-confirmation';
import { SUBMIT_LIMITS } from '../../modules/abuse/rate-limit';
import { UN_LANGUAGES } from '../../modules/taxonomy/locales';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './params';
import { PROBLEM_TYPES, PROBLEMS, PROBLEMS_BASE } from './problem';
import { MAX_JSON_BYTES } from './read-json.server';
import { OPEN_DATA_COLUMNS } from '../../modules/publication/open-data';
import { MAX_QUERY_LENGTH, SEARCH_SORTS } from '../../modules/publication/search/public-search-params';
import { CONSTITUENCY_KEYS } from '../../modules/taxonomy/constituencies';
import { OBJECTIVE_KEYS } from '../../modules/taxonomy/objectives';
import { PRINCIPLE_KEYS } from '../../modules/taxonomy/principles';
import { REGION_KEYS } from '../../modules/taxonomy/regions';
import { SUBMITTER_TYPE_KEYS } from '../../modules/taxonomy/submitter-types';
import { forumListSchema, inputPageSchema, problemSchema, problemTypeSchema, publicInputSchema, submissionReceivedSchema } from './resources';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** Notes on the request fields that the generated types alone do not say. */
const FIELD_NOTES: Record<string, string> = {
  submitterType: 'Who speaks in the input; kept apart from the constituency.',
  contactName: 'One line. Published only if publishName is true.',
  organisation: 'One line. Required for organisations and networks. Published only if publishOrganisation is true.',
  email: 'One plain address. It receives the confirmation link and is never published.',
  constituency: 'The stakeholder group the submitter speaks for.',
  country: 'ISO 3166-1 alpha-2 code; the UN region is derived from it.',
  title: "One line, at most the forum's limits.titleMaxChars characters.",
  summary: "At most the forum's limits.summaryMaxChars characters.",
  body: "The full text, at most the forum's limits.bodyMaxWords words. Kept exactly as sent.",
  language: "The language the input is written in; one of the forum's inputLanguages.",
  objectives: 'GCM objectives addressed (1 to 23, or cross-cutting); at least one.',
  principles: 'Guiding principles addressed; may be empty.',
  publishName: 'Publish the contact name with the input if it is accepted. Absent means false.',
  publishOrganisation: 'Publish the organisation with the input if it is accepted. Absent means false.',
  consentPublication: 'Must be true: inputs are collected for a public record.',
};

function submissionRequestSchema(): JsonSchema {
  // Limits are checked per forum and do not appear in the schema; every UN language is listed.
  const schema = submissionInputSchema({ titleMaxChars: 1, summaryMaxChars: 1, bodyMaxWords: 1 }, UN_LANGUAGES, [], { channel: 'json' });
  const generated = jsonSchema(schema, 'input') as { properties: Record<string, JsonSchema> };
  for (const [field, description] of Object.entries(FIELD_NOTES)) {
    if (!generated.properties[field]) throw new Error(`FIELD_NOTES names ${field}, which the submission schema no longer has`);
    generated.properties[field] = { ...generated.properties[field], description };
  }
  // Not part of the input itself: it only lets the input in after the call closed.
  generated.properties.lateAccessCode = {
    type: 'string',
    description: 'A late-access code the secretariat gave for this forum: lets the input in after the call closed (ignored while the call is open).',
  };
  return {
    ...generated,
    description:
      'The fields of the web form. A forum accepts only its own inputLanguages and checks its own limits (GET /api/v1/forums). ' +
      'consentPublication must be true. A null member counts as absent; members not listed are ignored; a member given twice is refused. ' +
      'organisation is required when submitterType is organisation or network.',
  };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (name: string) => ({ 'application/json': { schema: ref(name) } });

/** The open-data downloads: every published input, streamed, as CSV (columns below) or a JSON array of PublicInput. */
function openDataPaths() {
  const columns = OPEN_DATA_COLUMNS.map((c) => `\`${c.name}\`: ${c.description}`).join(' ');
  const responses = (format: 'csv' | 'json', scope: string) => ({
    '200':
      format === 'csv'
        ? {
            description: `Every published input of ${scope}, newest first: RFC 4180 CSV in UTF-8 with a byte-order mark and a header row. Columns: ${columns}`,
            content: { 'text/csv': { schema: { type: 'string' } } },
          }
        : { description: `Every published input of ${scope}, newest first: a JSON array of PublicInput.`, content: { 'application/json': { schema: { type: 'array', items: ref('PublicInput') } } } },
  });
  const forumPath = (format: 'csv' | 'json') => ({
    get: {
      operationId: `exportForumInputs${format.toUpperCase()}`,
      summary: `Open data: the forum's published inputs as ${format.toUpperCase()} (streamed)`,
      parameters: [slugParameter],
      responses: { ...responses(format, 'the forum'), '404': problemResponse('not-found: no forum with this slug.') },
    },
  });
  const allPath = (format: 'csv' | 'json') => ({
    get: { operationId: `exportAllInputs${format.toUpperCase()}`, summary: `Open data: every forum's published inputs as ${format.toUpperCase()} (streamed)`, responses: responses(format, 'every forum') },
  });
  return {
    '/api/v1/forums/{slug}/inputs.csv': forumPath('csv'),
    '/api/v1/forums/{slug}/inputs.json': forumPath('json'),
    '/api/v1/inputs.csv': allPath('csv'),
    '/api/v1/inputs.json': allPath('json'),
  };
}
const problemResponse = (description: string, headers?: JsonSchema) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

const acceptLanguage = {
  name: 'Accept-Language',
  in: 'header',
  required: false,
  description: 'en or ar: the language of problem titles, details and field messages (English otherwise).',
  schema: { type: 'string' },
};
const slugParameter = { name: 'slug', in: 'path', required: true, schema: { type: 'string' } };

const SEARCH_DESCRIPTION =
  'The same search as the public listing. q takes words in any of the six UN languages, each input being matched in ' +
  'the language it is written in (Arabic, English, French, Russian and Spanish by stem; Chinese by the characters typed, ' +
  'in order); "quoted words" must appear together, `or` between words accepts either, and -word excludes. Filters are ' +
  'combined (an input must match all). A value not listed is refused with 400 rather than ignored.';

function searchParameters(scope: 'forum' | 'all') {
  const filter = (name: string, schema: JsonSchema, description?: string) => ({ name, in: 'query', required: false, schema, ...(description ? { description } : {}) });
  const enumOf = (values: readonly string[]) => ({ type: 'string', enum: [...values] });
  return [
    filter('q', { type: 'string', maxLength: MAX_QUERY_LENGTH }, 'Words to find in the title, summary, text and published author.'),
    ...(scope === 'all' ? [filter('forum', { type: 'string' }, "A forum's slug.")] : []),
    filter('objective', enumOf(OBJECTIVE_KEYS)),
    filter('principle', enumOf(PRINCIPLE_KEYS)),
    filter('constituency', enumOf(CONSTITUENCY_KEYS)),
    filter('submitterType', enumOf(SUBMITTER_TYPE_KEYS)),
    filter('region', enumOf(REGION_KEYS)),
    filter('country', { type: 'string', pattern: '^[A-Z]{2}$' }, 'ISO 3166-1 alpha-2 code.'),
    filter('language', enumOf(UN_LANGUAGES), 'The language the input is written in.'),
    filter('sort', enumOf(SEARCH_SORTS), 'relevance (the default: inputs whose title or summary matches q first, then those matching in their text, newest first within each; without q, newest first), newest or oldest, by publication.'),
    filter('limit', { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE }),
    filter('cursor', { type: 'string' }, 'nextCursor of the previous page, with the same q and sort.'),
  ];
}

let cached: JsonSchema | undefined;

export function openApiDocument(): JsonSchema {
  cached ??= {
    openapi: '3.1.0',
    info: {
      title: 'GCM Review Inputs API',
      version: '1.1.0',
      description:
        'Send written inputs to the review forums of the Global Compact for Migration, and read the published ones. ' +
        `An input sent here gets the same confirmation e-mail as one sent with the web form, and reaches the secretariat only once its ` +
        `address is confirmed; an input not confirmed within ${UNCONFIRMED_EXPIRY_DAYS} days is erased. Errors are RFC 9457 problem details. ` +
        'The API uses no cookies and allows no cross-origin browser use.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths: {
      '/api/v1/forums': {
        get: {
          operationId: 'listForums',
          summary: 'Forums and their calls for inputs',
          responses: { '200': { description: 'Every forum, soonest closing first.', content: jsonContent('ForumList') } },
        },
      },
      '/api/v1/forums/{slug}/submissions': {
        post: {
          operationId: 'submitInput',
          summary: 'Send one written input',
          description:
            `Body: application/json, at most ${MAX_JSON_BYTES} bytes, UTF-8. Limits as for the web form: ` +
            `${SUBMIT_LIMITS.perIp.limit} inputs an hour per client address, ${SUBMIT_LIMITS.perEmail.limit} an hour and ` +
            `${SUBMIT_LIMITS.perEmailDaily.limit} a day per e-mail address.`,
          parameters: [
            slugParameter,
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: true,
              description: 'A UUID made by the client for this input. A retry with the same key and body gets the first answer again (200); a different body with a used key is refused (422).',
              schema: { type: 'string', format: 'uuid' },
            },
            acceptLanguage,
          ],
          requestBody: { required: true, content: jsonContent('SubmissionRequest') },
          responses: {
            '201': { description: 'Stored; a confirmation e-mail is on its way to the address given.', content: jsonContent('SubmissionReceived') },
            '200': {
              description: 'A retry of an input already stored: the same answer as the first time.',
              headers: { 'Idempotent-Replayed': { schema: { type: 'string', const: 'true' } } },
              content: jsonContent('SubmissionReceived'),
            },
            '400': problemResponse('malformed-body (not JSON, not UTF-8, a member twice) or idempotency-key-required.'),
            '403': problemResponse('cross-site-request: a browser request from another site.'),
            '404': problemResponse('not-found: no forum with this slug.'),
            '409': problemResponse('call-not-open: the call is upcoming or closed.'),
            '413': problemResponse('content-too-large.'),
            '415': problemResponse('unsupported-media-type: the body is not declared as application/json, or is compressed.'),
            '422': problemResponse('validation-failed (with errors per field), or idempotency-key-reused.'),
            '429': problemResponse('rate-limited.', { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'string' } } }),
            '500': problemResponse('server-error.'),
          },
        },
      },
      '/api/v1/forums/{slug}/inputs': {
        get: {
          operationId: 'searchForumInputs',
          summary: 'Published inputs of one forum: search, filter, page',
          description: SEARCH_DESCRIPTION,
          parameters: [slugParameter, ...searchParameters('forum')],
          responses: {
            '200': { description: 'One page.', content: jsonContent('InputPage') },
            '400': problemResponse('invalid-query.'),
            '404': problemResponse('not-found: no forum with this slug.'),
          },
        },
      },
      '/api/v1/inputs': {
        get: {
          operationId: 'searchInputs',
          summary: "Every forum's published inputs: search, filter, page",
          description: SEARCH_DESCRIPTION,
          parameters: searchParameters('all'),
          responses: {
            '200': { description: 'One page.', content: jsonContent('InputPage') },
            '400': problemResponse('invalid-query.'),
          },
        },
      },
      ...openDataPaths(),
      '/api/v1/inputs/{reference}': {
        get: {
          operationId: 'getPublishedInput',
          summary: 'One published input, full text included',
          parameters: [{ name: 'reference', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'The input.', content: jsonContent('PublicInput') },
            '404': problemResponse('not-found: no published input with this reference.'),
            '410': problemResponse('withdrawn-from-publication: the secretariat withdrew this input from publication; the problem names its `reference` and `withdrawnAt`.'),
          },
        },
      },
      '/api/v1/problems/{type}': {
        get: {
          operationId: 'describeProblemType',
          summary: 'What a problem type URI names',
          parameters: [{ name: 'type', in: 'path', required: true, schema: { type: 'string', enum: PROBLEM_TYPES } }],
          responses: {
            '200': { description: 'The problem type.', content: jsonContent('ProblemType') },
            '404': problemResponse('not-found.'),
          },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          operationId: 'getOpenApiDocument',
          summary: 'This document',
          responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } },
        },
      },
    },
    components: {
      schemas: {
        ForumList: jsonSchema(forumListSchema),
        SubmissionRequest: submissionRequestSchema(),
        SubmissionReceived: jsonSchema(submissionReceivedSchema),
        InputPage: jsonSchema(inputPageSchema),
        PublicInput: jsonSchema(publicInputSchema),
        ProblemType: jsonSchema(problemTypeSchema),
        Problem: {
          ...jsonSchema(problemSchema),
          'x-problem-types': Object.fromEntries(PROBLEM_TYPES.map((type) => [`${PROBLEMS_BASE}${type}`, { status: PROBLEMS[type].status }])),
        },
      },
    },
  };
  return cached;
}
