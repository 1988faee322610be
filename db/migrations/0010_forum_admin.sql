-- Forum administration: settings an admin edits (attachment rules, required fields, publication
-- defaults) with a version for optimistic locking, late-access codes (hashed), and forum audit rows.
-- Existing forums keep their behaviour: nothing required beyond before, boxes unticked.
CREATE TABLE "late_access_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"forum_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"hint" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	CONSTRAINT "late_access_codes_codeHash_unique" UNIQUE("code_hash"),
	CONSTRAINT "late_access_codes_revoked_by" CHECK (("late_access_codes"."revoked_at" is null) = ("late_access_codes"."revoked_by" is null))
);
--> statement-breakpoint
ALTER TABLE "forums" ADD COLUMN "attachment_rules" jsonb DEFAULT '{"allowedTypes":["pdf","docx","odt"],"maxSizeMb":10,"maxCount":1}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "forums" ADD COLUMN "required_fields" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "forums" ADD COLUMN "publish_name_by_default" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "forums" ADD COLUMN "publish_organisation_by_default" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "forums" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "forums" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- Forums from before settings could be edited were last changed when they were created.
UPDATE "forums" SET "updated_at" = "created_at";--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "forum_id" uuid;--> statement-breakpoint
ALTER TABLE "late_access_codes" ADD CONSTRAINT "late_access_codes_forum_id_forums_id_fk" FOREIGN KEY ("forum_id") REFERENCES "public"."forums"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "late_access_codes" ADD CONSTRAINT "late_access_codes_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "late_access_codes" ADD CONSTRAINT "late_access_codes_revoked_by_staff_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "late_access_codes_forum_id_created_at_index" ON "late_access_codes" USING btree ("forum_id","created_at");--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_forum_id_forums_id_fk" FOREIGN KEY ("forum_id") REFERENCES "public"."forums"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_forum_id_occurred_at_index" ON "audit_events" USING btree ("forum_id","occurred_at");--> statement-breakpoint
ALTER TABLE "forums" ADD CONSTRAINT "forums_input_languages" CHECK (cardinality("forums"."input_languages") > 0 and "forums"."input_languages" <@ array['ar','zh','en','fr','ru','es']::text[]);--> statement-breakpoint
ALTER TABLE "forums" ADD CONSTRAINT "forums_required_fields" CHECK ("forums"."required_fields" <@ array['organisation','principles']::text[]);