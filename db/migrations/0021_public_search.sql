-- The public listing's search in the six UN languages (db/schema/public-search.ts), and the
-- table of publication PDFs (db/schema/publication-pdfs.ts).

-- Each input is stemmed in the language it is written in. Chinese has no stemmer and no spaces:
-- 'simple' keeps its words whole, and search_cjk_bigrams splits its runs of characters.
CREATE FUNCTION public_search_config(language text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (CASE language
    WHEN 'ar' THEN 'arabic' WHEN 'en' THEN 'english' WHEN 'fr' THEN 'french'
    WHEN 'es' THEN 'spanish' WHEN 'ru' THEN 'russian' ELSE 'simple' END)::regconfig
$$;--> statement-breakpoint

-- Chinese (and Japanese kana) runs become their overlapping character pairs, "移民工人" ->
-- "移民 民工 工人", the usual way to index text without word boundaries; other text is kept.
-- With quoted (for queries), each run's pairs become a phrase, so the characters match in order;
-- a run already inside the person's own quotes is in a phrase and is left unquoted.
CREATE FUNCTION search_cjk_bigrams(t text, quoted boolean DEFAULT false) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  piece text;
  pairs text;
  result text := '';
  in_quotes boolean := false;
BEGIN
  IF t !~ '[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]' THEN
    RETURN t;
  END IF;
  FOR piece IN SELECT m[1] FROM regexp_matches(t, '([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[^\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)', 'g') AS m LOOP
    IF length(piece) > 1 AND piece ~ '^[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]' THEN
      SELECT string_agg(substr(piece, i, 2), ' ' ORDER BY i) INTO pairs FROM generate_series(1, length(piece) - 1) AS i;
      result := result || CASE WHEN quoted AND NOT in_quotes THEN ' "' || pairs || '" ' ELSE ' ' || pairs || ' ' END;
    ELSE
      result := result || piece;
      in_quotes := in_quotes <> ((length(piece) - length(replace(piece, '"', ''))) % 2 = 1);
    END IF;
  END LOOP;
  RETURN result;
END
$$;--> statement-breakpoint

-- What a person types, as a query for inputs in any language: the words as each language's
-- stemmer reads them, any of which may match (a query finds inputs written in its language, and
-- names or words shared across languages). websearch_to_tsquery never fails on odd input. Readings
-- that come out the same are kept once, and an empty query (only stop words) matches nothing.
CREATE FUNCTION public_search_query(q text) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(DISTINCT '(' || reading::text || ')', ' | '), '')::tsquery
  FROM search_cjk_bigrams(q, true) AS b,
    unnest(ARRAY['arabic', 'english', 'french', 'spanish', 'russian', 'simple']::regconfig[]) AS config,
    websearch_to_tsquery(config, b) AS reading
  WHERE numnode(reading) > 0
$$;--> statement-breakpoint

-- {'objective:', {1,5}} -> {objective:1, objective:5}: list values as facets.
CREATE FUNCTION prefixed_elements(prefix text, elements text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(prefix || e), '{}') FROM unnest(elements) AS e
$$;--> statement-breakpoint
CREATE TABLE "public_search_entries" (
	"submission_id" uuid PRIMARY KEY NOT NULL,
	"forum_id" uuid NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"reference" text NOT NULL,
	"facets" text[] NOT NULL,
	"document" "tsvector" NOT NULL,
	"head" "tsvector" NOT NULL
);
--> statement-breakpoint
-- Rows stay narrow (ids, order, facets, head) and the long document lives out of line: counting
-- and ranking thousands of matches then read a few megabytes, not the documents.
ALTER TABLE "public_search_entries" SET (toast_tuple_target = 128);--> statement-breakpoint
-- The head (title and summary, what relevance is ranked by) stays in the row.
ALTER TABLE "public_search_entries" ALTER COLUMN "head" SET STORAGE MAIN;
--> statement-breakpoint
CREATE TABLE "publication_pdfs" (
	"submission_id" uuid PRIMARY KEY NOT NULL,
	"basis" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"rendered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "public_search_entries" ADD CONSTRAINT "public_search_entries_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_pdfs" ADD CONSTRAINT "publication_pdfs_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "public_search_document" ON "public_search_entries" USING gin ("document");--> statement-breakpoint
CREATE INDEX "public_search_facets" ON "public_search_entries" USING gin ("facets");--> statement-breakpoint
CREATE INDEX "public_search_order" ON "public_search_entries" USING btree ("published_at","reference");--> statement-breakpoint
CREATE INDEX "public_search_forum_order" ON "public_search_entries" USING btree ("forum_id","published_at","reference");--> statement-breakpoint

-- What an input's entry holds, from its row: filter values, and the document (title A, summary
-- and consented author B, text C) in the input's language. Used by the trigger and the backfill.
CREATE FUNCTION public_search_facets(s submissions) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY['constituency:' || s.constituency, 'type:' || s.submitter_type, 'region:' || s.region,
               'country:' || s.country, 'language:' || s.language]
    || prefixed_elements('objective:', s.objectives) || prefixed_elements('principle:', s.principles)
