/**
 * Creating and editing forums. Each change and its audit row commit together. An edit names the
 * version the admin saw: the UPDATE applies only to that version, so two admins editing at once
 * cannot silently overwrite each other; the second is told and sees the current settings.
 */
import { and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { forums, type Forum } from '../../../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { ForumSettings } from './forum-settings';

/** Field errors (message keys) the database found: a slug or prefix another forum already has. */
export type SettingsConflict = Partial<Record<'slug' | 'referencePrefix', string>>;

export type AddForumResult = { ok: true; id: string } | { ok: false; reason: 'invalid'; errors: SettingsConflict };
export type EditForumResult =
  | { ok: true; changed: string[] }
  | { ok: false; reason: 'stale' | 'not_found' }
  | { ok: false; reason: 'invalid'; errors: SettingsConflict };

export async function addForum(db: Db, args: { staffId: string; settings: ForumSettings }): Promise<AddForumResult> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(forums).values(args.settings).returning({ id: forums.id });
      await recordAudit(tx, {
        actorKind: 'staff',
        actorStaffId: args.staffId,
        forumId: row.id,
        action: 'forum.created',
        details: { settings: auditable(args.settings) },
      });
      return { ok: true as const, id: row.id };
    });
  } catch (error) {
    const errors = uniqueConflict(error);
    if (errors) return { ok: false, reason: 'invalid', errors };
    throw error;
  }
}

export async function editForum(
  db: Db,
  args: { forumId: string; expectedVersion: number; staffId: string; settings: ForumSettings },
): Promise<EditForumResult> {
  const { forumId, expectedVersion, staffId, settings } = args;
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx.select().from(forums).where(eq(forums.id, forumId));
      if (!current) return { ok: false as const, reason: 'not_found' as const };
      if (current.version !== expectedVersion) return { ok: false as const, reason: 'stale' as const };
      const changes = diff(current, settings);
      if (Object.keys(changes).length === 0) return { ok: true as const, changed: [] };
      if (changes.referencePrefix && current.lastReferenceNumber > 0) {
        return { ok: false as const, reason: 'invalid' as const, errors: { referencePrefix: 'forumAdmin.error.prefixLocked' } };
      }
      const updated = await tx
        .update(forums)
        .set({ ...settings, version: sql`${forums.version} + 1`, updatedAt: new Date() })
        .where(
          and(
            eq(forums.id, forumId),
            eq(forums.version, expectedVersion),
            // References already handed out keep their prefix: a submit racing this edit wins.
            or(eq(forums.referencePrefix, settings.referencePrefix), eq(forums.lastReferenceNumber, 0)),
          ),
        )
        .returning({ id: forums.id });
      if (updated.length === 0) return { ok: false as const, reason: 'stale' as const };
      await recordAudit(tx, { actorKind: 'staff', actorStaffId: staffId, forumId, action: 'forum.updated', details: { changes } });
      return { ok: true as const, changed: Object.keys(changes) };
    });
  } catch (error) {
    const errors = uniqueConflict(error);
    if (errors) return { ok: false, reason: 'invalid', errors };
    throw error;
  }
}

/** Settings as JSON-safe values (instants as ISO strings) for the audit log. */
function auditable(settings: Partial<ForumSettings>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(settings)) as Record<string, unknown>;
}

/** Before → after for every setting that changes. */
function diff(current: Forum, next: ForumSettings): Record<string, { from: unknown; to: unknown }> {
  const before = auditable(current);
  const after = auditable(next);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (canonical(before[key]) !== canonical(after[key])) changes[key] = { from: before[key] ?? null, to: after[key] };
  }
  return changes;
}

/** JSON with object keys sorted: jsonb hands keys back in its own order, not the one written. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** PostgreSQL's unique violation on the slug or the prefix, as a field error; anything else is a bug. */
function uniqueConflict(error: unknown): SettingsConflict | undefined {
  const cause = (error as { cause?: { code?: string; constraint_name?: string } }).cause ?? (error as { code?: string; constraint_name?: string });
  if (cause?.code !== '23505') return undefined;
  if (cause.constraint_name === 'forums_slug_unique') return { slug: 'forumAdmin.error.slugTaken' };
  if (cause.constraint_name === 'forums_referencePrefix_unique') return { referencePrefix: 'forumAdmin.error.prefixTaken' };
  return undefined;
}
