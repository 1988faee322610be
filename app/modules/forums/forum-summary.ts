import type { Forum } from '../../../db/schema';
import { pickLabel } from '../taxonomy/locales';
import { formatInZone } from '../time/format-instant';
import { callState } from './call-window';

/** What public pages show of a forum, in one interface language (plain data, safe for loaders). */
export function forumSummary(forum: Forum, locale: string, now = new Date()) {
  return {
    slug: forum.slug,
    name: pickLabel(forum.name, locale),
    guidance: pickLabel(forum.guidance, locale),
    state: callState(forum, now),
    opensAt: formatInZone(forum.opensAt, locale, forum.timeZone),
    closesAt: formatInZone(forum.closesAt, locale, forum.timeZone),
    // Instants and zone for the browser, which adds the visitor's own time zone.
    opensAtIso: forum.opensAt.toISOString(),
    closesAtIso: forum.closesAt.toISOString(),
    timeZone: forum.timeZone,
  };
}

/** What the submission form needs of its forum: the summary, the limits and the call's settings. */
export function formForum(forum: Forum, locale: string, now = new Date()) {
  return {
    ...forumSummary(forum, locale, now),
    limits: forum.limits,
    requiredFields: forum.requiredFields,
    publishNameByDefault: forum.publishNameByDefault,
    publishOrganisationByDefault: forum.publishOrganisationByDefault,
    attachmentRules: forum.attachmentRules,
  };
}
