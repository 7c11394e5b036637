import "server-only";
import { db } from "../client";
import { childCodeLength, regionRange } from "./region-scope";

// Everything here returns only what the public may see: published revisions. Drafts, submitted and returned
// reports never leave these functions.

export async function getRegionWithAncestors(code: string) {
  const prefixes = [2, 4, 6].filter((n) => n < code.length).map((n) => code.slice(0, n));
  const rows = await db().region.findMany({ where: { code: { in: [...prefixes, code] } } });
  const region = rows.find((r) => r.code === code);
  if (!region) return null;
  const ancestors = prefixes.map((p) => rows.find((r) => r.code === p)).filter((r): r is NonNullable<typeof r> => !!r);
  return { region, ancestors };
}

export interface ChildRegionRow {
  code: string;
  name: string;
  agencies: number;
  published: number;
}

/** The regions one level below `parent` (null = provinces) with how many agencies and published reports each holds. */
export async function listChildRegions(parent: { code: string; level: number } | null): Promise<ChildRegionRow[]> {
  const children = await db().region.findMany({
    where: parent ? { parentCode: parent.code } : { level: 1 },
    orderBy: { code: "asc" },
    select: { code: true, name: true },
  });
  if (children.length === 0) return [];
  const len = childCodeLength(parent ? parent.level : 0);
  const range = parent ? regionRange(parent.code) : { gte: "00", lte: "999999999999" };
  const counts = await db().$queryRaw<{ code: string; agencies: bigint | number; published: bigint | number }[]>`
    SELECT left(a."regionCode", ${len}) AS code,
           count(DISTINCT a.id) AS agencies,
           count(r.id) FILTER (WHERE r."publishedRevisionId" IS NOT NULL) AS published
    FROM "Agency" a LEFT JOIN "Report" r ON r."agencyId" = a.id
    WHERE a."regionCode" >= ${range.gte} AND a."regionCode" <= ${range.lte} AND length(a."regionCode") >= ${len}
    GROUP BY 1`;
  const byCode = new Map(counts.map((c) => [c.code, c]));
  return children.map((c) => ({
    ...c,
    agencies: Number(byCode.get(c.code)?.agencies ?? 0),
    published: Number(byCode.get(c.code)?.published ?? 0),
  }));
}

/**
 * Published reports per year for every agency in the region and below, and how many were published by their
 * deadline (lib/deadlines.ts, here in SQL: the end of the deadline day in Shanghai is the next day's 00:00 minus 8
 * hours in the UTC the timestamps are stored in).
 */
export async function publishedPerYear(code: string): Promise<{ year: number; published: number; onTime: number }[]> {
  const range = regionRange(code);
  const rows = await db().$queryRaw<{ year: number; published: bigint | number; on_time: bigint | number }[]>`
    SELECT r.year, count(*) AS published,
           count(*) FILTER (WHERE r."firstPublishedAt" < (
             CASE
               WHEN a.kind = 'GOVERNMENT' THEN make_date(r.year + 1, 3, 31) + 1
               WHEN a.kind <> 'DEPARTMENT' AND o.deadline IS NOT NULL THEN NULL
               ELSE make_date(r.year + 1, 1, 31) + 1
             END)::timestamp - interval '8 hours'
             OR (a.kind NOT IN ('GOVERNMENT', 'DEPARTMENT') AND r."firstPublishedAt" <= o.deadline)) AS on_time
    FROM "Report" r
    JOIN "Agency" a ON a.id = r."agencyId"
    LEFT JOIN LATERAL (
      SELECT d.deadline FROM "DeadlineOverride" d
      WHERE d.year = r.year AND a."regionCode" LIKE d."regionCode" || '%'
      ORDER BY length(d."regionCode") DESC LIMIT 1
    ) o ON true
    WHERE a."regionCode" >= ${range.gte} AND a."regionCode" <= ${range.lte} AND r."publishedRevisionId" IS NOT NULL
    GROUP BY r.year ORDER BY r.year DESC`;
  return rows.map((r) => ({ year: Number(r.year), published: Number(r.published), onTime: Number(r.on_time) }));
}

/** Agencies seated in exactly this region (its government, departments, or a township's government). */
export async function listRegionAgencies(code: string) {
  const agencies = await db().agency.findMany({
    where: { regionCode: code },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      kind: true,
      reports: {
        where: { publishedRevisionId: { not: null } },
        select: { id: true, year: true },
        orderBy: { year: "desc" },
      },
    },
  });
  return agencies;
}

export async function getAgencyPublic(id: number) {
  return db().agency.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      kind: true,
      regionCode: true,
      parent: { select: { id: true, name: true } },
      children: { select: { id: true, name: true, kind: true }, orderBy: { name: "asc" } },
      reports: {
        orderBy: { year: "desc" },
        select: {
          id: true,
          year: true,
          scope: true,
          formatVersion: true,
          firstPublishedAt: true,
          publishedRevision: { select: { number: true, publishedAt: true } },
        },
      },
    },
  });
}

/** A published report with one of its published revisions (the latest unless `revisionNumber` is given). */
export async function getPublishedReport(id: number, revisionNumber?: number) {
  const report = await db().report.findUnique({
    where: { id },
    select: {
      id: true,
      year: true,
      scope: true,
      formatVersion: true,
      firstPublishedAt: true,
      publishedRevisionId: true,
      agency: {
        select: { id: true, name: true, kind: true, regionCode: true, parent: { select: { id: true, name: true } } },
      },
      revisions: {
        where: { state: "PUBLISHED" },
        orderBy: { number: "desc" },
        select: { id: true, number: true, reason: true, publishedAt: true },
      },
    },
  });
  if (!report || report.publishedRevisionId === null || report.revisions.length === 0) return null;
  const chosen =
    revisionNumber === undefined ? report.revisions.find((r) => r.id === report.publishedRevisionId) : report.revisions.find((r) => r.number === revisionNumber);
  if (!chosen) return null;
  const revision = await db().reportRevision.findUniqueOrThrow({
    where: { id: chosen.id },
    select: {
      id: true,
      number: true,
      reason: true,
      publishedAt: true,
      s1_overall: true,
      s2_active: true,
      s3_requests: true,
      s4_reviewLitigation: true,
      s5_problems: true,
      s6_other: true,
    },
  });
  return { report, revision, isLatest: chosen.id === report.publishedRevisionId };
}

export type PublishedReport = NonNullable<Awaited<ReturnType<typeof getPublishedReport>>>;
