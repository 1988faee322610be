/**
 * Reads "when to publish" from a staff form: `publish` is "now" or "scheduled", and `publishAt`
 * a date and time (an `<input type="datetime-local">`) in the forum's own time zone, the zone its
 * call's deadline is stated in. A scheduled time must be in the future.
 */
import { localToUtc, parseLocalInput } from '../modules/time/zoned-time';

export type PublishTimeError = 'forumAdmin.error.dateTime' | 'forumAdmin.error.timeGap' | 'publication.error.past';

export function readPublishTime(form: FormData, timeZone: string, now = new Date()): { ok: true; at?: Date } | { ok: false; error: PublishTimeError; value: string } {
  if (String(form.get('publish') ?? 'now') !== 'scheduled') return { ok: true };
  const value = String(form.get('publishAt') ?? '').trim();
  const local = parseLocalInput(value);
  if (!local) return { ok: false, error: 'forumAdmin.error.dateTime', value };
  const instant = localToUtc(local, timeZone);
  if (!instant.ok) return { ok: false, error: instant.reason === 'gap' ? 'forumAdmin.error.timeGap' : 'forumAdmin.error.dateTime', value };
  if (instant.at.getTime() <= now.getTime()) return { ok: false, error: 'publication.error.past', value };
  return { ok: true, at: instant.at };
}
