/** What the admin pages show of forums: plain data in one interface language. */
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { auditEvents, staffUsers, type Forum, type LateAccessCode } from '../../../db/schema';
import { formatList } from '../../i18n/list-format';
import { known, translator } from '../../i18n/translate';
import { languageName, pickLabel, UN_LANGUAGES, type InterfaceLocale } from '../taxonomy/locales';
import { regionLabel } from '../taxonomy/regions';
import { formatInZone, staffTime } from '../time/format-instant';
import { allTimeZones, DUTY_STATIONS } from '../time/zoned-time';
import { callState } from './call-window';

export function scopeLabel(scope: string, locale: string, globalLabel: string): string {
  return scope === 'global' ? globalLabel : regionLabel(scope, locale);
}

/** One row of the admin's forum list. */
export function forumAdminRow(forum: Forum, inputsReceived: number, locale: string, now: Date) {
  return {
    id: forum.id,
    slug: forum.slug,
    name: pickLabel(forum.name, locale),
    isDemo: forum.isDemo,
    scope: forum.scope,
    state: callState(forum, now),
    opensAt: formatInZone(forum.opensAt, locale, forum.timeZone),
    closesAt: formatInZone(forum.closesAt, locale, forum.timeZone),
    opensAtIso: forum.opensAt.toISOString(),
    closesAtIso: forum.closesAt.toISOString(),
    timeZone: forum.timeZone,
    inputsReceived,
  };
}

/** The settings in the order the form shows them: an edit lists what it changed in this order. */
const SETTINGS_ORDER = [
  'slug', 'referencePrefix', 'scope', 'name', 'guidance', 'timeZone', 'opensAt', 'closesAt', 'inputLanguages', 'limits',
  'attachmentRules', 'requiredFields', 'publishNameByDefault', 'publishOrganisationByDefault', 'holdDecisionEmails',
];
const rank = (field: string) => (SETTINGS_ORDER.includes(field) ? SETTINGS_ORDER.indexOf(field) : SETTINGS_ORDER.length);
const inFormOrder = (a: string, b: string) => rank(a) - rank(b);

/**
 * The forum's own audit trail (settings and late-access codes), newest first, in words of the
 * interface language: what was done, and which settings an edit changed, listed as the language
 * lists things (made here, on the server, so the page hydrates with the same text).
 */
export async function forumAuditTrail(db: Db, forumId: string, locale: InterfaceLocale, limit = 50) {
  const t = translator(locale);
  const rows = await db
    .select({ id: auditEvents.id, occurredAt: auditEvents.occurredAt, action: auditEvents.action, details: auditEvents.details, actor: staffUsers.displayName })
    .from(auditEvents)
    .leftJoin(staffUsers, eq(staffUsers.id, auditEvents.actorStaffId))
    .where(eq(auditEvents.forumId, forumId))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    occurredAt: staffTime(r.occurredAt, locale),
    action: known(t, 'staff.audit', r.action),
    // Which settings changed (not their values: those are on the form).
    fields: r.action === 'forum.updated' ? formatList(locale, Object.keys((r.details.changes as Record<string, unknown>) ?? {}).sort(inFormOrder).map((f) => known(t, 'forumAdmin.field', f))) : '',
    actor: r.actor,
  }));
}

export type LateCodeStatus = 'active' | 'expired' | 'revoked';

export function lateCodeRow(code: Pick<LateAccessCode, 'id' | 'hint' | 'createdAt' | 'expiresAt' | 'revokedAt'>, locale: string, zone: string, now: Date) {
  const status: LateCodeStatus = code.revokedAt ? 'revoked' : code.expiresAt && code.expiresAt <= now ? 'expired' : 'active';
  return {
    id: code.id,
    hint: code.hint,
    createdAt: formatInZone(code.createdAt, locale, zone),
    expiresAt: code.expiresAt ? formatInZone(code.expiresAt, locale, zone) : null,
    status,
  };
}

/** The time zone list: duty stations first by city, then every other zone Intl knows. */
export function timeZoneChoices(locale: string, current?: string) {
  const duty = DUTY_STATIONS.map((d) => ({ value: d.zone, label: `${pickLabel(d.city, locale)} — ${d.zone}` }));
  const taken = new Set(DUTY_STATIONS.map((d) => d.zone));
  const others = allTimeZones().filter((z) => !taken.has(z));
  // A zone saved earlier that this server's list lacks (an old alias) stays choosable.
  if (current && !taken.has(current) && !others.includes(current)) others.push(current);
  return { dutyStations: duty, all: others.sort().map((z) => ({ value: z, label: z })) };
}

/** Everything the settings form chooses from, named in the interface language. */
export function settingsChoices(locale: string, currentZone?: string) {
  return {
    languages: UN_LANGUAGES.map((l) => ({ value: l, label: languageName(l, locale) })),
    timeZones: timeZoneChoices(locale, currentZone),
  };
}
