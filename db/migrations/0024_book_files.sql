ALTER TABLE "books" DROP CONSTRAINT "books_finished_with_pdf";--> statement-breakpoint
ALTER TABLE "books" ADD COLUMN "file_key" text;--> statement-breakpoint
ALTER TABLE "books" ADD COLUMN "size_bytes" bigint;--> statement-breakpoint
ALTER TABLE "books" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
-- Books kept in the database before cannot be moved to the file store from SQL: they are retired
-- (the admin's page says so) and their bytes dropped with the column; a new one is one click.
UPDATE "books" SET "retired_at" = now() WHERE "pdf" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "books" DROP COLUMN "pdf";--> statement-breakpoint
ALTER TABLE "books" ADD CONSTRAINT "books_finished_with_file" CHECK (("books"."file_key" is not null) = ("books"."finished_at" is not null) or "books"."retired_at" is not null);--> statement-breakpoint
ALTER TABLE "books" ADD CONSTRAINT "books_file_size" CHECK (("books"."file_key" is null) = ("books"."size_bytes" is null));