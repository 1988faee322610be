import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { drafts } from './drafts';
import { staffUsers } from './staff';
import { submissions } from './submissions';

/**
 * Transactional outbox: written in the same transaction as the change that needs follow-up work,
 * relayed to BullMQ by workers/outbox-relay.ts, marked done in the transaction recording the effect.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** A job name from workers/queues.ts. */
    kind: text().notNull(),
    submissionId: uuid().references(() => submissions.id),
    /** For e-mails about a draft (which has no submission yet). */
    draftId: uuid().references(() => drafts.id),
    /** For e-mails to a staff member (an invitation to set a password). */
    staffId: uuid().references(() => staffUsers.id, { onDelete: 'cascade' }),
    /** Small values the job needs; never copied to Redis. Secrets in it are erased when done. */
    payload: jsonb().$type<Record<string, string | number | boolean>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Last time the relay handed it to BullMQ; rows left undone long after this are handed again. */
    enqueuedAt: timestamp({ withTimezone: true }),
    doneAt: timestamp({ withTimezone: true }),
    /** Permanent failure (e.g. SMTP 5xx): visible to staff, not retried. */
    failedAt: timestamp({ withTimezone: true }),
    /** Held for review (a forum that holds decision e-mails): the relay skips it until released. */
    heldAt: timestamp({ withTimezone: true }),
    /**
     * A worker is running this row's job until then. A second copy of the job (the relay queues
     * the row again after Redis lost it, or BullMQ hands a stalled job to another worker) finds
     * the claim and leaves the row alone, so nobody gets an e-mail twice from two workers at once.
     * A killed worker's claim simply runs out.
     */
    claimedUntil: timestamp({ withTimezone: true }),
    attempts: integer().notNull().default(0),
    lastError: text(),
  },
  (t) => [
    index('outbox_pending').on(t.id).where(sql`${t.doneAt} is null and ${t.failedAt} is null and ${t.heldAt} is null`),
    index('outbox_held').on(t.heldAt).where(sql`${t.heldAt} is not null`),
    // The operations page lists work that failed for good, newest first.
    index('outbox_failed').on(t.failedAt).where(sql`${t.failedAt} is not null`),
  ],
);

export type OutboxRow = typeof outbox.$inferSelect;
