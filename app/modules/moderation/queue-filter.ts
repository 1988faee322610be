/**
 * The moderation queue's filters, read from the page's query string. Values the lists do not know
 * are dropped rather than refused: a bookmark made before a forum was archived should still open.
 */
import { isUuid } from '../ids/uuid';
import { CONSTITUENCY_KEYS } from '../taxonomy/constituencies';
import { isCountryCode } from '../taxonomy/countries';
import { UN_LANGUAGES } from '../taxonomy/locales';
import { OBJECTIVE_KEYS } from '../taxonomy/objectives';
import { REGION_KEYS } from '../taxonomy/regions';
import { searchWords } from '../publication/search/public-search-params';

/** What a moderator sees an input as: its decision, or withdrawn by its submitter. */
export const QUEUE_STAGES = ['pending', 'changes_requested', 'accepted', 'rejected', 'duplicate', 'spam', 'withdrawn'] as const;
export type QueueStage = (typeof QUEUE_STAGES)[number];

export interface QueueCursor {
  receivedAt: string;
  id: string;
}

export interface QueueFilter {
  stage: QueueStage;
  forum?: string;
  constituency?: string;
  region?: string;
  country?: string;
  language?: string;
  objective?: string;
  attachments?: 'yes' | 'no';
  /** yes: likely personal data in the text; similar: near-identical to other inputs (similar-inputs.ts). */
  flagged?: 'yes' | 'similar';
  /** One group of near-identical inputs (its id), to handle together. */
  group?: string;
  /** Words to find in the reference, title, summary, text, organisation or contact name. */
  q?: string;
  order: 'oldest' | 'newest';
  after?: QueueCursor;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

export function parseQueueFilter(params: URLSearchParams): QueueFilter {
  const q = searchWords(params.get('q'), 200);
  const filter: QueueFilter = {
    stage: oneOf(QUEUE_STAGES, params.get('stage')) ?? 'pending',
    forum: isUuid(params.get('forum')) ? (params.get('forum') as string) : undefined,
    constituency: oneOf(CONSTITUENCY_KEYS, params.get('constituency')),
    region: oneOf(REGION_KEYS, params.get('region')),
    country: isCountryCode(params.get('country') ?? '') ? (params.get('country') as string) : undefined,
    language: oneOf(UN_LANGUAGES, params.get('language')),
    objective: oneOf(OBJECTIVE_KEYS, params.get('objective')),
    attachments: oneOf(['yes', 'no'] as const, params.get('attachments')),
    flagged: oneOf(['yes', 'similar'] as const, params.get('flagged')),
    group: isUuid(params.get('group')) ? (params.get('group') as string) : undefined,
    q: q.length > 0 ? q : undefined,
    order: oneOf(['oldest', 'newest'] as const, params.get('order')) ?? 'oldest',
    after: decodeCursor(params.get('after')),
  };
  return filter;
}

/** The query string of a filter (without its cursor unless asked), for links and forms. */
export function queueQuery(filter: QueueFilter, changes: Partial<QueueFilter> = {}): string {
  const merged = { ...filter, ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (key === 'after') continue;
    if (value === undefined || value === '') continue;
    if ((key === 'stage' && value === 'pending') || (key === 'order' && value === 'oldest')) continue;
    params.set(key, String(value));
  }
  if (changes.after) params.set('after', encodeCursor(changes.after));
  return params.toString();
}

/** "time_id" of the last row shown: readable in the address, and the same in browser and server. */
export function encodeCursor(cursor: QueueCursor): string {
  return `${cursor.receivedAt}_${cursor.id}`;
}

function decodeCursor(value: string | null): QueueCursor | undefined {
  if (!value || value.length > 200) return undefined;
  const [receivedAt, id] = value.split('_');
  if (!isUuid(id) || Number.isNaN(Date.parse(receivedAt ?? ''))) return undefined;
  return { receivedAt, id };
}
