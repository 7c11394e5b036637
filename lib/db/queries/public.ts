import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "../client";

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

/**
 * The regions one level below `parent` (null = provinces) with how many agencies and published reports each holds,
 * itself and everything under it. The counts come from RegionStat, which triggers keep current (see the
 * *_region_stats migration), so the page reads one row per child however many reports lie below.
 */
export async function listChildRegions(parent: { code: string; level: number } | null): Promise<ChildRegionRow[]> {
  const rows = await db().$queryRaw<{ code: string; name: string; agencies: number; published: number }[]>`
    SELECT r.code, r.name, coalesce(s.agencies, 0)::int AS agencies, coalesce(s.published, 0)::int AS published
    FROM "Region" r LEFT JOIN "RegionStat" s ON s.code = r.code
    WHERE ${parent ? Prisma.sql`r."parentCode" = ${parent.code}` : Prisma.sql`r.level = 1`}
    ORDER BY r.code`;
  return rows.map((r) => ({ code: r.code, name: r.name, agencies: Number(r.agencies), published: Number(r.published) }));
}

/**
 * Published reports per year for every agency in the region and below, and how many were published by their
 * deadline (lib/deadlines.ts; in SQL as nianbao_on_time()), from RegionYearStat, kept by triggers like RegionStat.
 */
export async function publishedPerYear(code: string): Promise<{ year: number; published: number; onTime: number }[]> {
  const rows = await db().regionYearStat.findMany({
    where: { code, published: { gt: 0 } },
    orderBy: { year: "desc" },
    select: { year: true, published: true, onTime: true },
  });
  return rows;
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
