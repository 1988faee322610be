import { sql } from 'drizzle-orm';
import { boolean, check, customType, index, integer, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { EMAIL_PATTERN, PHONE_PATTERN } from './personal-data-patterns';
import type { RejectionCategory } from './rejection-categories';
import { forums } from './forums';
import { staffUsers } from './staff';

export const DECISIONS = ['pending', 'accepted', 'rejected', 'changes_requested', 'duplicate', 'spam'] as const;
export type Decision = (typeof DECISIONS)[number];

export { REJECTION_CATEGORIES, type RejectionCategory } from './rejection-categories';

// Column names written out: a generated column's expression may only name its own table's columns.
const ALL_TEXT = `title || ' ' || summary || ' ' || body`;

/**
 * What near-duplicate detection compares (pg_trgm): title and body, cut to a bounded length so
 * comparing long texts stays cheap; campaign copies differ in small edits, which the start shows.
 * A query must use this very expression for PostgreSQL to use its index.
 */
export const similarityText = (table?: string) => {
  const column = (name: string) => (table ? `${table}.${name}` : name);
  return `left(${column('title')} || ' ' || ${column('body')}, 2000)`;
};
export const SIMILARITY_TEXT = similarityText();

/**
 * The words staff search in ('simple': no stemming, so every language is treated alike). A stored
 * column, not an expression index: a queue page walks inputs in date order and tests each one, and
 * an expression would be parsed again for every input walked (about 0.2 ms each, 100 ms for a
 * rare word at 100,000 inputs); a stored document is only read (see bench/moderation-queue.ts).
 */
const SEARCH_TEXT = `to_tsvector('simple'::regconfig, reference || ' ' || ${ALL_TEXT} || ' ' || coalesce(organisation, '') || ' ' || contact_name)`;
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const submissions = pgTable(
  'submissions',
  {
    id: uuid().primaryKey().defaultRandom(),
    forumId: uuid().notNull().references(() => forums.id),
    reference: text().notNull().unique(),
    /** Client-generated key carried by the form: a replayed or double-clicked submit finds this row. */
    idempotencyKey: text().notNull().unique(),
    /** Interface language the submitter used: e-mails and the receipt speak it. */
    interfaceLocale: text().notNull(),
    /** individual, organisation or network (app/modules/taxonomy/submitter-types.ts). */
    submitterType: text().notNull(),
    /** Private: shown to staff, and publicly only when `publishName` is true. */
    contactName: text().notNull(),
    /** Private, always: never selected by the publication module. */
    email: text().notNull(),
    organisation: text(),
    constituency: text().notNull(),
    country: text().notNull(),
    /** UN regional commission derived from `country` when the input is received. */
    region: text().notNull(),
    title: text().notNull(),
    summary: text().notNull(),
    body: text().notNull(),
    /** Language the input is written in, independent of the interface language. */
    language: text().notNull(),
    objectives: text().array().notNull(),
    /** Guiding principles the input addresses (may be none). */
    principles: text().array().notNull().default(sql`'{}'::text[]`),
    /** The submitter's publication consent per item; the input itself is published only if accepted. */
    publishName: boolean().notNull().default(false),
    publishOrganisation: boolean().notNull().default(false),
    /** Consent to publish the attached files with the input (the files are always kept for the secretariat). */
    publishAttachments: boolean().notNull().default(false),
    /** SHA-256 (hex) of the canonical submitted content, printed on the receipt. */
    contentSha256: text().notNull(),
    /**
     * Random salt of this submission's content digests (see content-digest.ts). Deleted ('') with
     * the personal data, so the digests left cannot be tested against guesses of who sent it. NULL
     * on inputs stored before salts, whose digests go instead (unlink-digest.ts).
     */
    contentSalt: text(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * Set when the submitter proves the address is theirs (the status link from the confirmation
     * e-mail). Only confirmed inputs reach moderators or get a receipt.
     */
    emailConfirmedAt: timestamp({ withTimezone: true }),
    /** When the current content was sent, if it is an edit made after changes were requested. */
    revisedAt: timestamp({ withTimezone: true }),
    /** Set when an input never confirmed is expired; its personal data and text are erased then. */
    expiredAt: timestamp({ withTimezone: true }),

    // Decision: written only by app/modules/moderation.
    decision: text().$type<Decision>().notNull().default('pending'),
    decisionReason: text(),
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: uuid().references(() => staffUsers.id),
    /** Set with a rejection: what kind of reason, for the public ledger (the reason itself is private). */
    rejectionCategory: text().$type<RejectionCategory>(),
    /** Set when marked a duplicate: the input it repeats. */
    duplicateOf: uuid().references((): AnyPgColumn => submissions.id),
    /** A moderator working on the input; others see it and cannot decide until the claim ends. */
    claimedBy: uuid().references(() => staffUsers.id),
    claimedUntil: timestamp({ withTimezone: true }),
    /** Optimistic-lock counter: every decision must name the version it was made on. */
    version: integer().notNull().default(1),

    // Publication: written only by app/modules/publication.
    publishedAt: timestamp({ withTimezone: true }),
    /** Accepted for publication at this instant (e.g. together when the call closes); the worker publishes it then. */
    publishAt: timestamp({ withTimezone: true }),
    /** Set when staff withdrew a published input from publication; the public page then says so. */
    unpublishedAt: timestamp({ withTimezone: true }),
    /** Why it was withdrawn from publication (audited, and told to the submitter). */
    unpublishReason: text(),

    // Public version (redaction): NULL means the original is published as it is. The original
    // columns above are never changed by redaction and stay visible to staff.
    publicTitle: text(),
    publicSummary: text(),
    publicBody: text(),
    /** Staff hid the contact name from the public record even though the submitter consented. */
    nameHidden: boolean().notNull().default(false),
    /** Last time staff changed the public version. */
    redactedAt: timestamp({ withTimezone: true }),

    /**
     * Near-identical inputs of the same forum (a campaign, or one text sent twice) share this: the
     * id of the group's first input, set by app/modules/moderation/similar-inputs.ts.
     */
    similarGroup: uuid().references((): AnyPgColumn => submissions.id),
    /**
     * Whether the input is the first of its group, kept by PostgreSQL. A column of its own so the
     * planner knows how many there are: it cannot estimate `similar_group = id` (two columns) and
     * guesses 0.5%, which made it compare texts one by one instead of reading the trigram index.
     */
    firstOfGroup: boolean().notNull().generatedAlwaysAs(sql`coalesce(similar_group = id, false)`),

    /**
     * SHA-256 (hex) of the status-link token (256 random bits). The token itself reaches the
     * submitter only by e-mail and is never stored once that e-mail is recorded.
     */
    statusTokenHash: text().notNull().unique(),
    /** The text seems to hold an e-mail address or a phone number (personal-data-patterns.ts). */
    /** Generated from the text and names (SEARCH_TEXT); recomputed by PostgreSQL on every change, erasure included. */
    searchDocument: tsvector().generatedAlwaysAs(sql.raw(SEARCH_TEXT)),
    likelyPersonalData: boolean().generatedAlwaysAs(sql.raw(`(${ALL_TEXT}) ~ '${EMAIL_PATTERN}' or (${ALL_TEXT}) ~ '${PHONE_PATTERN}'`)),
    /** Set when the submitter withdraws the input before a decision. */
    withdrawnAt: timestamp({ withTimezone: true }),
    /**
     * Set when the submitter asked for their personal data to be erased (name, e-mail address,
     * organisation). Nothing can be mailed to them afterwards.
     */
    personalDataErasedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.forumId, t.decision, t.receivedAt),
    index().on(t.forumId, t.publishedAt),
    // The public record across forums, newest first (feeds and open data), in keyset order.
    index('submissions_published').on(t.publishedAt, t.reference).where(sql`${t.publishedAt} is not null`),
    index('submissions_search').using('gin', t.searchDocument),
    index('submissions_objectives').using('gin', t.objectives),
    // Feeds' tombstones: the inputs most recently withdrawn from publication.
    index('submissions_unpublished').on(t.unpublishedAt).where(sql`${t.unpublishedAt} is not null`),
    index('submissions_similar_group').on(t.similarGroup).where(sql`${t.similarGroup} is not null`),
    // Comparing texts for near-duplicates: trigram similarity over the start of each text, of
    // the first input of each group, and of inputs not grouped. A campaign's thousand copies are
    // one entry here, not a thousand candidates to compare every new copy with. Two indexes, so a
    // copy that matches a group never reads the ungrouped inputs (after an outage, a backlog of
    // ungrouped copies would otherwise all be compared with each one). Only inputs that reach
    // moderators (confirmed, not withdrawn) count: unconfirmed copies are never grouped, and
    // would stay candidates for good.
    index('submissions_similarity_groups')
      .using('gin', sql.raw(`${SIMILARITY_TEXT} gin_trgm_ops`))
      .where(sql`${t.firstOfGroup} and ${t.emailConfirmedAt} is not null and ${t.withdrawnAt} is null`),
    index('submissions_similarity_ungrouped')
      .using('gin', sql.raw(`${SIMILARITY_TEXT} gin_trgm_ops`))
      .where(sql`${t.similarGroup} is null and ${t.emailConfirmedAt} is not null and ${t.withdrawnAt} is null`),
    // The queue: confirmed inputs, in the order they arrived. The columns after the order carry
    // what the queue's counts group and filter by, so the counts read this index alone (an
    // index-only scan) rather than every row of the table with its text. They are key columns
    // only because drizzle cannot declare INCLUDE columns; after the unique id they order nothing.
    index('submissions_queue')
      .on(t.decision, t.receivedAt, t.id, t.forumId, t.withdrawnAt, t.constituency, t.region, t.language, t.country, t.likelyPersonalData)
      .where(sql`${t.emailConfirmedAt} is not null`),
    check('submissions_decision', sql`${t.decision} in ('pending','accepted','rejected','changes_requested','duplicate','spam')`),
    check('submissions_published_only_if_accepted', sql`${t.publishedAt} is null or ${t.decision} = 'accepted'`),
    // coalesce: a NULL reason would make the check NULL, which PostgreSQL counts as satisfied.
    check('submissions_rejection_has_reason', sql`${t.decision} <> 'rejected' or coalesce(length(${t.decisionReason}), 0) > 0`),
    check('submissions_rejection_has_category', sql`(${t.decision} = 'rejected') = (${t.rejectionCategory} is not null)`),
    check('submissions_rejection_category', sql`${t.rejectionCategory} in ('out_of_scope','not_gcm','abusive','spam','personal_data_risk','other')`),
    check('submissions_duplicate_has_original', sql`(${t.decision} = 'duplicate') = (${t.duplicateOf} is not null)`),
    check('submissions_claim_complete', sql`(${t.claimedBy} is null) = (${t.claimedUntil} is null)`),
    check('submissions_changes_have_message', sql`${t.decision} <> 'changes_requested' or coalesce(length(${t.decisionReason}), 0) > 0`),
    check('submissions_scheduled_only_if_accepted', sql`${t.publishAt} is null or ${t.decision} = 'accepted'`),
    check('submissions_unpublished_has_reason', sql`${t.unpublishedAt} is null or (${t.publishedAt} is null and coalesce(length(${t.unpublishReason}), 0) > 0)`),
    check('submissions_withdrawn_not_published', sql`${t.withdrawnAt} is null or ${t.publishedAt} is null`),
    check('submissions_expired_unconfirmed', sql`${t.expiredAt} is null or ${t.emailConfirmedAt} is null`),
    check('submissions_decided_only_if_confirmed', sql`${t.decision} = 'pending' or ${t.emailConfirmedAt} is not null`),
    check('submissions_submitter_type', sql`${t.submitterType} in ('individual','organisation','network')`),
    check('submissions_region', sql`${t.region} in ('ECA','ECE','ECLAC','ESCAP','ESCWA')`),
    check('submissions_decided_has_time', sql`(${t.decision} = 'pending') = (${t.decidedAt} is null)`),
    // A salt is deleted only with the personal data…
    check('submissions_salt_deleted_when_gone', sql`${t.contentSalt} <> '' or ${t.personalDataErasedAt} is not null or ${t.expiredAt} is not null`),
    // …and once the person is gone, no digest is left that a guess could be tested against.
    check(
      'submissions_digest_unlinked',
      sql`(${t.personalDataErasedAt} is null and ${t.expiredAt} is null) or coalesce(${t.contentSalt} = '', false) or ${t.contentSha256} = ''`,
    ),
  ],
);

export type Submission = typeof submissions.$inferSelect;
export type NewSubmission = typeof submissions.$inferInsert;
