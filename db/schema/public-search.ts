import { sql } from 'drizzle-orm';
import { customType, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { submissions } from './submissions';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * One row per published input, for the public listing's search and filters. Kept by PostgreSQL
 * itself: triggers on submissions (migration 0021, sync_public_search_entry) write the row when an
 * input is published or its public version, consent or taxonomy changes, and delete it when the
 * input leaves the public record. Only the public version and consented names go in, so nothing
 * withheld can be found. A table of its own, not columns of submissions: a search that matches
 * a third of all inputs reads these narrow rows, not the inputs' full texts (bench/public-listing.ts).
 */
export const publicSearchEntries = pgTable(
  'public_search_entries',
  {
    submissionId: uuid().primaryKey().references(() => submissions.id),
    forumId: uuid().notNull(),
    publishedAt: timestamp({ withTimezone: true }).notNull(),
    reference: text().notNull(),
    /** Filter values as "kind:value" (constituency:academia, objective:6…): one GIN index serves any combination. */
    facets: text().array().notNull(),
    /**
     * Title (weight A), summary and consented author (B), text (C), stemmed in the input's own
     * language (public_search_config); Chinese runs as overlapping character pairs (search_cjk_bigrams).
     * The filter values are lexemes of it too (migration 0030), for counts of words with filters.
     */
    document: tsvector().notNull(),
    /**
     * Title (A) and summary (B) alone: inputs matching here come first by relevance. Small and kept
     * in the row; the long document is stored out of line (toast_tuple_target, migration 0021).
     * Indexed too, so the first tier of a relevance search reads only the inputs it returns.
     */
    head: tsvector().notNull(),
  },
  (t) => [
    index('public_search_document').using('gin', t.document),
    index('public_search_facets').using('gin', t.facets),
    index('public_search_head_words').using('gin', t.head),
    index('public_search_order').on(t.publishedAt, t.reference),
    index('public_search_forum_order').on(t.forumId, t.publishedAt, t.reference),
  ],
);
