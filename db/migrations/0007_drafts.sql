CREATE TABLE "drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"forum_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"interface_locale" text NOT NULL,
	"email" text NOT NULL,
	"values" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "drafts_tokenHash_unique" UNIQUE("token_hash"),
	CONSTRAINT "drafts_idempotencyKey_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "drafts_closed_erased" CHECK ("drafts"."closed_at" is null or ("drafts"."email" = '' and "drafts"."values" = '{}'::jsonb))
);
--> statement-breakpoint
ALTER TABLE "email_deliveries" ALTER COLUMN "submission_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "draft_id" uuid;--> statement-breakpoint
ALTER TABLE "email_deliveries" ADD COLUMN "draft_id" uuid;--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_forum_id_forums_id_fk" FOREIGN KEY ("forum_id") REFERENCES "public"."forums"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "drafts_expires_at_index" ON "drafts" USING btree ("expires_at") WHERE "drafts"."closed_at" is null;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_draft_id_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."drafts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_deliveries" ADD CONSTRAINT "email_deliveries_draft_id_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."drafts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_deliveries" ADD CONSTRAINT "email_deliveries_about_something" CHECK ("email_deliveries"."submission_id" is not null or "email_deliveries"."draft_id" is not null);