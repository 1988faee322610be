-- A Chinese run typed in a query now asks for all of its character pairs, in any order, instead of
-- the pairs as a phrase. A phrase is checked against each candidate's whole document, read from
-- out of line (0021): over 100 ms for a common run at 100,000 inputs (bench/public-listing.ts).
-- All the pairs of a run of three or more characters rarely occur without the run itself, and a
-- person's own "quotation marks" still make a phrase.
DROP FUNCTION search_cjk_bigrams(text, boolean);--> statement-breakpoint

-- Chinese (and Japanese kana) runs become their overlapping character pairs, "移民工人" ->
-- "移民 民工 工人", the usual way to index text without word boundaries; other text is kept.
CREATE FUNCTION search_cjk_bigrams(t text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  piece text;
  pairs text;
  result text := '';
BEGIN
  IF t !~ '[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]' THEN
    RETURN t;
  END IF;
  FOR piece IN SELECT m[1] FROM regexp_matches(t, '([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[^\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)', 'g') AS m LOOP
    IF length(piece) > 1 AND piece ~ '^[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]' THEN
      SELECT string_agg(substr(piece, i, 2), ' ' ORDER BY i) INTO pairs FROM generate_series(1, length(piece) - 1) AS i;
      result := result || ' ' || pairs || ' ';
    ELSE
      result := result || piece;
    END IF;
  END LOOP;
  RETURN result;
END
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION public_search_query(q text) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(DISTINCT '(' || reading::text || ')', ' | '), '')::tsquery
  FROM search_cjk_bigrams(q) AS b,
    unnest(ARRAY['arabic', 'english', 'french', 'spanish', 'russian', 'simple']::regconfig[]) AS config,
    websearch_to_tsquery(config, b) AS reading
  WHERE numnode(reading) > 0
$$;
