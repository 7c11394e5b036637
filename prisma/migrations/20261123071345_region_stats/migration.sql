-- Region statistics for the public region pages (lib/db/queries/public.ts listChildRegions, publishedPerYear):
-- how many agencies and published reports a region holds, itself and everything under it, and per report year how
-- many were published and how many by their deadline. Counting them at each page view costs time proportional to the
-- reports below the region (all of them for the list of provinces); these two tables make it a few rows.
--
-- A row exists per code prefix of an agency's region code (2, 4, 6 and 9 digits, and the code itself), the same
-- "region and everything under it" as lib/db/queries/region-scope.ts. The rows are never written by the app: statement
-- triggers on Agency, Report and DeadlineOverride add what each statement changed (transition tables, so a bulk load
-- of thousands of rows is one aggregate). Counter rows are updated in code order, so concurrent publications wait
-- for each other instead of deadlocking. TRUNCATE (lib/demo resetDemoData) empties them. Trigger functions keep the
-- search_path of the migration (SET search_path FROM CURRENT), so a copy of the schema elsewhere (the tests' private
-- schemas) counts into its own tables.

-- CreateTable
CREATE TABLE "RegionStat" (
    "code" TEXT NOT NULL,
    "agencies" INTEGER NOT NULL DEFAULT 0,
    "published" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RegionStat_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "RegionYearStat" (
    "code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "published" INTEGER NOT NULL DEFAULT 0,
    "onTime" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RegionYearStat_pkey" PRIMARY KEY ("code","year")
);

-- The codes a region code counts under: its prefixes of 2, 4, 6 and 9 characters, and itself.
CREATE FUNCTION "nianbao_code_prefixes"(code text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT DISTINCT left(code, l) FROM unnest(ARRAY[2, 4, 6, 9, length(code)]) AS l WHERE l <= length(code)
$fn$;

-- lib/deadlines.ts in SQL: a deadline is the end of its day in Shanghai (the next day's 00:00 minus 8 hours in the
-- UTC the timestamps are stored in); a government publishes by 31 March, everyone else by 31 January, except that an
-- administrator's deadline for the region and year (the longest matching region code) applies to townships, street
-- offices and others.
CREATE FUNCTION "nianbao_on_time"(kind "AgencyKind", region text, report_year integer, first_published timestamp(3)) RETURNS boolean
LANGUAGE sql STABLE AS $fn$
  SELECT CASE
    WHEN first_published IS NULL THEN false
    WHEN kind = 'GOVERNMENT' THEN first_published < (make_date(report_year + 1, 3, 31) + 1)::timestamp - interval '8 hours'
    WHEN kind = 'DEPARTMENT' THEN first_published < (make_date(report_year + 1, 1, 31) + 1)::timestamp - interval '8 hours'
    ELSE coalesce(
      first_published <= (
        SELECT d.deadline FROM "DeadlineOverride" d
        WHERE d.year = report_year AND region LIKE d."regionCode" || '%'
        ORDER BY length(d."regionCode") DESC LIMIT 1),
      first_published < (make_date(report_year + 1, 1, 31) + 1)::timestamp - interval '8 hours')
  END
$fn$;

-- Adds signed counts of published reports (+1 a report that now counts, -1 one that no longer does, with the agency
-- region and kind it counts under) to every prefix of the region.
CREATE FUNCTION "nianbao_add_report_stats"(regions text[], kinds "AgencyKind"[], years integer[], firsts timestamp(3)[], signs integer[]) RETURNS void
LANGUAGE plpgsql SET search_path FROM CURRENT AS $fn$
BEGIN
  INSERT INTO "RegionYearStat" AS s ("code", "year", "published", "onTime")
  SELECT d.code, d.y, sum(d.sign)::integer, sum(CASE WHEN d.on_time THEN d.sign ELSE 0 END)::integer
  FROM (
    SELECT p.code, u.y, u.sign, "nianbao_on_time"(u.kind, u.region, u.y, u.first) AS on_time
    FROM unnest(regions, kinds, years, firsts, signs) AS u(region, kind, y, first, sign)
    CROSS JOIN LATERAL "nianbao_code_prefixes"(u.region) AS p(code)
  ) d
  GROUP BY d.code, d.y
  HAVING sum(d.sign) <> 0 OR sum(CASE WHEN d.on_time THEN d.sign ELSE 0 END) <> 0
  ORDER BY d.code, d.y
  ON CONFLICT ("code", "year") DO UPDATE
    SET "published" = s."published" + EXCLUDED."published", "onTime" = s."onTime" + EXCLUDED."onTime";

  INSERT INTO "RegionStat" AS s ("code", "published")
  SELECT p.code, sum(u.sign)::integer
  FROM unnest(regions, signs) AS u(region, sign)
  CROSS JOIN LATERAL "nianbao_code_prefixes"(u.region) AS p(code)
  GROUP BY p.code
  HAVING sum(u.sign) <> 0
  ORDER BY p.code
  ON CONFLICT ("code") DO UPDATE SET "published" = s."published" + EXCLUDED."published";
END
$fn$;

-- Adds signed agency counts to every prefix of their regions.
CREATE FUNCTION "nianbao_add_agency_stats"(regions text[], signs integer[]) RETURNS void
LANGUAGE sql SET search_path FROM CURRENT AS $fn$
  INSERT INTO "RegionStat" AS s ("code", "agencies")
  SELECT p.code, sum(u.sign)::integer
  FROM unnest(regions, signs) AS u(region, sign)
  CROSS JOIN LATERAL "nianbao_code_prefixes"(u.region) AS p(code)
  GROUP BY p.code
  HAVING sum(u.sign) <> 0
  ORDER BY p.code
  ON CONFLICT ("code") DO UPDATE SET "agencies" = s."agencies" + EXCLUDED."agencies"
$fn$;

-- Report rows inserted, deleted or updated: what stopped counting and what started (a changed pointer, first
-- publication date, year or agency). Updates that touch none of these (status, timestamps) add nothing.
CREATE FUNCTION "nianbao_report_stats"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "nianbao_add_report_stats"(array_agg(a."regionCode"), array_agg(a.kind), array_agg(n.year), array_agg(n."firstPublishedAt"), array_agg(1))
    FROM new_rows n JOIN "Agency" a ON a.id = n."agencyId"
    WHERE n."publishedRevisionId" IS NOT NULL
    HAVING count(*) > 0;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "nianbao_add_report_stats"(array_agg(a."regionCode"), array_agg(a.kind), array_agg(o.year), array_agg(o."firstPublishedAt"), array_agg(-1))
    FROM old_rows o JOIN "Agency" a ON a.id = o."agencyId"
    WHERE o."publishedRevisionId" IS NOT NULL
    HAVING count(*) > 0;
  ELSE
    PERFORM "nianbao_add_report_stats"(array_agg(a."regionCode"), array_agg(a.kind), array_agg(c.year), array_agg(c.first), array_agg(c.sign))
    FROM (
      SELECT o."agencyId", o.year, o."firstPublishedAt" AS first, -1 AS sign, (o."publishedRevisionId" IS NOT NULL) AS counted
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o."publishedRevisionId" IS NULL, o."agencyId", o.year, o."firstPublishedAt")
            IS DISTINCT FROM (n."publishedRevisionId" IS NULL, n."agencyId", n.year, n."firstPublishedAt")
      UNION ALL
      SELECT n."agencyId", n.year, n."firstPublishedAt", 1, (n."publishedRevisionId" IS NOT NULL)
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o."publishedRevisionId" IS NULL, o."agencyId", o.year, o."firstPublishedAt")
            IS DISTINCT FROM (n."publishedRevisionId" IS NULL, n."agencyId", n.year, n."firstPublishedAt")
    ) c JOIN "Agency" a ON a.id = c."agencyId"
    WHERE c.counted
    HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END
