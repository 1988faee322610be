CREATE TABLE "staff_notes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"submission_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "rejection_category" text;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "duplicate_of" uuid;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "claimed_by" uuid;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "claimed_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "likely_personal_data" boolean GENERATED ALWAYS AS ((title || ' ' || summary || ' ' || body) ~ '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}' or (title || ' ' || summary || ' ' || body) ~ '(\+|00)[0-9٠-٩۰-۹]([0-9٠-٩۰-۹]|[ ().-]){6,}[0-9٠-٩۰-۹]|(^|[^0-9٠-٩۰-۹])[0-9٠-٩۰-۹]{3}[ .-]?[0-9٠-٩۰-۹]{3}[ .-]?[0-9٠-٩۰-۹]{3,4}([^0-9٠-٩۰-۹]|$)') STORED;--> statement-breakpoint
ALTER TABLE "staff_notes" ADD CONSTRAINT "staff_notes_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_notes" ADD CONSTRAINT "staff_notes_staff_id_staff_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_notes_submission_id_created_at_index" ON "staff_notes" USING btree ("submission_id","created_at");--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_duplicate_of_submissions_id_fk" FOREIGN KEY ("duplicate_of") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_claimed_by_staff_users_id_fk" FOREIGN KEY ("claimed_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "submissions_search" ON "submissions" USING gin (to_tsvector('simple'::regconfig, reference || ' ' || title || ' ' || summary || ' ' || body || ' ' || coalesce(organisation, '') || ' ' || contact_name));--> statement-breakpoint
CREATE INDEX "submissions_objectives" ON "submissions" USING gin ("objectives");--> statement-breakpoint
CREATE INDEX "submissions_queue" ON "submissions" USING btree ("decision","received_at","id") WHERE "submissions"."email_confirmed_at" is not null;--> statement-breakpoint
-- Inputs rejected before categories existed are counted as "other".
UPDATE "submissions" SET "rejection_category" = 'other' WHERE "decision" = 'rejected';--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_rejection_has_category" CHECK (("submissions"."decision" = 'rejected') = ("submissions"."rejection_category" is not null));--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_rejection_category" CHECK ("submissions"."rejection_category" in ('out_of_scope','not_gcm','abusive','spam','personal_data_risk','other'));--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_duplicate_has_original" CHECK (("submissions"."decision" = 'duplicate') = ("submissions"."duplicate_of" is not null));--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_claim_complete" CHECK (("submissions"."claimed_by" is null) = ("submissions"."claimed_until" is null));