$$;--> statement-breakpoint

CREATE FUNCTION public_search_document(s submissions) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector(c, search_cjk_bigrams(coalesce(s.public_title, s.title))), 'A')
      || setweight(to_tsvector(c, search_cjk_bigrams(coalesce(s.public_summary, s.summary) || ' '
           || coalesce(CASE WHEN s.publish_organisation THEN s.organisation END, '') || ' '
           || coalesce(CASE WHEN s.publish_name AND NOT s.name_hidden THEN s.contact_name END, ''))), 'B')
      || setweight(to_tsvector(c, search_cjk_bigrams(coalesce(s.public_body, s.body))), 'C')
  FROM public_search_config(s.language) AS c
$$;--> statement-breakpoint

-- The search entry of an input as it stands: its row in public_search_entries while published, none otherwise.
CREATE FUNCTION public_search_head(s submissions) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector(c, search_cjk_bigrams(coalesce(s.public_title, s.title))), 'A')
      || setweight(to_tsvector(c, search_cjk_bigrams(coalesce(s.public_summary, s.summary))), 'B')
  FROM public_search_config(s.language) AS c
$$;--> statement-breakpoint

CREATE FUNCTION sync_public_search_entry() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.published_at IS NULL THEN
    DELETE FROM public_search_entries WHERE submission_id = NEW.id;
  ELSE
    INSERT INTO public_search_entries AS e (submission_id, forum_id, published_at, reference, facets, document, head)
    VALUES (NEW.id, NEW.forum_id, NEW.published_at, NEW.reference, public_search_facets(NEW), public_search_document(NEW), public_search_head(NEW))
    ON CONFLICT (submission_id) DO UPDATE SET
      forum_id = EXCLUDED.forum_id, published_at = EXCLUDED.published_at, reference = EXCLUDED.reference,
      facets = EXCLUDED.facets, document = EXCLUDED.document, head = EXCLUDED.head;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint

CREATE TRIGGER public_search_on_insert AFTER INSERT ON submissions
FOR EACH ROW WHEN (NEW.published_at IS NOT NULL) EXECUTE FUNCTION sync_public_search_entry();--> statement-breakpoint

-- Only changes to what the entry holds rewrite it: claims, decisions and e-mails do not.
CREATE TRIGGER public_search_on_update AFTER UPDATE ON submissions
FOR EACH ROW WHEN (
  (OLD.published_at, OLD.forum_id, OLD.reference, OLD.language, OLD.title, OLD.summary, OLD.body,
   OLD.public_title, OLD.public_summary, OLD.public_body, OLD.organisation, OLD.contact_name,
   OLD.publish_organisation, OLD.publish_name, OLD.name_hidden, OLD.constituency, OLD.submitter_type,
   OLD.region, OLD.country, OLD.objectives, OLD.principles)
  IS DISTINCT FROM
  (NEW.published_at, NEW.forum_id, NEW.reference, NEW.language, NEW.title, NEW.summary, NEW.body,
   NEW.public_title, NEW.public_summary, NEW.public_body, NEW.organisation, NEW.contact_name,
   NEW.publish_organisation, NEW.publish_name, NEW.name_hidden, NEW.constituency, NEW.submitter_type,
   NEW.region, NEW.country, NEW.objectives, NEW.principles)
) EXECUTE FUNCTION sync_public_search_entry();--> statement-breakpoint

-- Inputs published before this migration.
INSERT INTO public_search_entries (submission_id, forum_id, published_at, reference, facets, document, head)
SELECT s.id, s.forum_id, s.published_at, s.reference, public_search_facets(s), public_search_document(s), public_search_head(s)
FROM submissions s WHERE s.published_at IS NOT NULL;
