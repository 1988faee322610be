/**
 * One decision applied to several inputs, each with the version the moderator saw and the same
 * guards as a single decision (decide.ts), each in its own transaction: an input someone else
 * changed or claimed meanwhile is skipped and named, the others are decided.
 */
import { inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { submissions } from '../../../db/schema';
import { decide, type DecisionRequest } from './decide';

export interface BulkItem {
  id: string;
  version: number;
}

export interface BulkResult {
  decided: number;
  /** References of the inputs left as they were, and why. */
  skipped: Array<{ reference: string; reason: 'stale' | 'claimed' | 'not_found' | 'not_allowed' }>;
}

export async function decideMany(
  db: Db,
  args: { items: BulkItem[]; staffId: string; request: Exclude<DecisionRequest, { decision: 'duplicate' | 'changes_requested' }>; mayModerate: (forumId: string) => boolean },
): Promise<BulkResult> {
  const ids = args.items.map((i) => i.id);
  const rows = ids.length ? await db.select({ id: submissions.id, forumId: submissions.forumId, reference: submissions.reference }).from(submissions).where(inArray(submissions.id, ids)) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const result: BulkResult = { decided: 0, skipped: [] };
  for (const item of args.items) {
    const row = byId.get(item.id);
    if (!row || !args.mayModerate(row.forumId)) {
      result.skipped.push({ reference: row?.reference ?? item.id, reason: row ? 'not_allowed' : 'not_found' });
      continue;
    }
    const outcome = await decide(db, { submissionId: item.id, expectedVersion: item.version, staffId: args.staffId, request: args.request });
    if (outcome.ok) result.decided += 1;
    else result.skipped.push({ reference: row.reference, reason: outcome.reason === 'claimed' ? 'claimed' : outcome.reason === 'not_found' ? 'not_found' : 'stale' });
  }
  return result;
}

/** Reads "id:version" values of the ticked boxes; anything else is ignored. */
export function parseBulkItems(values: string[]): BulkItem[] {
  const items: BulkItem[] = [];
  for (const value of values.slice(0, 200)) {
    const [id, v] = value.split(':');
    const version = Number(v);
    if (/^[0-9a-f-]{36}$/i.test(id ?? '') && Number.isSafeInteger(version) && version > 0 && version < 2_147_483_647) items.push({ id, version });
  }
  return items;
}
