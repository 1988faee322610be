import { toLocalInput } from '../time/zoned-time';

/**
 * The publication time a form offers first: the forum's call close, while it is ahead, in the
 * forum's time zone, so that a forum's inputs appear together. Rounded up to the whole minute:
 * the date-time field steps in minutes (a default with seconds would make the browser refuse every
 * whole minute), and publication must not come before the close.
 */
export function defaultPublishAt(forum: { closesAt: Date; timeZone: string }, now = new Date()): string {
  if (forum.closesAt.getTime() <= now.getTime()) return '';
  return toLocalInput(new Date(Math.ceil(forum.closesAt.getTime() / 60_000) * 60_000), forum.timeZone);
}
