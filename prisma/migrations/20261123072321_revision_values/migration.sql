-- Every cell of a revision as one JSON object {"key": number | null} (numbers keep their exact decimals in jsonb),
-- for reads that want a few cells of thousands of reports: the region comparison (lib/db/queries/compare.ts) reads
-- one row per report here instead of probing the Cell index once per report and key. Never written by the app:
-- statement triggers on Cell rebuild the object of each revision a statement touched (transition tables, so a bulk
-- load of 20,000 cells is one aggregate), in revision order so that concurrent saves lock rows in the same order.
-- Trigger functions keep the search_path of the migration (SET search_path FROM CURRENT), so a copy of the schema
-- elsewhere (the tests' private schemas) fills its own table.

-- CreateTable
CREATE TABLE "RevisionValues" (
    "revisionId" INTEGER NOT NULL,
    "cells" JSONB NOT NULL,

    CONSTRAINT "RevisionValues_pkey" PRIMARY KEY ("revisionId")
);

-- AddForeignKey
ALTER TABLE "RevisionValues" ADD CONSTRAINT "RevisionValues_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "ReportRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE FUNCTION "nianbao_revision_values"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $fn$
DECLARE
  revs integer[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    -- (not TRUNCATE: a TRUNCATE … CASCADE of the revisions is already emptying the table in this statement)
    DELETE FROM "RevisionValues";
    RETURN NULL;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."revisionId") INTO revs FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o."revisionId") INTO revs FROM old_rows o;
  ELSE
    SELECT array_agg(DISTINCT x.rev) INTO revs FROM (SELECT o."revisionId" AS rev FROM old_rows o UNION SELECT n."revisionId" FROM new_rows n) x;
  END IF;
  IF revs IS NULL THEN
    RETURN NULL;
  END IF;
  INSERT INTO "RevisionValues" ("revisionId", cells)
  SELECT c."revisionId", jsonb_object_agg(c.key, c.value)
  FROM "Cell" c
  WHERE c."revisionId" = ANY (revs)
  GROUP BY c."revisionId"
  ORDER BY c."revisionId"
  ON CONFLICT ("revisionId") DO UPDATE SET cells = EXCLUDED.cells;
  DELETE FROM "RevisionValues" v
  WHERE v."revisionId" = ANY (revs) AND NOT EXISTS (SELECT 1 FROM "Cell" c WHERE c."revisionId" = v."revisionId");
  RETURN NULL;
END
$fn$;

CREATE TRIGGER "Cell_values_insert" AFTER INSERT ON "Cell" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "nianbao_revision_values"();
CREATE TRIGGER "Cell_values_update" AFTER UPDATE ON "Cell" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "nianbao_revision_values"();
CREATE TRIGGER "Cell_values_delete" AFTER DELETE ON "Cell" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "nianbao_revision_values"();
CREATE TRIGGER "Cell_values_truncate" AFTER TRUNCATE ON "Cell"
  FOR EACH STATEMENT EXECUTE FUNCTION "nianbao_revision_values"();

-- lib/demo's bulk writer inserts cells with session_replication_role = replica (skipping the foreign-key trigger):
-- these must fire all the same.
ALTER TABLE "Cell" ENABLE ALWAYS TRIGGER "Cell_values_insert";
ALTER TABLE "Cell" ENABLE ALWAYS TRIGGER "Cell_values_update";
ALTER TABLE "Cell" ENABLE ALWAYS TRIGGER "Cell_values_delete";
ALTER TABLE "Cell" ENABLE ALWAYS TRIGGER "Cell_values_truncate";

-- The cells already there.
INSERT INTO "RevisionValues" ("revisionId", cells)
SELECT "revisionId", jsonb_object_agg(key, value) FROM "Cell" GROUP BY "revisionId";
