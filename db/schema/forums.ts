import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Text per interface language; English is always present as the fallback. */
export type LocalizedText = { en: string } & Partial<Record<'ar' | 'fr' | 'es' | 'ru' | 'zh', string>>;

/** Per-forum limits of the call (never constants: every call sets its own). */
export interface ForumLimits {
  titleMaxChars: number;
  summaryMaxChars: number;
  bodyMaxWords: number;
}

export const forums = pgTable(
  'forums',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    /** Prefix of submission references, e.g. "IMRF26" gives "IMRF26-0042". */
    referencePrefix: text().notNull().unique(),
    name: jsonb().$type<LocalizedText>().notNull(),
    guidance: jsonb().$type<LocalizedText>().notNull(),
    /** 'global' or the UN regional commission: ECA, ECE, ECLAC, ESCAP, ESCWA. */
    scope: text().notNull(),
    timeZone: text().notNull(),
    opensAt: timestamp({ withTimezone: true }).notNull(),
    closesAt: timestamp({ withTimezone: true }).notNull(),
    /** Languages an input may be written in (ISO 639-1). */
    inputLanguages: text().array().notNull(),
    limits: jsonb().$type<ForumLimits>().notNull(),
    /** Last reference number handed out; incremented inside the submit transaction. */
    lastReferenceNumber: integer().notNull().default(0),
    isDemo: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('forums_window', sql`${t.closesAt} > ${t.opensAt}`),
    check('forums_scope', sql`${t.scope} in ('global','ECA','ECE','ECLAC','ESCAP','ESCWA')`),
    check('forums_reference_prefix', sql`${t.referencePrefix} ~ '^[A-Z0-9]{2,12}$'`),
  ],
);

export type Forum = typeof forums.$inferSelect;
export type NewForum = typeof forums.$inferInsert;
