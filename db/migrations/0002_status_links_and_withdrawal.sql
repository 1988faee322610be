-- Rows from before status links get an unguessable hash nobody holds a token for.
ALTER TABLE "submissions" ADD COLUMN "status_token_hash" text NOT NULL DEFAULT encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex');--> statement-breakpoint
ALTER TABLE "submissions" ALTER COLUMN "status_token_hash" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_statusTokenHash_unique" UNIQUE("status_token_hash");--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_withdrawn_not_published" CHECK ("submissions"."withdrawn_at" is null or "submissions"."published_at" is null);
