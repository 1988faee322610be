/**
 * Late-access codes: the secretariat may let a submitter in after a call closed (an agreed
 * extension, a technical problem). A code is 100 random bits in Crockford base32, readable over the
 * phone; only its SHA-256 is stored, and the admin sees the code once, when it is generated.
 * 100 bits cannot be guessed online, so no lock-out is needed; revoking or an expiry ends a code.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { lateAccessCodes, type Forum } from '../../../db/schema';
import { recordAudit } from '../audit/record-audit';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford: no I, L, O, U
const CODE_LENGTH = 20;
const HINT_LENGTH = 4;

/** Proof that a code was checked for this forum; only `verifyLateAccessCode` makes one. */
export interface LateAccessGrant {
  readonly forumId: string;
  readonly codeId: string;
  readonly __brand: 'LateAccessGrant';
}

export type VerifyResult = { ok: true; grant: LateAccessGrant } | { ok: false; reason: 'malformed' | 'unknown' | 'expired' | 'revoked' };

/** "ABCD-EFGH-…": groups of four, so people can read it out and type it back. */
export function formatLateCode(normalised: string): string {
  return normalised.match(/.{1,4}/g)!.join('-');
}

/** The code as stored (hashed): upper case, no separators, and the letters people confuse mapped. */
export function normaliseLateCode(input: unknown): string | undefined {
  if (typeof input !== 'string' || input.length > 64) return undefined;
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return new RegExp(`^[${ALPHABET}]{${CODE_LENGTH}}$`).test(code) ? code : undefined;
}

export function hashLateCode(normalised: string): string {
  return createHash('sha256').update(normalised).digest('hex');
}

function newCode(): string {
  // 32 symbols divide 256 evenly: every symbol is equally likely.
  return [...randomBytes(CODE_LENGTH)].map((b) => ALPHABET[b % 32]).join('');
}

export type GenerateResult = { ok: true; id: string; code: string } | { ok: false; reason: 'expiry_past' };

/** A new code for the forum; the returned `code` is the only copy there will ever be. */
export async function generateLateAccessCode(
  db: Db,
  args: { forumId: string; staffId: string; expiresAt?: Date | null; now?: Date },
): Promise<GenerateResult> {
  const now = args.now ?? new Date();
  if (args.expiresAt && args.expiresAt <= now) return { ok: false, reason: 'expiry_past' };
  const code = newCode();
  const hint = code.slice(-HINT_LENGTH);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(lateAccessCodes)
      .values({ forumId: args.forumId, codeHash: hashLateCode(code), hint, createdBy: args.staffId, expiresAt: args.expiresAt ?? null })
      .returning({ id: lateAccessCodes.id });
    await recordAudit(tx, {
      actorKind: 'staff',
      actorStaffId: args.staffId,
      forumId: args.forumId,
      action: 'forum.late_code.created',
      details: { codeId: row.id, hint, expiresAt: args.expiresAt?.toISOString() ?? null },
    });
    return row.id;
  });
  return { ok: true, id, code: formatLateCode(code) };
}

/** Ends a code at once; false when it was already revoked or is not this forum's. */
export async function revokeLateAccessCode(db: Db, args: { forumId: string; codeId: string; staffId: string }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(lateAccessCodes)
      .set({ revokedAt: new Date(), revokedBy: args.staffId })
      .where(and(eq(lateAccessCodes.id, args.codeId), eq(lateAccessCodes.forumId, args.forumId), isNull(lateAccessCodes.revokedAt)))
      .returning({ id: lateAccessCodes.id, hint: lateAccessCodes.hint });
    if (revoked.length === 0) return false;
    await recordAudit(tx, {
      actorKind: 'staff',
      actorStaffId: args.staffId,
      forumId: args.forumId,
      action: 'forum.late_code.revoked',
      details: { codeId: args.codeId, hint: revoked[0].hint },
    });
    return true;
  });
}

/** The forum's codes, newest first, without their hashes. */
export async function listLateAccessCodes(db: Db, forumId: string) {
  return db
    .select({
      id: lateAccessCodes.id,
      hint: lateAccessCodes.hint,
      createdAt: lateAccessCodes.createdAt,
      expiresAt: lateAccessCodes.expiresAt,
      revokedAt: lateAccessCodes.revokedAt,
    })
    .from(lateAccessCodes)
    .where(eq(lateAccessCodes.forumId, forumId))
    .orderBy(desc(lateAccessCodes.createdAt));
}

/** Checks a code someone typed or followed a link with, for this forum, at this instant. */
export async function verifyLateAccessCode(db: Db, forum: Pick<Forum, 'id'>, input: unknown, now = new Date()): Promise<VerifyResult> {
  const code = normaliseLateCode(input);
  if (!code) return { ok: false, reason: 'malformed' };
  const [row] = await db
    .select()
    .from(lateAccessCodes)
    .where(and(eq(lateAccessCodes.codeHash, hashLateCode(code)), eq(lateAccessCodes.forumId, forum.id)));
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.revokedAt) return { ok: false, reason: 'revoked' };
  if (row.expiresAt && row.expiresAt <= now) return { ok: false, reason: 'expired' };
  return { ok: true, grant: { forumId: forum.id, codeId: row.id } as LateAccessGrant };
}

/**
 * Inside the submit transaction: the code is still valid, and stays so until commit (a share lock
 * makes a concurrent revoke wait, and a revoke that committed first is seen).
 */
export async function holdLateAccess(tx: Tx, grant: LateAccessGrant, now: Date): Promise<boolean> {
  const rows = await tx
    .select({ id: lateAccessCodes.id })
    .from(lateAccessCodes)
    .where(
      and(
        eq(lateAccessCodes.id, grant.codeId),
        eq(lateAccessCodes.forumId, grant.forumId),
        isNull(lateAccessCodes.revokedAt),
        or(isNull(lateAccessCodes.expiresAt), gt(lateAccessCodes.expiresAt, now)),
      ),
    )
    .for('share');
  return rows.length === 1;
}
