import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { hashSecretToken } from '../../app/modules/ids/secret-token';
import { directionOf } from '../../app/modules/taxonomy/locales';
import { formatInZone } from '../../app/modules/time/format-instant';
import { staffInvites, staffUsers, type OutboxRow } from '../../db/schema';
import { renderStaffInviteEmail } from '../../templates/email/staff-invite';
import { cancelOutboxRow, deliverEmail } from '../deliver-email';
import { JOBS } from '../queues';
import type { WorkerDeps } from '../worker-deps';

const inviter = alias(staffUsers, 'inviter');

/** The link to choose a password, in the language the admin chose for the invitation. */
export async function runStaffInvite(deps: WorkerDeps, row: OutboxRow): Promise<void> {
  const { token } = JOBS['staff-invite'].payload.parse(row.payload);
  const [found] = await deps.db
    .select({ invite: staffInvites, staff: staffUsers, inviterName: inviter.displayName })
    .from(staffInvites)
    .innerJoin(staffUsers, eq(staffUsers.id, staffInvites.staffId))
    .leftJoin(inviter, eq(inviter.id, staffInvites.createdBy))
    .where(eq(staffInvites.id, hashSecretToken(token)));
  if (!found) throw new Error(`invitation for outbox ${row.id} not found`);
  if (found.invite.usedAt || found.invite.expiresAt <= new Date()) {
    // A newer link replaced it (or it was used) before the mail went out: sending it would only confuse.
    await cancelOutboxRow(deps.db, row.id, 'skipped: invitation replaced');
    return;
  }
  const locale = found.invite.locale;
  const rendered = renderStaffInviteEmail({
    locale,
    dir: directionOf(locale),
    displayName: found.staff.displayName,
    inviterName: found.inviterName ?? '',
    role: found.staff.role,
    inviteUrl: new URL(`/${locale}/staff/invite/${token}`, deps.env.APP_URL).toString(),
    expiresAt: formatInZone(found.invite.expiresAt, locale, 'UTC'),
  });
  await deliverEmail(deps, row, { to: found.staff.email, language: locale, ...rendered });
}
