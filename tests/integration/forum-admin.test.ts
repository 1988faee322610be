/**
 * Forum administration against the real database: settings validated and converted from local
 * times, every change audited in its transaction, edits refused on a stale version, and late-access
 * codes that are stored hashed and stop working when expired or revoked, even mid-submit.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { forumSettingsSchema, settingsFieldErrors, settingsFormValues, type RawForumSettings } from '../../app/modules/forums/forum-settings';
import {
  generateLateAccessCode,
  holdLateAccess,
  listLateAccessCodes,
  normaliseLateCode,
  revokeLateAccessCode,
  verifyLateAccessCode,
} from '../../app/modules/forums/late-access';
import { addForum, editForum } from '../../app/modules/forums/save-forum';
import { createSubmission } from '../../app/modules/submissions/create-submission';
import { upsertStaffUser } from '../../app/modules/staff/staff-accounts';
import { auditEvents, forums, lateAccessCodes, submissions } from '../../db/schema';
import { createForum } from '../factories/forums';
import { createTestSubmission, submissionInput } from '../factories/submissions';
import { testDb } from '../helpers/services';
import { seedDemoForums } from '../../db/seed';
import { callState } from '../../app/modules/forums/call-window';

const handle = testDb();
const { db } = handle;
afterAll(() => handle.close());

const tag = () => crypto.randomUUID().slice(0, 8);
async function admin() {
  return upsertStaffUser(db, { email: `admin-${tag()}@un.example`, displayName: 'Admin', role: 'admin', password: 'correct horse battery staple' });
}

function raw(overrides: RawForumSettings = {}): RawForumSettings {
  const t = tag();
  return {
    slug: `rr-${t}`,
    referencePrefix: `RR${t.slice(0, 6).toUpperCase()}`,
    name_en: 'Regional Review 2028 – Arab region',
    name_ar: 'الاستعراض الإقليمي 2028 – المنطقة العربية',
    guidance_en: 'Share progress and gaps.',
    guidance_ar: 'شارِك التقدم والثغرات.',
    scope: 'ESCWA',
    timeZone: 'Asia/Beirut',
    opensAt: '2028-03-01T09:00',
    closesAt: '2028-04-30T17:00',
    inputLanguages: ['ar', 'en', 'fr'],
    titleMaxChars: '150',
    summaryMinChars: '300',
    summaryMaxChars: '3000',
    bodyMinWords: '',
    bodyMaxWords: '1000',
    attachmentTypes: ['pdf', 'docx'],
    attachmentMaxSizeMb: '25',
    attachmentMaxCount: '1',
    requiredFields: ['principles'],
    publishOrganisationByDefault: 'yes',
    ...overrides,
  };
}

const parse = (r: RawForumSettings) => forumSettingsSchema.safeParse(r);
const errorsOf = (r: RawForumSettings) => {
  const p = parse(r);
  return p.success ? {} : settingsFieldErrors(p.error);
};

describe('forum settings', () => {
  it('turn local times in the forum zone into instants, across a DST change', () => {
    const parsed = parse(raw({ timeZone: 'America/New_York', opensAt: '2026-02-02T09:00', closesAt: '2026-03-31T17:00' }));
    expect(parsed.success).toBe(true);
    // Opens in winter (EST, UTC−5), closes in summer time (EDT, UTC−4).
    expect(parsed.data!.opensAt.toISOString()).toBe('2026-02-02T14:00:00.000Z');
    expect(parsed.data!.closesAt.toISOString()).toBe('2026-03-31T21:00:00.000Z');
    expect(parsed.data!.limits).toEqual({ titleMaxChars: 150, summaryMinChars: 300, summaryMaxChars: 3000, bodyMaxWords: 1000 });
    expect(parsed.data!.attachmentRules).toEqual({ allowedTypes: ['pdf', 'docx'], maxSizeMb: 25, maxCount: 1 });
    expect(parsed.data!.name).toEqual({ en: 'Regional Review 2028 – Arab region', ar: 'الاستعراض الإقليمي 2028 – المنطقة العربية' });
    expect(parsed.data!).toMatchObject({ publishNameByDefault: false, publishOrganisationByDefault: true, requiredFields: ['principles'] });
  });

  it('say what is wrong with each field, as message keys', () => {
    expect(errorsOf(raw({ slug: 'Bad Slug!', referencePrefix: 'rr-1', name_ar: ' ', scope: 'Mars' }))).toEqual({
      slug: 'forumAdmin.error.slug',
      referencePrefix: 'forumAdmin.error.prefix',
      name_ar: 'error.required',
      scope: 'error.choose',
    });
    expect(errorsOf(raw({ timeZone: 'America/New_York', closesAt: '2026-03-08T02:30' }))).toEqual({ closesAt: 'forumAdmin.error.timeGap' });
    expect(errorsOf(raw({ closesAt: '2028-02-01T09:00' }))).toEqual({ closesAt: 'forumAdmin.error.closesBeforeOpens' });
    expect(errorsOf(raw({ opensAt: '31/12/2027 09:00' }))).toEqual({ opensAt: 'forumAdmin.error.dateTime' });
    expect(errorsOf(raw({ timeZone: 'Europe/Atlantis' }))).toEqual({ timeZone: 'forumAdmin.error.timeZone' });
    expect(errorsOf(raw({ summaryMinChars: '4000' }))).toEqual({ summaryMinChars: 'forumAdmin.error.minAboveMax' });
    expect(errorsOf(raw({ titleMaxChars: '9000', bodyMaxWords: '-1', attachmentMaxSizeMb: '2.5' }))).toEqual({
      titleMaxChars: 'forumAdmin.error.number',
      bodyMaxWords: 'forumAdmin.error.number',
      attachmentMaxSizeMb: 'forumAdmin.error.number',
    });
    expect(errorsOf(raw({ inputLanguages: [], attachmentTypes: [], attachmentMaxCount: '2' }))).toEqual({
      inputLanguages: 'error.chooseSome',
      attachmentTypes: 'forumAdmin.error.attachmentTypes',
    });
    expect(errorsOf(raw({ inputLanguages: ['en', 'de'] }))).toEqual({ inputLanguages: 'error.choose' });
    expect(errorsOf(raw({ name_en: 'Line\nbreak' }))).toEqual({ name_en: 'error.invalidCharacters' });
    // No attachments at all needs no file type.
    expect(errorsOf(raw({ attachmentTypes: [], attachmentMaxCount: '0' }))).toEqual({});
  });
});

describe('creating and editing forums', () => {
  it('creates a forum and its audit row together, and refuses a taken slug storing nothing', async () => {
    const staff = await admin();
    const settings = parse(raw()).data!;
    const created = await addForum(db, { staffId: staff.id, settings });
    expect(created.ok).toBe(true);
    const id = created.ok ? created.id : '';
    const [row] = await db.select().from(forums).where(eq(forums.id, id));
    expect(row).toMatchObject({ slug: settings.slug, version: 1, timeZone: 'Asia/Beirut', requiredFields: ['principles'] });
    // Beirut is UTC+2 in winter, UTC+3 in summer (from the last Sunday of March).
    expect(row.opensAt.toISOString()).toBe('2028-03-01T07:00:00.000Z');
    expect(row.closesAt.toISOString()).toBe('2028-04-30T14:00:00.000Z');
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.forumId, id)).orderBy(auditEvents.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'forum.created', actorKind: 'staff', actorStaffId: staff.id, submissionId: null });
    expect((audit[0].details.settings as { closesAt: string }).closesAt).toBe('2028-04-30T14:00:00.000Z');

    const again = await addForum(db, { staffId: staff.id, settings: { ...settings, referencePrefix: 'OTHER1' } });
    expect(again).toEqual({ ok: false, reason: 'invalid', errors: { slug: 'forumAdmin.error.slugTaken' } });
    const samePrefix = await addForum(db, { staffId: staff.id, settings: { ...settings, slug: `${settings.slug}-b` } });
    expect(samePrefix).toEqual({ ok: false, reason: 'invalid', errors: { referencePrefix: 'forumAdmin.error.prefixTaken' } });
    expect(await db.select().from(forums).where(eq(forums.slug, `${settings.slug}-b`))).toHaveLength(0);
  });

  it('edits on the version seen, audits before → after, and refuses a stale version', async () => {
    const [a, b] = [await admin(), await admin()];
    const created = await addForum(db, { staffId: a.id, settings: parse(raw()).data! });
    const id = created.ok ? created.id : '';
    const [stored] = await db.select().from(forums).where(eq(forums.id, id));
    const values = settingsFormValues(stored);
    expect(values.closesAt).toBe('2028-04-30T17:00');

    const longer = parse({ ...values, closesAt: '2028-05-15T17:00', bodyMaxWords: '1500' }).data!;
    const shorter = parse({ ...values, closesAt: '2028-04-15T17:00' }).data!;
    const results = await Promise.all([
      editForum(db, { forumId: id, expectedVersion: 1, staffId: a.id, settings: longer }),
      editForum(db, { forumId: id, expectedVersion: 1, staffId: b.id, settings: shorter }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'stale' }]);
    const [after] = await db.select().from(forums).where(eq(forums.id, id));
    expect(after.version).toBe(2);

    const updates = (await db.select().from(auditEvents).where(eq(auditEvents.forumId, id)).orderBy(auditEvents.id)).filter((e) => e.action === 'forum.updated');
    expect(updates).toHaveLength(1);
    const winnerChanges = updates[0].details.changes as Record<string, { from: unknown; to: unknown }>;
    // Only what changed is recorded; jsonb key order is no change.
    expect(Object.keys(winnerChanges).sort()).toEqual(updates[0].actorStaffId === a.id ? ['closesAt', 'limits'] : ['closesAt']);
    expect(winnerChanges.closesAt.from).toBe('2028-04-30T14:00:00.000Z');

    // Saving the same settings again changes nothing and records nothing.
    const same = parse(settingsFormValues(after)).data!;
    expect(await editForum(db, { forumId: id, expectedVersion: 2, staffId: a.id, settings: same })).toEqual({ ok: true, changed: [] });
    expect(await editForum(db, { forumId: crypto.randomUUID(), expectedVersion: 1, staffId: a.id, settings: same })).toEqual({ ok: false, reason: 'not_found' });
  });

  it('keeps the reference prefix once inputs were numbered with it', async () => {
    const staff = await admin();
    const forum = await createForum(db);
    await createTestSubmission(db, forum);
    const [stored] = await db.select().from(forums).where(eq(forums.id, forum.id));
    const settings = parse({ ...settingsFormValues(stored), referencePrefix: 'CHANGED1' }).data!;
    expect(await editForum(db, { forumId: forum.id, expectedVersion: stored.version, staffId: staff.id, settings })).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { referencePrefix: 'forumAdmin.error.prefixLocked' },
    });
  });
});

describe('late-access codes', () => {
  it('are shown once and stored only as a hash, with their generation audited', async () => {
    const staff = await admin();
    const forum = await createForum(db, 'closed');
    const generated = await generateLateAccessCode(db, { forumId: forum.id, staffId: staff.id });
    if (!generated.ok) throw new Error('not generated');
    expect(generated.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    const [row] = await db.select().from(lateAccessCodes).where(eq(lateAccessCodes.id, generated.id));
    const plain = generated.code.replaceAll('-', '');
    expect(row.codeHash).toBe(createHash('sha256').update(plain).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(plain);
    expect(row.hint).toBe(plain.slice(-4));
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.forumId, forum.id)).orderBy(auditEvents.id);
    expect(audit.map((a) => a.action)).toEqual(['forum.late_code.created']);
    expect(JSON.stringify(audit)).not.toContain(plain);
    expect((await listLateAccessCodes(db, forum.id))[0]).not.toHaveProperty('codeHash');
  });

  it('let a submitter in after the call closed, marking the input late in the audit log', async () => {
    const staff = await admin();
    const forum = await createForum(db, 'closed');
    const generated = await generateLateAccessCode(db, { forumId: forum.id, staffId: staff.id });
    if (!generated.ok) throw new Error('not generated');
    const ctx = () => ({ idempotencyKey: crypto.randomUUID(), interfaceLocale: 'en' });
    expect(await createSubmission(db, forum, submissionInput(), ctx())).toEqual({ ok: false, reason: 'call_not_open' });

    // Typed in lower case with spaces, and an O for a zero: still the same code.
    const typed = generated.code.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o');
    const verified = await verifyLateAccessCode(db, forum, typed);
    if (!verified.ok) throw new Error(verified.reason);
    const result = await createSubmission(db, forum, submissionInput(), { ...ctx(), lateAccess: verified.grant });
    expect(result.ok).toBe(true);
    const id = result.ok ? result.id : '';
    const [received] = await db.select().from(auditEvents).where(eq(auditEvents.submissionId, id)).orderBy(auditEvents.id);
    expect(received.details).toMatchObject({ late: true, lateAccessCodeId: generated.id });

    // A code opens no other forum's call, and never a call that has not opened yet.
    const other = await createForum(db, 'closed');
    expect(await verifyLateAccessCode(db, other, generated.code)).toEqual({ ok: false, reason: 'unknown' });
    expect(await createSubmission(db, other, submissionInput(), { ...ctx(), lateAccess: verified.grant })).toEqual({ ok: false, reason: 'call_not_open' });
    const upcoming = await createForum(db, 'upcoming');
    expect(await createSubmission(db, upcoming, submissionInput(), { ...ctx(), lateAccess: { ...verified.grant, forumId: upcoming.id } })).toEqual({
      ok: false,
      reason: 'call_not_open',
    });
  });

  it('stop working once expired or revoked, even after the form was opened with them', async () => {
    const staff = await admin();
    const forum = await createForum(db, 'closed');
    const now = new Date();
    const expiring = await generateLateAccessCode(db, { forumId: forum.id, staffId: staff.id, expiresAt: new Date(now.getTime() + 60_000) });
    if (!expiring.ok) throw new Error('not generated');
    expect((await verifyLateAccessCode(db, forum, expiring.code, now)).ok).toBe(true);
    expect(await verifyLateAccessCode(db, forum, expiring.code, new Date(now.getTime() + 60_000))).toEqual({ ok: false, reason: 'expired' });
    expect(await generateLateAccessCode(db, { forumId: forum.id, staffId: staff.id, expiresAt: now, now })).toEqual({ ok: false, reason: 'expiry_past' });

    const code = await generateLateAccessCode(db, { forumId: forum.id, staffId: staff.id });
    if (!code.ok) throw new Error('not generated');
    const verified = await verifyLateAccessCode(db, forum, code.code);
    if (!verified.ok) throw new Error(verified.reason);
    expect(await revokeLateAccessCode(db, { forumId: forum.id, codeId: code.id, staffId: staff.id })).toBe(true);
    expect(await revokeLateAccessCode(db, { forumId: forum.id, codeId: code.id, staffId: staff.id })).toBe(false);
    expect(await verifyLateAccessCode(db, forum, code.code)).toEqual({ ok: false, reason: 'revoked' });
    // The form was opened before the revoke: the submit checks again and stores nothing.
    const late = await createSubmission(db, forum, submissionInput(), { idempotencyKey: crypto.randomUUID(), interfaceLocale: 'en', lateAccess: verified.grant });
    expect(late).toEqual({ ok: false, reason: 'late_access_invalid' });
    expect(await db.select().from(submissions).where(eq(submissions.forumId, forum.id))).toHaveLength(0);
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.forumId, forum.id)).orderBy(auditEvents.id);
    expect(audit.map((a) => a.action)).toEqual(['forum.late_code.created', 'forum.late_code.created', 'forum.late_code.revoked']);
    expect(await verifyLateAccessCode(db, forum, 'not a code')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('make a concurrent revoke wait for a submit that already holds the code', async () => {
    const staff = await admin();
    const forum = await createForum(db, 'closed');
    const code = await generateLateAccessCode(db, { forumId: forum.id, staffId: staff.id });
    if (!code.ok) throw new Error('not generated');
    const verified = await verifyLateAccessCode(db, forum, code.code);
    if (!verified.ok) throw new Error(verified.reason);
    let revoked: Promise<boolean> | undefined;
    let revokeDoneWhileHeld = false;
    await db.transaction(async (tx) => {
      expect(await holdLateAccess(tx, verified.grant, new Date())).toBe(true);
      revoked = revokeLateAccessCode(db, { forumId: forum.id, codeId: code.id, staffId: staff.id }).then((r) => {
        revokeDoneWhileHeld = true;
        return r;
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(revokeDoneWhileHeld).toBe(false);
    });
    expect(await revoked).toBe(true);
  });

  it('normalise what people type', () => {
    expect(normaliseLateCode(' abcd-efgh-jkmn-pqrs-tvwx ')).toBe('ABCDEFGHJKMNPQRSTVWX');
    expect(normaliseLateCode('ABCD-EFGH-JKMN-PQRS-TVW')).toBeUndefined();
    expect(normaliseLateCode('ABCD-EFGH-JKMN-PQRS-TVWU')).toBeUndefined();
    expect(normaliseLateCode(undefined)).toBeUndefined();
  });
});

describe('demo forums', () => {
  it('are a global IMRF call that is open and regional reviews that open later or have closed, with settings an admin could save', async () => {
    await seedDemoForums(db);
    await seedDemoForums(db); // a second start keeps one row each and moves the open window
    const demo = await db.select().from(forums).where(eq(forums.isDemo, true));
    const now = new Date();
    expect(demo.map((f) => [f.scope === 'global' ? 'global' : 'regional', callState(f, now)]).sort()).toEqual([
      ['global', 'open'],
      ['regional', 'closed'],
      ['regional', 'upcoming'],
    ]);
    for (const forum of demo) {
      expect(forum.name.en).toMatch(/\(demo/);
      expect(forum.name.ar).toMatch(/تجريبي/);
      const parsed = parse(settingsFormValues(forum));
      expect(parsed.success, `${forum.slug}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });
});
