import { eq } from 'drizzle-orm';
import { renderDraftLinkEmail } from '../../templates/email/draft-link';
import { directionOf, pickLabel } from '../../app/modules/taxonomy/locales';
import { formatInZone } from '../../app/modules/time/format-instant';
import { drafts, forums, type OutboxRow } from '../../db/schema';
import { cancelOutboxRow, deliverEmail } from '../deliver-email';
import { JOBS } from '../queues';
import type { WorkerDeps } from '../worker-deps';

/** The link to continue a draft, in the language the form was filled in. */
export async function runDraftLink(deps: WorkerDeps, row: OutboxRow): Promise<void> {
  const [found] = await deps.db
    .select({ draft: drafts, forum: forums })
    .from(drafts)
    .innerJoin(forums, eq(forums.id, drafts.forumId))
    .where(eq(drafts.id, row.draftId!));
  if (!found) throw new Error(`draft ${row.draftId} not found for outbox ${row.id}`);
  const { draft, forum } = found;
  if (draft.closedAt) {
    // Sent or expired before the mail went out: there is nothing left to continue.
    await cancelOutboxRow(deps.db, row.id, 'skipped: draft closed');
    return;
  }
  const { token } = JOBS['draft-link'].payload.parse(row.payload);
  const locale = draft.interfaceLocale;
  const draftUrl = new URL(`/${locale}/forums/${forum.slug}/submit?draft=${token}`, deps.env.APP_URL).toString();
  const rendered = renderDraftLinkEmail({
    locale,
    dir: directionOf(locale),
    forumName: pickLabel(forum.name, locale),
    draftUrl,
    expiresAt: formatInZone(draft.expiresAt, locale, forum.timeZone),
  });
  await deliverEmail(deps, row, { to: draft.email, language: locale, ...rendered });
}