$fn$;

-- Agencies inserted, deleted, moved to another region or changed in kind (which decides their reports' deadlines).
CREATE FUNCTION "nianbao_agency_stats"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "nianbao_add_agency_stats"(array_agg(n."regionCode"), array_agg(1)) FROM new_rows n HAVING count(*) > 0;
  ELSIF TG_OP = 'DELETE' THEN
    -- (an agency with reports cannot be deleted: Report.agencyId restricts it)
    PERFORM "nianbao_add_agency_stats"(array_agg(o."regionCode"), array_agg(-1)) FROM old_rows o HAVING count(*) > 0;
  ELSE
    PERFORM "nianbao_add_agency_stats"(array_agg(c.region), array_agg(c.sign))
    FROM (
      SELECT o."regionCode" AS region, -1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o."regionCode" <> n."regionCode"
      UNION ALL
      SELECT n."regionCode", 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o."regionCode" <> n."regionCode"
    ) c
    HAVING count(*) > 0;
    PERFORM "nianbao_add_report_stats"(array_agg(c.region), array_agg(c.kind), array_agg(r.year), array_agg(r."firstPublishedAt"), array_agg(c.sign))
    FROM (
      SELECT o.id, o."regionCode" AS region, o.kind, -1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o."regionCode", o.kind) IS DISTINCT FROM (n."regionCode", n.kind)
      UNION ALL
      SELECT n.id, n."regionCode", n.kind, 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o."regionCode", o.kind) IS DISTINCT FROM (n."regionCode", n.kind)
    ) c JOIN "Report" r ON r."agencyId" = c.id AND r."publishedRevisionId" IS NOT NULL
    HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END
