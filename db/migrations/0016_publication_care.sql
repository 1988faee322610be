CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
DROP INDEX "outbox_pending";--> statement-breakpoint
ALTER TABLE "forums" ADD COLUMN "hold_decision_emails" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "publish_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "unpublished_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "unpublish_reason" text;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "public_title" text;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "public_summary" text;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "public_body" text;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "name_hidden" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "redacted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "similar_group" uuid;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "held_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "withheld_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_similar_group_submissions_id_fk" FOREIGN KEY ("similar_group") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "submissions_similar_group" ON "submissions" USING btree ("similar_group") WHERE "submissions"."similar_group" is not null;--> statement-breakpoint
CREATE INDEX "submissions_similarity" ON "submissions" USING gin (left(title || ' ' || body, 2000) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "outbox_held" ON "outbox" USING btree ("held_at") WHERE "outbox"."held_at" is not null;--> statement-breakpoint
CREATE INDEX "outbox_pending" ON "outbox" USING btree ("id") WHERE "outbox"."done_at" is null and "outbox"."failed_at" is null and "outbox"."held_at" is null;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_scheduled_only_if_accepted" CHECK ("submissions"."publish_at" is null or "submissions"."decision" = 'accepted');--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_unpublished_has_reason" CHECK ("submissions"."unpublished_at" is null or ("submissions"."published_at" is null and coalesce(length("submissions"."unpublish_reason"), 0) > 0));