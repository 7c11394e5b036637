import "server-only";
// Queries of the open data API (/api/v1). Only published reports and their published revisions leave this file:
// every report query filters on publishedRevisionId, every revision on state PUBLISHED. Lists are keyset pages
// (WHERE key > cursor ORDER BY key LIMIT n + 1): cost does not grow with the page number, and rows added while a
// client pages through cannot shift what it has not read yet. Results are shaped as the API sends them
// (lib/api/schemas.ts).
import { Prisma } from "@/lib/generated/prisma/client";
import type { FormatVersion } from "@/lib/format";
import { isKnownCellKey, moneyUnitsOf, sortCellKeys } from "@/lib/api/cell-keys";
import { pageOf } from "@/lib/api/cursor";
import { notFound } from "@/lib/api/errors";
import type { agenciesQuery, cellsQuery, regionsQuery, reportsQuery } from "@/lib/api/endpoints";
import type {
  AgencyBody,
  AgencyListBody,
  CellsListBody,
  RegionBody,
  RegionListBody,
  ReportBody,
  ReportCellsBody,
  ReportListBody,
} from "@/lib/api/schemas";
import type { z } from "zod";
import { db } from "../client";
import { regionRange } from "./region-scope";

type CellValues = Record<string, number | null>;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const version = (v: string) => v as FormatVersion;

interface CellRow {
  revisionId: number;
  key: string;
  /** numeric(20,4) as text: Number() of it is exact for every value the format allows (counts ≤ 1e12, money with at
   *  most 15 significant digits). Read as text, not through Prisma's Decimal: half the time on 100,000 cells. */
  value: string | null;
}

async function readCells(revisionIds: number[], keys: string[] | undefined): Promise<CellRow[]> {
  if (revisionIds.length === 0) return [];
  return db().$queryRaw<CellRow[]>`
    SELECT "revisionId", key, value::text AS value FROM "Cell"
    WHERE "revisionId" = ANY(${revisionIds}) ${keys ? Prisma.sql`AND key = ANY(${keys})` : Prisma.empty}`;
}

// ---- regions ----

const regionSelect = { code: true, name: true, level: true, parentCode: true } as const;
const regionOut = (r: { code: string; name: string; level: number; parentCode: string | null }) => ({
  code: r.code,
  name: r.name,
  level: r.level,
  parent_code: r.parentCode,
});

export async function listRegions(p: z.output<typeof regionsQuery>): Promise<RegionListBody> {
  const where: Prisma.RegionWhereInput = p.parent !== undefined ? { parentCode: p.parent } : { level: p.level ?? 1 };
  if (p.cursor !== undefined) where.code = { gt: p.cursor };
  const rows = await db().region.findMany({ where, orderBy: { code: "asc" }, take: p.limit + 1, select: regionSelect });
  return pageOf(rows.map(regionOut), p.limit, "regions", (r) => r.code);
}

export async function getRegion(code: string): Promise<RegionBody> {
  // Codes are hierarchical by prefix: the ancestors of 220802 are 22 and 2208.
  const prefixes = [2, 4, 6].filter((n) => n < code.length).map((n) => code.slice(0, n));
  const rows = await db().region.findMany({ where: { code: { in: [...prefixes, code] } }, select: regionSelect });
  const region = rows.find((r) => r.code === code);
  if (!region) throw notFound(`没有代码为 ${code} 的地区`);
  const ancestors = prefixes.flatMap((prefix) => rows.filter((r) => r.code === prefix)).map(regionOut);
  return { data: { ...regionOut(region), ancestors } };
}

// ---- agencies ----

export async function listAgencies(p: z.output<typeof agenciesQuery>): Promise<AgencyListBody> {
  const where: Prisma.AgencyWhereInput = {};
  if (p.region !== undefined) where.regionCode = regionRange(p.region);
  if (p.kind !== undefined) where.kind = p.kind;
  if (p.q) {
    // As the search page does: Latin letters may be pinyin initials ("tbq" → 洮北区), anything else is part of the name.
    where.OR = /^[a-z]+$/i.test(p.q)
      ? [{ initials: { contains: p.q.toLowerCase() } }, { name: { contains: p.q, mode: "insensitive" } }]
      : [{ name: { contains: p.q } }];
  }
  if (p.cursor !== undefined) where.id = { gt: p.cursor };
  const rows = await db().agency.findMany({
    where,
    orderBy: { id: "asc" },
    take: p.limit + 1,
    select: { id: true, name: true, kind: true, regionCode: true, parentId: true },
  });
  return pageOf(
    rows.map((a) => ({ id: a.id, name: a.name, kind: a.kind, region_code: a.regionCode, parent_id: a.parentId })),
    p.limit,
    "agencies",
    (a) => a.id,
  );
}

