import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  check,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { drafts } from "./drafts";
import { outbox } from "./outbox";
import { staffUsers } from "./staff";
import { submissions } from "./submissions";

/** One row per e-mail the SMTP server accepted; recorded with the outbox row's completion. */
export const emailDeliveries = pgTable(
  "email_deliveries",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    outboxId: bigint({ mode: "number" })
      .notNull()
      .unique()
      .references(() => outbox.id),
    submissionId: uuid().references(() => submissions.id),
    draftId: uuid().references(() => drafts.id),
    staffId: uuid().references(() => staffUsers.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    /** Stable per outbox row, so a resend after a crash is recognisably the same message. */
    messageId: text().notNull(),
    smtpResponse: text().notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "email_deliveries_about_something",
      sql`${t.submissionId} is not null or ${t.draftId} is not null or ${t.staffId} is not null`
    ),
  ]
);

export type EmailDelivery = typeof emailDeliveries.$inferSelect;
