/**
 * The public moderation ledger against real PostgreSQL: inputs are brought into each state through
 * the real modules (confirmation, decisions, withdrawal, erasure), and the ledger must count each
 * received input in exactly one outcome, leave out inputs never confirmed, and see only its forum.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { unpublishSubmission } from '../../app/modules/publication/publish';
import { decide, type DecisionRequest } from '../../app/modules/moderation/decide';
import { moderationLedger } from '../../app/modules/publication/moderation-ledger';
import { upsertStaffUser } from '../../app/modules/staff/staff-accounts';
import { erasePersonalData } from '../../app/modules/submissions/personal-data';
import { unlinkedDigestFields } from '../../app/modules/submissions/unlink-digest';
import { withdrawSubmission } from '../../app/modules/submissions/withdraw';
import { CONSTITUENCY_KEYS } from '../../app/modules/taxonomy/constituencies';
import { REGION_KEYS } from '../../app/modules/taxonomy/regions';
import { submissions, type Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { testDb } from '../helpers/services';

const handle = testDb();
const { db } = handle;
afterAll(() => handle.close());

const MIGRANT_IN_MEXICO = { constituency: 'migrants', country: 'MX', region: 'ECLAC' } as const;
const UNION_IN_KENYA = { constituency: 'trade_unions', country: 'KE', region: 'ECA' } as const;
const ACADEMIC_IN_FRANCE = { constituency: 'academia', country: 'FR', region: 'ECE' } as const;
/** Used only for inputs that must not be counted: any count for media or ESCAP is a leak. */
const JOURNALIST_IN_JAPAN = { constituency: 'media', country: 'JP', region: 'ESCAP' } as const;

async function moderator() {
  return upsertStaffUser(db, { email: `ledger-${crypto.randomUUID().slice(0, 8)}@un.example`, displayName: 'Moderator', role: 'moderator', password: 'correct horse battery staple' });
}

const now = async () => (await db.execute<{ now: string }>(sql`select now()::text as now`))[0].now;

/** A confirmed input of `forum` with the given decision (the default factory input: civil society, Lebanon, ESCWA). */
async function decided(forum: Forum, staffId: string, request: DecisionRequest, overrides = {}) {
  const input = await createTestSubmission(db, forum, overrides);
  expect(await decide(db, { submissionId: input.id, expectedVersion: 1, staffId, request })).toEqual({ ok: true });
  return input;
}

function zeroRows(keys: readonly string[]) {
  return keys.map((key) => ({ key, received: 0, published: 0 }));
}

