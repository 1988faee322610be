-- Inputs whose personal data is gone (erased, or expired unconfirmed) and that hold no salt: their
-- digest was computed over the name and address and can be recomputed from a guess of who sent
-- the input, so it is removed, with their earlier versions' digests. (Rows erased after 0012 and
-- before this migration also show a NULL salt; their salted digest is removed as well, since the
-- two cannot be told apart: the safe side.) Idempotent: rows already without a digest are skipped.
UPDATE "submission_versions" SET "content_sha256" = ''
WHERE "content_sha256" <> '' AND "submission_id" IN (
  SELECT "id" FROM "submissions"
  WHERE "content_salt" IS NULL AND ("personal_data_erased_at" IS NOT NULL OR "expired_at" IS NOT NULL)
);--> statement-breakpoint
UPDATE "submissions" SET "content_sha256" = ''
WHERE "content_salt" IS NULL AND ("personal_data_erased_at" IS NOT NULL OR "expired_at" IS NOT NULL) AND "content_sha256" <> '';--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_salt_deleted_when_gone" CHECK ("submissions"."content_salt" <> '' or "submissions"."personal_data_erased_at" is not null or "submissions"."expired_at" is not null);--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_digest_unlinked" CHECK (("submissions"."personal_data_erased_at" is null and "submissions"."expired_at" is null) or coalesce("submissions"."content_salt" = '', false) or "submissions"."content_sha256" = '');