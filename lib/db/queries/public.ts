import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AgencyKind, ReportScope } from "@/lib/generated/prisma/enums";
import { cache } from "react";
import { db } from "../client";

// Everything here returns only what the public may see: published revisions. Drafts, submitted and returned
// reports never leave these functions.
//
// The loaders a page calls from both generateMetadata and its body are wrapped in React's cache(), which shares one
// result per request (outside a request, in scripts and tests, it calls straight through): every statement is a round
// trip, and on the embedded database round trips are most of a page's time.

export const getRegionWithAncestors = cache(async function getRegionWithAncestors(code: string) {
  const prefixes = [2, 4, 6].filter((n) => n < code.length).map((n) => code.slice(0, n));
  const rows = await db().region.findMany({ where: { code: { in: [...prefixes, code] } } });
  const region = rows.find((r) => r.code === code);
  if (!region) return null;
  const ancestors = prefixes.map((p) => rows.find((r) => r.code === p)).filter((r): r is NonNullable<typeof r> => !!r);
  return { region, ancestors };
});

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

interface AgencyPublicRow {
  id: number;
  name: string;
  kind: AgencyKind;
  regionCode: string;
  parentId: number | null;
  parentName: string | null;
  children: { id: number; name: string; kind: AgencyKind }[];
  /** json_agg: times are ISO strings without a zone (UTC) */
  reports: {
    id: number;
    year: number;
    scope: ReportScope;
    formatVersion: string;
    firstPublishedAt: string | null;
    publishedRevision: { number: number; publishedAt: string | null } | null;
  }[];
}

const utc = (t: string | null) => (t === null ? null : new Date(`${t}Z`));

/** An agency with its parent, the agencies under it (by name) and its reports (newest year first), in one statement. */
export const getAgencyPublic = cache(async function getAgencyPublic(id: number) {
  const rows = await db().$queryRaw<AgencyPublicRow[]>`
    SELECT a.id, a.name, a.kind::text AS kind, a."regionCode", p.id AS "parentId", p.name AS "parentName",
           coalesce((SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'kind', c.kind) ORDER BY c.name)
                     FROM "Agency" c WHERE c."parentId" = a.id), '[]'::json) AS children,
           coalesce((SELECT json_agg(json_build_object(
                              'id', r.id, 'year', r.year, 'scope', r.scope, 'formatVersion', r."formatVersion",
                              'firstPublishedAt', r."firstPublishedAt",
                              'publishedRevision', CASE WHEN v.id IS NULL THEN NULL ELSE json_build_object('number', v.number, 'publishedAt', v."publishedAt") END)
                            ORDER BY r.year DESC)
                     FROM "Report" r LEFT JOIN "ReportRevision" v ON v.id = r."publishedRevisionId"
                     WHERE r."agencyId" = a.id), '[]'::json) AS reports
    FROM "Agency" a LEFT JOIN "Agency" p ON p.id = a."parentId"
    WHERE a.id = ${id}`;
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    regionCode: row.regionCode,
    parent: row.parentId === null ? null : { id: row.parentId, name: row.parentName! },
    children: row.children,
    reports: row.reports.map((r) => ({
      ...r,
      firstPublishedAt: utc(r.firstPublishedAt),
      publishedRevision: r.publishedRevision && { number: r.publishedRevision.number, publishedAt: utc(r.publishedRevision.publishedAt) },
    })),
  };
});

interface PublishedReportRow {
  id: number;
  year: number;
  scope: ReportScope;
  formatVersion: string;
  firstPublishedAt: Date | null;
  publishedRevisionId: number | null;
  agencyId: number;
  agencyName: string;
  agencyKind: AgencyKind;
  regionCode: string;
  parentId: number | null;
  parentName: string | null;
  /** the report's published revisions, newest first: json_agg, so times are ISO strings without a zone (UTC) */
  revisions: { id: number; number: number; reason: string | null; publishedAt: string | null }[];
  revisionId: number | null;
  revisionNumber: number | null;
  revisionReason: string | null;
  revisionPublishedAt: Date | null;
  s1_overall: string;
  s2_active: string;
  s3_requests: string;
  s4_reviewLitigation: string;
  s5_problems: string;
  s6_other: string;
}

/**
 * A published report with one of its published revisions (the latest unless `revisionNumber` is given), in one
 * statement: every statement costs a round trip, which on the embedded database is most of the page's time
 * (docs/performance.md).
 */
export const getPublishedReport = cache(async function getPublishedReport(id: number, revisionNumber?: number) {
  const rows = await db().$queryRaw<PublishedReportRow[]>`
    SELECT r.id, r.year, r.scope::text AS scope, r."formatVersion", r."firstPublishedAt", r."publishedRevisionId",
           a.id AS "agencyId", a.name AS "agencyName", a.kind::text AS "agencyKind", a."regionCode",
           p.id AS "parentId", p.name AS "parentName",
           coalesce((SELECT json_agg(json_build_object('id', v.id, 'number', v.number, 'reason', v.reason, 'publishedAt', v."publishedAt")
                                     ORDER BY v.number DESC)
                     FROM "ReportRevision" v WHERE v."reportId" = r.id AND v.state = 'PUBLISHED'), '[]'::json) AS revisions,
           c.id AS "revisionId", c.number AS "revisionNumber", c.reason AS "revisionReason", c."publishedAt" AS "revisionPublishedAt",
           c.s1_overall, c.s2_active, c.s3_requests, c."s4_reviewLitigation", c.s5_problems, c.s6_other
    FROM "Report" r
    JOIN "Agency" a ON a.id = r."agencyId"
    LEFT JOIN "Agency" p ON p.id = a."parentId"
    LEFT JOIN "ReportRevision" c ON c."reportId" = r.id AND c.state = 'PUBLISHED'
      AND CASE WHEN ${revisionNumber ?? null}::int IS NULL THEN c.id = r."publishedRevisionId" ELSE c.number = ${revisionNumber ?? null}::int END
    WHERE r.id = ${id}`;
  const row = rows[0];
  if (!row || row.publishedRevisionId === null || row.revisions.length === 0 || row.revisionId === null) return null;
  const report = {
    id: row.id,
    year: row.year,
    scope: row.scope,
    formatVersion: row.formatVersion,
    firstPublishedAt: row.firstPublishedAt,
    publishedRevisionId: row.publishedRevisionId,
    agency: {
      id: row.agencyId,
      name: row.agencyName,
      kind: row.agencyKind,
      regionCode: row.regionCode,
      parent: row.parentId === null ? null : { id: row.parentId, name: row.parentName! },
    },
    revisions: row.revisions.map((v) => ({ id: v.id, number: v.number, reason: v.reason, publishedAt: utc(v.publishedAt) })),
  };
  const revision = {
    id: row.revisionId,
    number: row.revisionNumber!,
    reason: row.revisionReason,
    publishedAt: row.revisionPublishedAt,
    s1_overall: row.s1_overall,
    s2_active: row.s2_active,
    s3_requests: row.s3_requests,
    s4_reviewLitigation: row.s4_reviewLitigation,
    s5_problems: row.s5_problems,
    s6_other: row.s6_other,
  };
  return { report, revision, isLatest: row.revisionId === row.publishedRevisionId };
});

export type PublishedReport = NonNullable<Awaited<ReturnType<typeof getPublishedReport>>>;
