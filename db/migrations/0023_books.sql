CREATE TABLE "books" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"forum_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"grouping" text NOT NULL,
	"locale" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer,
	"finished_at" timestamp with time zone,
	"pdf" "bytea",
	"failure" text,
	CONSTRAINT "books_grouping" CHECK ("books"."grouping" in ('constituency','objective')),
	CONSTRAINT "books_finished_with_pdf" CHECK (("books"."pdf" is not null) = ("books"."finished_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "books" ADD CONSTRAINT "books_forum_id_forums_id_fk" FOREIGN KEY ("forum_id") REFERENCES "public"."forums"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "books" ADD CONSTRAINT "books_requested_by_staff_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "books_forum_id_requested_at_index" ON "books" USING btree ("forum_id","requested_at");