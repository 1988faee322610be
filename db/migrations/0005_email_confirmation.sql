ALTER TABLE "submissions" ADD COLUMN "email_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "expired_at" timestamp with time zone;--> statement-breakpoint
-- Inputs received before confirmation existed were acknowledged at once: they count as confirmed.
UPDATE "submissions" SET "email_confirmed_at" = "received_at";--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_expired_unconfirmed" CHECK ("submissions"."expired_at" is null or "submissions"."email_confirmed_at" is null);--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_decided_only_if_confirmed" CHECK ("submissions"."decision" = 'pending' or "submissions"."email_confirmed_at" is not null);