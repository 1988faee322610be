import { bigint, bigserial, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { outbox } from './outbox';
import { submissions } from './submissions';

/** One row per e-mail the SMTP server accepted; recorded with the outbox row's completion. */
export const emailDeliveries = pgTable('email_deliveries', {
  id: bigserial({ mode: 'number' }).primaryKey(),
  outboxId: bigint({ mode: 'number' }).notNull().unique().references(() => outbox.id),
  submissionId: uuid().notNull().references(() => submissions.id),
  kind: text().notNull(),
  /** Stable per outbox row, so a resend after a crash is recognisably the same message. */
  messageId: text().notNull(),
  smtpResponse: text().notNull(),
  sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type EmailDelivery = typeof emailDeliveries.$inferSelect;
