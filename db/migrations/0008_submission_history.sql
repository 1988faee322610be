CREATE TABLE "status_links" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"submission_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "status_links_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "submission_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"submission_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"content" jsonb NOT NULL,
	"content_sha256" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "submission_versions_submissionId_number_unique" UNIQUE("submission_id","number")
);
--> statement-breakpoint
ALTER TABLE "submissions" DROP CONSTRAINT "submissions_rejection_has_reason";--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "revised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "status_links" ADD CONSTRAINT "status_links_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD CONSTRAINT "submission_versions_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_changes_have_message" CHECK ("submissions"."decision" <> 'changes_requested' or coalesce(length("submissions"."decision_reason"), 0) > 0);--> statement-breakpoint
-- The earlier check let a NULL reason through; such rows would stop this migration. They get a
-- placeholder reason, stated as such, before the stricter check is added.
UPDATE "submissions" SET "decision_reason" = '(no reason was recorded)' WHERE "decision" = 'rejected' AND coalesce(length("decision_reason"), 0) = 0;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_rejection_has_reason" CHECK ("submissions"."decision" <> 'rejected' or coalesce(length("submissions"."decision_reason"), 0) > 0);