export async function getAgency(id: number): Promise<AgencyBody> {
  const a = await db().agency.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      kind: true,
      regionCode: true,
      parentId: true,
      region: { select: { name: true } },
      parent: { select: { id: true, name: true } },
      // One report per agency and year: at most a few dozen rows.
      reports: {
        where: { publishedRevisionId: { not: null } },
        orderBy: { year: "desc" },
        select: { id: true, year: true, formatVersion: true, scope: true, firstPublishedAt: true, publishedRevision: { select: { number: true } } },
      },
    },
  });
  if (!a) throw notFound(`没有 id 为 ${id} 的机关`);
  return {
    data: {
      id: a.id,
      name: a.name,
      kind: a.kind,
      region_code: a.regionCode,
      parent_id: a.parentId,
      region_name: a.region.name,
      parent: a.parent,
      reports: a.reports.map((r) => ({
        id: r.id,
        year: r.year,
        format_version: version(r.formatVersion),
        scope: r.scope,
        published_at: iso(r.firstPublishedAt),
        revision: r.publishedRevision?.number ?? 1,
      })),
    },
  };
}

// ---- reports ----

type ReportFilters = Pick<z.output<typeof reportsQuery>, "region" | "year" | "kind" | "format" | "scope" | "agency">;

function publishedReportsWhere(p: ReportFilters, after: number | undefined): Prisma.ReportWhereInput {
  const where: Prisma.ReportWhereInput = { publishedRevisionId: { not: null } };
  if (p.year !== undefined) where.year = p.year;
  if (p.format !== undefined) where.formatVersion = p.format;
  if (p.scope !== undefined) where.scope = p.scope;
  if (p.agency !== undefined) where.agencyId = p.agency;
  if (p.region !== undefined || p.kind !== undefined) {
    where.agency = {
      ...(p.region !== undefined ? { regionCode: regionRange(p.region) } : {}),
      ...(p.kind !== undefined ? { kind: p.kind } : {}),
    };
  }
  if (after !== undefined) where.id = { gt: after };
  return where;
}

const agencyRefSelect = { select: { id: true, name: true, kind: true, regionCode: true } } as const;
const agencyRef = (a: { id: number; name: string; kind: AgencyBody["data"]["kind"]; regionCode: string }) => ({
  id: a.id,
  name: a.name,
  kind: a.kind,
  region_code: a.regionCode,
});

export async function listReports(p: z.output<typeof reportsQuery>): Promise<ReportListBody> {
  const rows = await db().report.findMany({
    where: publishedReportsWhere(p, p.cursor),
    orderBy: { id: "asc" },
    take: p.limit + 1,
    select: {
      id: true,
      year: true,
      formatVersion: true,
      scope: true,
      firstPublishedAt: true,
      agency: agencyRefSelect,
      publishedRevision: { select: { number: true, publishedAt: true } },
    },
  });
  return pageOf(
    rows.map((r) => ({
      id: r.id,
      agency: agencyRef(r.agency),
      year: r.year,
      format_version: version(r.formatVersion),
      scope: r.scope,
      published_at: iso(r.firstPublishedAt),
      revision: r.publishedRevision?.number ?? 1,
      revision_published_at: iso(r.publishedRevision?.publishedAt),
    })),
    p.limit,
    "reports",
    (r) => r.id,
  );
}

/** A published report and the published revision asked for (the latest without `rev`), or a 404. */
async function findPublished(id: number, rev: number | undefined) {
  const report = await db().report.findUnique({
    where: { id },
    select: {
      id: true,
      year: true,
      formatVersion: true,
      scope: true,
      firstPublishedAt: true,
      publishedRevisionId: true,
      agency: agencyRefSelect,
      revisions: { where: { state: "PUBLISHED" }, orderBy: { number: "desc" }, select: { id: true, number: true, reason: true, publishedAt: true } },
    },
  });
  if (!report || report.publishedRevisionId === null) throw notFound(`没有 id 为 ${id} 的已发布报告`);
  const revision =
    rev === undefined ? report.revisions.find((r) => r.id === report.publishedRevisionId) : report.revisions.find((r) => r.number === rev);
  if (!revision) throw notFound(rev === undefined ? `没有 id 为 ${id} 的已发布报告` : `报告 ${id} 没有已发布的第 ${rev} 版`);
  return { report, revision };
}

