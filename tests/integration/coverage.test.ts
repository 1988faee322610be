/**
 * The coverage map's counts against the real database: every objective an input addresses counts
 * it once, published inputs only for the public, inputs still in review too for staff, never
 * withdrawn, rejected or unconfirmed ones; languages and weeks count inputs once, weeks without
 * inputs show as 0.
 */
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { decide } from '../../app/modules/moderation/decide';
import { forumCoverage, type CountGrid } from '../../app/modules/publication/coverage';
import { upsertStaffUser } from '../../app/modules/staff/staff-accounts';
import { withdrawSubmission } from '../../app/modules/submissions/withdraw';
import { submissions } from '../../db/schema';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { testDb } from '../helpers/services';

const handle = testDb();
const { db } = handle;
afterAll(() => handle.close());

const cell = (g: CountGrid, row: string, column: string) => g.counts[g.rows.indexOf(row)][g.columns.indexOf(column)];

describe('coverage', () => {
  it('counts objectives by group and region, languages and weeks, for the public and for staff', async () => {
    const forum = await createForum(db, 'open');
    const staff = await upsertStaffUser(db, { email: `cov-${crypto.randomUUID().slice(0, 8)}@un.example`, displayName: 'Coverage', role: 'moderator', password: 'correct horse battery staple' });
    const accept = async (id: string) => expect(await decide(db, { submissionId: id, expectedVersion: 1, staffId: staff.id, request: { decision: 'accepted' } })).toEqual({ ok: true });
    const at = async (id: string, iso: string) => db.update(submissions).set({ receivedAt: new Date(iso) }).where(eq(submissions.id, id));

    const a = await createTestSubmission(db, forum, { objectives: ['6', '15'], constituency: 'trade_unions', country: 'PH', region: 'ESCAP', language: 'en' });
    await at(a.id, '2026-03-02T10:00:00Z');
    await accept(a.id);
    const b = await createTestSubmission(db, forum, { objectives: ['6'], constituency: 'migrants', country: 'JO', region: 'ESCWA', language: 'ar' });
    await at(b.id, '2026-03-17T10:00:00Z');
    await accept(b.id);
    const pending = await createTestSubmission(db, forum, { objectives: ['6', '23'], constituency: 'migrants', country: 'JO', region: 'ESCWA', language: 'ar' });
    await at(pending.id, '2026-03-18T10:00:00Z');
    const rejected = await createTestSubmission(db, forum, { objectives: ['6'], constituency: 'migrants', language: 'ar' });
    await decide(db, { submissionId: rejected.id, expectedVersion: 1, staffId: staff.id, request: { decision: 'rejected', category: 'out_of_scope', reason: 'Not about migration.' } });
    const withdrawn = await createTestSubmission(db, forum, { objectives: ['6'], constituency: 'migrants', language: 'ar' });
    expect(await withdrawSubmission(db, withdrawn.id)).toBe(true);
    await createTestSubmission(db, forum, { objectives: ['6'] }, 'en', { confirmed: false });

    const open = await forumCoverage(db, forum.id, 'published');
    expect(open.total).toBe(2);
    expect(cell(open.byConstituency, '6', 'trade_unions')).toBe(1);
    expect(cell(open.byConstituency, '15', 'trade_unions')).toBe(1);
    expect(cell(open.byConstituency, '6', 'migrants')).toBe(1);
    expect(cell(open.byConstituency, '23', 'migrants')).toBe(0);
    expect(cell(open.byRegion, '6', 'ESCWA')).toBe(1);
    expect(cell(open.byRegion, '6', 'ESCAP')).toBe(1);
    expect(open.byConstituency.counts.flat().reduce((x, y) => x + y)).toBe(3);
    expect(open.byLanguage.filter((l) => l.count > 0)).toEqual([{ key: 'ar', count: 1 }, { key: 'en', count: 1 }]);
    // Weeks from 2 March to 16 March 2026 (Mondays), the one between without inputs at 0.
    expect(open.byWeek.map((w) => [w.weekStart.toISOString().slice(0, 10), w.count])).toEqual([['2026-03-02', 1], ['2026-03-09', 0], ['2026-03-16', 1]]);

    const review = await forumCoverage(db, forum.id, 'underReview');
    expect(review.total).toBe(3);
    expect(cell(review.byConstituency, '6', 'migrants')).toBe(2);
    expect(cell(review.byConstituency, '23', 'migrants')).toBe(1);
    expect(review.byLanguage.find((l) => l.key === 'ar')?.count).toBe(2);
    expect(review.byWeek.at(-1)).toEqual({ weekStart: new Date('2026-03-16T00:00:00Z'), count: 2 });
  });
});
