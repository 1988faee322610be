/**
 * Open data is read in keyset batches: every published input comes exactly once, in order, even
 * when many share one publication instant (a forum's inputs scheduled together), and across forums.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { decide } from '../../app/modules/moderation/decide';
import { publishedInputBatches } from '../../app/modules/publication/open-data';
import { publishDue } from '../../app/modules/publication/publish';
import { upsertStaffUser } from '../../app/modules/staff/staff-accounts';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { testDb } from '../helpers/services';

const handle = testDb();
const { db } = handle;
afterAll(() => handle.close());

async function collect(forumId: string | undefined, batchSize: number) {
  const batches: string[][] = [];
  for await (const batch of publishedInputBatches(db, forumId, batchSize)) batches.push(batch.map((i) => i.reference));
  return batches;
}

describe('open data batches', () => {
  it('yields each published input once, newest first, across batch boundaries and shared instants', async () => {
    const forum = await createForum(db);
    const staff = await upsertStaffUser(db, { email: `od-${crypto.randomUUID().slice(0, 8)}@un.example`, displayName: 'Open data', role: 'moderator', password: 'correct horse battery staple' });
    const at = new Date(Date.now() + 60_000);
    const together = [];
    for (let i = 0; i < 5; i++) {
      const input = await createTestSubmission(db, forum);
      await decide(db, { submissionId: input.id, expectedVersion: 1, staffId: staff.id, request: { decision: 'accepted', publishAt: at } });
      together.push(input.reference);
    }
    const later = await createTestSubmission(db, forum);
    await createTestSubmission(db, forum); // never decided: never in open data
    await publishDue(db, new Date(at.getTime() + 1000));
    await decide(db, { submissionId: later.id, expectedVersion: 1, staffId: staff.id, request: { decision: 'accepted' } });

    const batches = await collect(forum.id, 2);
    expect(batches.map((b) => b.length)).toEqual([2, 2, 2]);
    // The five carry their scheduled instant, a minute after the one published at once: they come
    // first, and among themselves by reference, descending.
    expect(batches.flat()).toEqual([...[...together].sort().reverse(), later.reference]);

    const everywhere = (await collect(undefined, 3)).flat();
    expect(new Set(everywhere).size).toBe(everywhere.length);
    expect(everywhere).toEqual(expect.arrayContaining([...together, later.reference]));
  });
});