/**
 * Cells of one revision in the format's official order. Without `keys`, every stored cell; with `keys`, those the
 * format has (blank or never stored → null) — a key of the other format is left out, not reported as blank.
 */
function cellValues(v: FormatVersion, rows: CellRow[], keys: string[] | undefined): CellValues {
  const stored = new Map(rows.map((r) => [r.key, r.value === null ? null : Number(r.value)]));
  const wanted = keys ? keys.filter((k) => isKnownCellKey(k, v)) : [...stored.keys()];
  const out: CellValues = {};
  for (const k of sortCellKeys(wanted, v)) out[k] = stored.get(k) ?? null;
  return out;
}

async function revisionCells(revisionId: number, v: FormatVersion, keys: string[] | undefined): Promise<CellValues> {
  return cellValues(v, await readCells([revisionId], keys), keys);
}

export async function getReport(id: number, rev: number | undefined): Promise<ReportBody> {
  const { report, revision } = await findPublished(id, rev);
  const v = version(report.formatVersion);
  const [sections, cells] = await Promise.all([
    db().reportRevision.findUniqueOrThrow({
      where: { id: revision.id },
      select: { s1_overall: true, s2_active: true, s3_requests: true, s4_reviewLitigation: true, s5_problems: true, s6_other: true },
    }),
    revisionCells(revision.id, v, undefined),
  ]);
  return {
    data: {
      id: report.id,
      agency: agencyRef(report.agency),
      year: report.year,
      format_version: v,
      scope: report.scope,
      published_at: iso(report.firstPublishedAt),
      revision: revision.number,
      revision_published_at: iso(revision.publishedAt),
      is_latest: revision.id === report.publishedRevisionId,
      revision_reason: revision.reason,
      sections,
      cells,
      units: moneyUnitsOf(Object.keys(cells)),
      revisions: report.revisions.map((r) => ({ number: r.number, published_at: iso(r.publishedAt), reason: r.reason })),
    },
  };
}

export async function getReportCells(id: number, rev: number | undefined, keys: string[] | undefined): Promise<ReportCellsBody> {
  const { report, revision } = await findPublished(id, rev);
  const v = version(report.formatVersion);
  const cells = await revisionCells(revision.id, v, keys);
  return { data: { id: report.id, year: report.year, format_version: v, revision: revision.number, cells, units: moneyUnitsOf(Object.keys(cells)) } };
}

/** One row per published report (its latest revision) with the requested cells: at most limit × ~200 cell rows. */
export async function listCells(p: z.output<typeof cellsQuery>): Promise<CellsListBody> {
  const reports = await db().report.findMany({
    where: publishedReportsWhere(p, p.cursor),
    orderBy: { id: "asc" },
    take: p.limit + 1,
    select: {
      id: true,
      year: true,
      formatVersion: true,
      scope: true,
      agency: agencyRefSelect,
      publishedRevisionId: true,
      publishedRevision: { select: { number: true } },
    },
  });
  const { data: page, next_cursor } = pageOf(reports, p.limit, "cells", (r) => r.id);
  const revisionIds = page.map((r) => r.publishedRevisionId).filter((id): id is number => id !== null);
  const cellRows = await readCells(revisionIds, p.keys);
  const byRevision = new Map<number, CellRow[]>();
  for (const c of cellRows) {
    const list = byRevision.get(c.revisionId);
    if (list) list.push(c);
    else byRevision.set(c.revisionId, [c]);
  }
  const data = page.map((r) => {
    const v = version(r.formatVersion);
    return {
      report_id: r.id,
      agency: agencyRef(r.agency),
      year: r.year,
      format_version: v,
      scope: r.scope,
      revision: r.publishedRevision?.number ?? 1,
      cells: cellValues(v, (r.publishedRevisionId !== null && byRevision.get(r.publishedRevisionId)) || [], p.keys),
    };
  });
  return { data, next_cursor, units: moneyUnitsOf(new Set(data.flatMap((r) => Object.keys(r.cells)))) };
}
