import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { listQueuePage } from '../../app/modules/moderation/moderation-queue';
import { parseQueueFilter, queueQuery, type QueueFilter } from '../../app/modules/moderation/queue-filter';
import { submissions } from '../../db/schema';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { testDb } from '../helpers/services';

const handle = testDb();
const { db } = handle;
afterAll(() => handle.close());

/** Every id the queue shows, following each page's link as a moderator would. */
async function walk(filter: QueueFilter, pageSize: number): Promise<string[]> {
  const ids: string[] = [];
  let current = filter;
  // Bounded: a cursor that does not move on would otherwise page for ever.
  for (let pages = 0; pages < 20; pages++) {
    const page = await listQueuePage(db, current, 'all', pageSize);
    ids.push(...page.rows.map((r) => r.id));
    if (!page.next) return ids;
    // Through the query string, as the "next" link carries the cursor.
    current = parseQueueFilter(new URLSearchParams(queueQuery(current, { after: page.next })));
  }
  return ids;
}

describe('moderation queue pages', () => {
  it('shows every input once, in order, across pages, with times to the microsecond and ties', async () => {
    const forum = await createForum(db);
    const created = [];
    for (let i = 0; i < 6; i++) created.push(await createTestSubmission(db, forum));
    const ids = created.map((c) => c.id);
    // Times that differ below the millisecond, and two inputs received at the very same instant.
    const times = ['2026-01-05T10:00:00.000100Z', '2026-01-05T10:00:00.000200Z', '2026-01-05T10:00:00.000900Z', '2026-01-05T10:00:00.500001Z', '2026-01-05T10:00:00.500001Z', '2026-01-06T08:00:00.999999Z'];
    for (const [i, id] of ids.entries()) await db.update(submissions).set({ receivedAt: sql`${times[i]}::timestamptz` }).where(eq(submissions.id, id));

    const oldest: QueueFilter = { ...parseQueueFilter(new URLSearchParams()), forum: forum.id };
    const expected = ids.slice(0, 3).concat([ids[3], ids[4]].sort(), ids[5]);
    for (const pageSize of [1, 2, 4]) expect(await walk(oldest, pageSize)).toEqual(expected);
    expect(await walk({ ...oldest, order: 'newest' }, 2)).toEqual([...expected].reverse());
  });
});