describe('the moderation ledger of a forum', () => {
  it('counts each confirmed input in one outcome, rejections by category, and received and published by group and region', async () => {
    const forum = await createForum(db);
    const other = await createForum(db);
    const staff = await moderator();

    // Awaiting a decision: two pending, one returned for changes.
    await createTestSubmission(db, forum);
    await createTestSubmission(db, forum, MIGRANT_IN_MEXICO);
    await decided(forum, staff.id, { decision: 'changes_requested', reason: 'Please add the country you write about.' }, UNION_IN_KENYA);
    // Published: accepting publishes at once.
    const original = await decided(forum, staff.id, { decision: 'accepted' });
    await decided(forum, staff.id, { decision: 'accepted' });
    await decided(forum, staff.id, { decision: 'accepted' }, MIGRANT_IN_MEXICO);
    // Accepted for publication at a later time, and published then withdrawn from publication.
    await decided(forum, staff.id, { decision: 'accepted', publishAt: new Date(Date.now() + 86_400_000) }, ACADEMIC_IN_FRANCE);
    const withdrawnFromPublication = await decided(forum, staff.id, { decision: 'accepted' });
    expect(await unpublishSubmission(db, { submissionId: withdrawnFromPublication.id, staffId: staff.id, reason: 'Named a child.' })).toBe('unpublished');
    // Not accepted: every category but personal_data_risk, out_of_scope twice.
    for (const category of ['out_of_scope', 'out_of_scope', 'not_gcm', 'abusive', 'spam', 'other'] as const) {
      await decided(forum, staff.id, { decision: 'rejected', category, reason: 'Not for this call.' });
    }
    await decided(forum, staff.id, { decision: 'duplicate', duplicateOf: original.id });
    await decided(forum, staff.id, { decision: 'spam' });
    // Withdrawn: once by the submitter, once by erasing their personal data while it waited.
    expect(await withdrawSubmission(db, (await createTestSubmission(db, forum)).id)).toBe(true);
    expect(await erasePersonalData(db, (await createTestSubmission(db, forum)).id)).toEqual({ erased: true, withdrawn: true });

    // Never counted: unconfirmed, unconfirmed then withdrawn, expired unconfirmed, and other forums' inputs.
    await createTestSubmission(db, forum, JOURNALIST_IN_JAPAN, 'en', { confirmed: false });
    const takenBack = await createTestSubmission(db, forum, JOURNALIST_IN_JAPAN, 'en', { confirmed: false });
    expect(await withdrawSubmission(db, takenBack.id)).toBe(true);
    // Expired as the sweeper leaves it, set on this one row: running the sweeper would expire
    // other test files' old unconfirmed inputs too.
    const expired = await createTestSubmission(db, forum, JOURNALIST_IN_JAPAN, 'en', { confirmed: false });
    await db.update(submissions).set({ expiredAt: new Date(), contactName: '', email: '', title: '', summary: '', body: '', ...unlinkedDigestFields }).where(eq(submissions.id, expired.id));
    await createTestSubmission(db, other, JOURNALIST_IN_JAPAN);
    await decided(other, staff.id, { decision: 'accepted' }, JOURNALIST_IN_JAPAN);
    await decided(other, staff.id, { decision: 'spam' }, JOURNALIST_IN_JAPAN);

    const before = await now();
    const { asOf, ...ledger } = await moderationLedger(db, forum.id);
    const after = await now();

    const byKey = (rows: Array<{ key: string; received: number; published: number }>, nonZero: Record<string, [number, number]>) =>
      rows.map(({ key }) => ({ key, received: nonZero[key]?.[0] ?? 0, published: nonZero[key]?.[1] ?? 0 }));
    expect(ledger).toEqual({
      received: 18,
      outcomes: { published: 3, acceptedNotPublished: 1, unpublished: 1, awaitingDecision: 3, rejected: 6, duplicate: 1, spam: 1, withdrawn: 2 },
      rejectedBy: { out_of_scope: 2, not_gcm: 1, abusive: 1, spam: 1, personal_data_risk: 0, other: 1 },
      byConstituency: byKey(zeroRows(CONSTITUENCY_KEYS), { civil_society: [14, 2], migrants: [2, 1], trade_unions: [1, 0], academia: [1, 0] }),
      byRegion: byKey(zeroRows(REGION_KEYS), { ESCWA: [14, 2], ECLAC: [2, 1], ECA: [1, 0], ECE: [1, 0] }),
    });
    // The outcomes partition what was received.
    expect(Object.values(ledger.outcomes).reduce((a, b) => a + b, 0)).toBe(ledger.received);
    // Taken by the database's clock, during the call.
    expect(asOf).toBeInstanceOf(Date);
    expect(asOf.getTime()).toBeGreaterThanOrEqual(new Date(before).getTime());
    expect(asOf.getTime()).toBeLessThanOrEqual(new Date(after).getTime());
    // Nothing about any single input leaves the module.
    const [anyInput] = await db.select().from(submissions).where(eq(submissions.forumId, forum.id)).limit(1);
    expect(JSON.stringify(ledger)).not.toContain(anyInput.reference);
    expect(JSON.stringify(ledger)).not.toContain(anyInput.id);
  });

  it('lists every outcome, category, group and region at zero for a forum nothing was confirmed for', async () => {
    const forum = await createForum(db);
    await createTestSubmission(db, forum, {}, 'en', { confirmed: false });
    const { asOf, ...ledger } = await moderationLedger(db, forum.id);
    expect(asOf).toBeInstanceOf(Date);
    expect(ledger).toEqual({
      received: 0,
      outcomes: { published: 0, acceptedNotPublished: 0, unpublished: 0, awaitingDecision: 0, rejected: 0, duplicate: 0, spam: 0, withdrawn: 0 },
      rejectedBy: { out_of_scope: 0, not_gcm: 0, abusive: 0, spam: 0, personal_data_risk: 0, other: 0 },
      byConstituency: zeroRows(CONSTITUENCY_KEYS),
      byRegion: zeroRows(REGION_KEYS),
    });
  });
});
