-- Full-text search of published narratives (lib/db/queries/search.ts). Chinese has no spaces, so a revision's text
-- is indexed as the set of its overlapping two-character sequences ("行政复议" gives 行政, 政复, 复议), stored as the
-- lexemes of a tsvector (no parser, no dictionary) with a GIN index. A query asks for the AND of its own bigrams and
-- a candidate is then checked against the text when the term is longer than two characters.
--
-- Normalisation, mirrored exactly by searchBigrams() and normalizeSearchText() in TypeScript: ASCII letters are
-- lower-cased, and tab, LF, VT, FF, CR, space, no-break space and the ideographic space U+3000 count as spaces: no
-- bigram holds one. The six sections are joined with a line feed, so no bigram spans two sections. Only the first
-- 80,000 characters are indexed, which keeps every tsvector far below its 1 MB limit (80,000 lexemes of at most
-- 8 bytes plus 4 of overhead), so that publishing can never fail on the index. Real reports are 3,000 to 20,000
-- characters.
--
-- The column is GENERATED from the state and the six sections: only PUBLISHED revisions carry a value, and every
-- writer (publishing, corrections, imports, the demo seeder) keeps it current without calling anything. The function
-- is written in SQL, without statement separators in its body, because Prisma's driver-adapter engines split a
-- migration script on every semicolon.
CREATE FUNCTION "nianbao_search_tsv"(s1 text, s2 text, s3 text, s4 text, s5 text, s6 text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT array_to_tsvector(coalesce(array_agg(b.g), '{}'::text[]))
  FROM (
    SELECT u.c || lead(u.c) OVER (ORDER BY u.i) AS g
    FROM string_to_table(
      left(
        translate(
          concat_ws(chr(10), s1, s2, s3, s4, s5, s6),
          'ABCDEFGHIJKLMNOPQRSTUVWXYZ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(160) || chr(12288),
          'abcdefghijklmnopqrstuvwxyz' || '       '
        ),
        80000
      ),
      NULL
    ) WITH ORDINALITY AS u(c, i)
  ) b
  WHERE b.g IS NOT NULL AND strpos(b.g, ' ') = 0
$fn$;

-- AlterTable (array_to_tsvector sorts and removes duplicate lexemes)
ALTER TABLE "ReportRevision" ADD COLUMN "searchTsv" tsvector GENERATED ALWAYS AS (
  CASE WHEN state = 'PUBLISHED'::"RevisionState"
    THEN "nianbao_search_tsv"(s1_overall, s2_active, s3_requests, "s4_reviewLitigation", s5_problems, s6_other)
  END
) STORED;

-- CreateIndex
CREATE INDEX "ReportRevision_searchTsv_idx" ON "ReportRevision" USING GIN ("searchTsv");
