/**
 * Drafts: a form saved before sending and continued through a private link e-mailed to the
 * address given. Only the address must be valid to save; every other rule applies when the draft
 * is sent, through the same path as any submission. A draft ends when it is sent or expires, and
 * its values and address are erased then.
 */
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { drafts, forums, type Forum } from '../../../db/schema';
import { addOutbox } from '../outbox/add-outbox';
import { hashStatusToken, newStatusToken } from '../submissions/status-token';
import { emailAddress, hasControlCharacters } from '../submissions/submission-input';

export const DRAFT_LIFETIME_DAYS = 30;

export type DraftValues = Record<string, string | string[]>;

export type SaveDraftResult =
  | { ok: true; draftId: string; expiresAt: Date; /** Only for a new draft: the link's token. */ token?: string }
  | { ok: false; errors: Record<string, string> }
  | { ok: false; reason: 'draft_closed' };

/** A draft lives 30 days, and never past the end of its call. */
export function draftExpiry(forum: Pick<Forum, 'closesAt'>, now: Date): Date {
  return new Date(Math.min(now.getTime() + DRAFT_LIFETIME_DAYS * 24 * 3600 * 1000, forum.closesAt.getTime()));
}

/** What must hold for a draft to be stored at all: a valid address, and no control characters. */
function checkDraft(values: DraftValues): { email: string } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  for (const [field, value] of Object.entries(values)) {
    if ([value].flat().some(hasControlCharacters)) errors[field] = 'error.invalidCharacters';
  }
  const email = emailAddress.safeParse(values.email ?? '');
  if (!email.success) errors.email ??= email.error.issues[0]?.message ?? 'error.email';
  return Object.keys(errors).length > 0 || !email.success ? { errors } : { email: email.data };
}

/**
 * Saves the form as a draft. Without `token` a new draft is made and its link e-mailed (a replay
 * of the same rendered form finds the first draft); with the token of an open draft, that draft is
 * updated and no e-mail is sent (its holder has the link already).
 */
export async function saveDraft(
  db: Db,
  forum: Forum,
  input: { values: DraftValues; idempotencyKey: string; interfaceLocale: string; token?: string },
  now = new Date(),
): Promise<SaveDraftResult> {
  const checked = checkDraft(input.values);
  if ('errors' in checked) return { ok: false, errors: checked.errors };
  if (input.token) {
    const [row] = await db
      .update(drafts)
      .set({ values: input.values, email: checked.email, updatedAt: now })
      .where(and(eq(drafts.tokenHash, hashStatusToken(input.token)), eq(drafts.forumId, forum.id), openAt(now)))
      .returning({ id: drafts.id, expiresAt: drafts.expiresAt });
    return row ? { ok: true, draftId: row.id, expiresAt: effectiveExpiry(row.expiresAt, forum) } : { ok: false, reason: 'draft_closed' };
  }
  const link = newStatusToken();
  const expiresAt = draftExpiry(forum, now);
  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(drafts)
      .values({
        forumId: forum.id,
        tokenHash: link.hash,
        idempotencyKey: input.idempotencyKey,
        interfaceLocale: input.interfaceLocale,
        email: checked.email,
        values: input.values,
        expiresAt,
        updatedAt: now,
        createdAt: now,
      })
      .onConflictDoNothing({ target: drafts.idempotencyKey })
      .returning({ id: drafts.id });
    // The link's token waits in the outbox row (PostgreSQL only) until the e-mail is recorded.
    if (row) await addOutbox(tx, 'draft-link', { draftId: row.id }, { token: link.token });
    return row;
  });
  if (created) return { ok: true, draftId: created.id, expiresAt, token: link.token };
  const [first] = await db.select().from(drafts).where(eq(drafts.idempotencyKey, input.idempotencyKey));
  return { ok: true, draftId: first.id, expiresAt: effectiveExpiry(first.expiresAt, forum) };
}

/** The open draft behind a link, if the link is still good; `expiresAt` is when it ends. */
export async function findOpenDraft(db: Db, forumId: string, token: string, now = new Date()) {
  const [found] = await db
    .select({ draft: drafts, closesAt: forums.closesAt })
    .from(drafts)
    .innerJoin(forums, eq(forums.id, drafts.forumId))
    .where(and(eq(drafts.tokenHash, hashStatusToken(token)), eq(drafts.forumId, forumId), openAt(now)));
  return found ? { ...found.draft, expiresAt: effectiveExpiry(found.draft.expiresAt, found) } : undefined;
}

/** Ends the draft sent as a submission, in the submission's own transaction. */
export async function closeSentDraft(tx: Tx, forumId: string, token: string, now: Date): Promise<void> {
  await tx
    .update(drafts)
    .set({ closedAt: now, email: '', values: {} })
    .where(and(eq(drafts.tokenHash, hashStatusToken(token)), eq(drafts.forumId, forumId), isNull(drafts.closedAt)));
}

/** Erases drafts past their expiry; returns how many. */
export async function expireDrafts(db: Db, now = new Date()): Promise<number> {
  const rows = await db
    .update(drafts)
    .set({ closedAt: now, email: '', values: {} })
    .where(
      and(
        isNull(drafts.closedAt),
        or(lt(drafts.expiresAt, now), sql`exists (select 1 from ${forums} where ${forums.id} = ${drafts.forumId} and ${forums.closesAt} <= ${now.toISOString()}::timestamptz)`),
      ),
    )
    .returning({ id: drafts.id });
  return rows.length;
}

/**
 * Open: not ended, not past its own expiry, and its call still open — an admin may move the
 * deadline earlier after the draft was saved, and a draft never outlives its call.
 */
function openAt(now: Date) {
  const at = sql`${now.toISOString()}::timestamptz`;
  return and(
    isNull(drafts.closedAt),
    gt(drafts.expiresAt, at),
    sql`exists (select 1 from ${forums} where ${forums.id} = ${drafts.forumId} and ${forums.closesAt} > ${at})`,
  );
}

/** When a draft ends: its own expiry, or its call's close if that came earlier. */
function effectiveExpiry(draftExpiresAt: Date, forum: Pick<Forum, 'closesAt'>): Date {
  return draftExpiresAt < forum.closesAt ? draftExpiresAt : forum.closesAt;
}
