import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Text per interface language; English is always present as the fallback. */
export type LocalizedText = { en: string } & Partial<Record<'ar' | 'fr' | 'es' | 'ru' | 'zh', string>>;

/** Per-forum limits of the call (never constants: every call sets its own). */
export interface ForumLimits {
  titleMaxChars: number;
  summaryMaxChars: number;
  bodyMaxWords: number;
  /** Optional floors (a pledge form asks for at least 300 characters); absent means none. */
  summaryMinChars?: number;
  bodyMinWords?: number;
}

/** File types a call may accept as attachments (checked by content, not name, when enforced). */
export type AttachmentType = 'pdf' | 'docx' | 'odt' | 'txt';

/** What a call accepts as attachments. Stored per forum; `maxCount: 0` means none. */
export interface AttachmentRules {
  allowedTypes: AttachmentType[];
  maxSizeMb: number;
  maxCount: number;
}

/** Form fields that are optional unless a call requires them. */
export type RequirableField = 'organisation' | 'principles';

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
    /** IANA zone the call's times are stated in; the instants below are what decide. */
    timeZone: text().notNull(),
    opensAt: timestamp({ withTimezone: true }).notNull(),
    closesAt: timestamp({ withTimezone: true }).notNull(),
    /** Languages an input may be written in (ISO 639-1). */
    inputLanguages: text().array().notNull(),
    limits: jsonb().$type<ForumLimits>().notNull(),
    attachmentRules: jsonb()
      .$type<AttachmentRules>()
      .notNull()
      .default({ allowedTypes: ['pdf', 'docx', 'odt'], maxSizeMb: 10, maxCount: 1 }),
    /** Optional form fields this call requires. */
    requiredFields: text().array().$type<RequirableField[]>().notNull().default(sql`'{}'::text[]`),
    /** Whether the "publish my name / organisation" boxes start ticked on the form. */
    publishNameByDefault: boolean().notNull().default(false),
    publishOrganisationByDefault: boolean().notNull().default(false),
    /** Last reference number handed out; incremented inside the submit transaction. */
    lastReferenceNumber: integer().notNull().default(0),
    /** Optimistic-lock counter for settings: an edit must name the version it was made on. */
    version: integer().notNull().default(1),
    isDemo: boolean().notNull().default(false),
    /** Decision e-mails wait for an admin to release them in a batch (outbox.heldAt). */
    holdDecisionEmails: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('forums_window', sql`${t.closesAt} > ${t.opensAt}`),
    check('forums_scope', sql`${t.scope} in ('global','ECA','ECE','ECLAC','ESCAP','ESCWA')`),
    check('forums_reference_prefix', sql`${t.referencePrefix} ~ '^[A-Z0-9]{2,12}$'`),
    check(
      'forums_input_languages',
      sql`cardinality(${t.inputLanguages}) > 0 and ${t.inputLanguages} <@ array['ar','zh','en','fr','ru','es']::text[]`,
    ),
    check('forums_required_fields', sql`${t.requiredFields} <@ array['organisation','principles']::text[]`),
  ],
);

export type Forum = typeof forums.$inferSelect;
export type NewForum = typeof forums.$inferInsert;