$fn$;

-- An administrator's deadline changed: recount the on-time publications of the years concerned.
CREATE FUNCTION "nianbao_deadline_stats"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $fn$
DECLARE
  years integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n.year) INTO years FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o.year) INTO years FROM old_rows o;
  ELSE
    SELECT array_agg(DISTINCT y.year) INTO years FROM (SELECT o.year FROM old_rows o UNION SELECT n.year FROM new_rows n) y;
  END IF;
  IF years IS NULL THEN
    RETURN NULL;
  END IF;
  UPDATE "RegionYearStat" AS s SET "onTime" = coalesce(t.on_time, 0)
  FROM "RegionYearStat" AS k
  LEFT JOIN (
    SELECT p.code, r.year, count(*) FILTER (WHERE "nianbao_on_time"(a.kind, a."regionCode", r.year, r."firstPublishedAt"))::integer AS on_time
    FROM "Report" r JOIN "Agency" a ON a.id = r."agencyId"
    CROSS JOIN LATERAL "nianbao_code_prefixes"(a."regionCode") AS p(code)
    WHERE r."publishedRevisionId" IS NOT NULL AND r.year = ANY (years)
    GROUP BY p.code, r.year
  ) t ON t.code = k.code AND t.year = k.year
  WHERE s.code = k.code AND s.year = k.year AND k.year = ANY (years) AND s."onTime" IS DISTINCT FROM coalesce(t.on_time, 0);
  RETURN NULL;
END
$fn$;

-- TRUNCATE of reports (or of agencies, which cascades to them) empties what they counted.
CREATE FUNCTION "nianbao_truncate_stats"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $fn$
BEGIN
  IF TG_TABLE_NAME = 'Agency' THEN
    TRUNCATE "RegionStat", "RegionYearStat";
  ELSE
    TRUNCATE "RegionYearStat";
    UPDATE "RegionStat" SET "published" = 0 WHERE "published" <> 0;
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER "Report_stats_insert" AFTER INSERT ON "Report" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "nianbao_report_stats"();
CREATE TRIGGER "Report_stats_update" AFTER UPDATE ON "Report" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "nianbao_report_stats"();
CREATE TRIGGER "Report_stats_delete" AFTER DELETE ON "Report" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "nianbao_report_stats"();
CREATE TRIGGER "Report_stats_truncate" AFTER TRUNCATE ON "Report"
  FOR EACH STATEMENT EXECUTE FUNCTION "nianbao_truncate_stats"();
CREATE TRIGGER "Agency_stats_insert" AFTER INSERT ON "Agency" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "nianbao_agency_stats"();
CREATE TRIGGER "Agency_stats_update" AFTER UPDATE ON "Agency" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "nianbao_agency_stats"();
CREATE TRIGGER "Agency_stats_delete" AFTER DELETE ON "Agency" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "nianbao_agency_stats"();
CREATE TRIGGER "Agency_stats_truncate" AFTER TRUNCATE ON "Agency"
  FOR EACH STATEMENT EXECUTE FUNCTION "nianbao_truncate_stats"();
CREATE TRIGGER "DeadlineOverride_stats_insert" AFTER INSERT ON "DeadlineOverride" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "nianbao_deadline_stats"();
CREATE TRIGGER "DeadlineOverride_stats_update" AFTER UPDATE ON "DeadlineOverride" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "nianbao_deadline_stats"();
CREATE TRIGGER "DeadlineOverride_stats_delete" AFTER DELETE ON "DeadlineOverride" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "nianbao_deadline_stats"();

-- What the database already holds.
SELECT "nianbao_add_agency_stats"(array_agg(a."regionCode"), array_agg(1)) FROM "Agency" a HAVING count(*) > 0;
SELECT "nianbao_add_report_stats"(array_agg(a."regionCode"), array_agg(a.kind), array_agg(r.year), array_agg(r."firstPublishedAt"), array_agg(1))
FROM "Report" r JOIN "Agency" a ON a.id = r."agencyId"
WHERE r."publishedRevisionId" IS NOT NULL
HAVING count(*) > 0;
