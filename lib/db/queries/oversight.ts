import "server-only";
// Filing status and roll-ups of a region and year: what supervisors (and, for published reports, the public) see.
import { allKeys, formatForYear, type CellMap, type FormatVersion } from "@/lib/format";
import { deadlineFor, isOnTime, type AgencyKindName } from "@/lib/deadlines";
import { db } from "../client";
import { regionRange } from "./region-scope";

export type FilingState = "NONE" | "DRAFT" | "SUBMITTED" | "RETURNED" | "PUBLISHED";

export interface FilingStatusRow {
  agencyId: number;
  agencyName: string;
  kind: AgencyKindName;
  regionCode: string;
  reportId: number | null;
  state: FilingState;
  submittedAt: Date | null;
  publishedAt: Date | null;
  deadline: Date;
  onTime: boolean;
  overdue: boolean;
}

/** Every agency in the region and below with its report of `year`, its deadline and whether it was met. */
export async function filingStatus(regionCode: string, year: number, now = new Date()): Promise<FilingStatusRow[]> {
  const range = regionRange(regionCode);
  const [agencies, overrides] = await Promise.all([
    db().agency.findMany({
      where: { regionCode: range },
      orderBy: [{ regionCode: "asc" }, { kind: "asc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        kind: true,
        regionCode: true,
        reports: {
          where: { year },
          select: { id: true, status: true, firstPublishedAt: true, revisions: { where: { number: 1 }, select: { submittedAt: true } } },
        },
      },
    }),
    db().deadlineOverride.findMany({ where: { year } }),
  ]);
  return agencies.map((a) => {
    const r = a.reports[0];
    const override = overrides
      .filter((o) => a.regionCode.startsWith(o.regionCode))
      .sort((x, y) => y.regionCode.length - x.regionCode.length)[0];
    const deadline = deadlineFor(a.kind, year, override?.deadline);
    const publishedAt = r?.firstPublishedAt ?? null;
    return {
      agencyId: a.id,
      agencyName: a.name,
      kind: a.kind,
      regionCode: a.regionCode,
      reportId: r?.id ?? null,
      state: (r ? (publishedAt ? "PUBLISHED" : r.status) : "NONE") as FilingState,
      submittedAt: r?.revisions[0]?.submittedAt ?? null,
      publishedAt,
      deadline,
      onTime: isOnTime(publishedAt, deadline),
      overdue: !publishedAt && now > deadline,
    };
  });
}

export interface RollUp {
  formatVersion: FormatVersion;
  cells: CellMap;
  included: { agencyId: number; agencyName: string; reportId: number }[];
  missing: { agencyId: number; agencyName: string }[];
  /** own reports of the year filed in the other format (imported ones), left out of the sums */
  otherFormat: { agencyId: number; agencyName: string; reportId: number }[];
}

/**
 * The sum of the published OWN reports of every agency in the region and below (decisions.md: summary reports are
 * never added — that would count everything twice). Summed in SQL over exact numerics; a cell blank in every
 * report stays blank.
 */
export async function rollUp(regionCode: string, year: number): Promise<RollUp> {
  const version = formatForYear(year);
  const range = regionRange(regionCode);
  const [sums, reports, agencies] = await Promise.all([
    db().$queryRaw<{ key: string; total: string | null }[]>`
      SELECT c.key, sum(c.value)::text AS total
      FROM "Report" r
      JOIN "Agency" a ON a.id = r."agencyId"
      JOIN "Cell" c ON c."revisionId" = r."publishedRevisionId"
      WHERE a."regionCode" >= ${range.gte} AND a."regionCode" <= ${range.lte}
        AND r.year = ${year} AND r.scope = 'OWN' AND r."formatVersion" = ${version}
      GROUP BY c.key`,
    db().report.findMany({
      where: { year, scope: "OWN", publishedRevisionId: { not: null }, agency: { regionCode: range } },
      select: { id: true, formatVersion: true, agency: { select: { id: true, name: true } } },
      orderBy: { agency: { name: "asc" } },
    }),
    db().agency.findMany({
      where: { regionCode: range, kind: { not: "GOVERNMENT" } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  const byKey = new Map(sums.map((s) => [s.key, s.total]));
  const cells: CellMap = Object.fromEntries(allKeys(version).map((k) => [k, byKey.get(k) == null ? null : Number(byKey.get(k))]));
  const included = reports.filter((r) => r.formatVersion === version).map((r) => ({ agencyId: r.agency.id, agencyName: r.agency.name, reportId: r.id }));
  const otherFormat = reports.filter((r) => r.formatVersion !== version).map((r) => ({ agencyId: r.agency.id, agencyName: r.agency.name, reportId: r.id }));
  const filed = new Set(reports.map((r) => r.agency.id));
  const missing = agencies.filter((a) => !filed.has(a.id)).map((a) => ({ agencyId: a.id, agencyName: a.name }));
  return { formatVersion: version, cells, included, missing, otherFormat };
}

/** The region's own summary report of the year (its people's government's), if published. */
export async function regionSummaryReport(regionCode: string, year: number) {
  const report = await db().report.findFirst({
    where: { year, scope: "SUMMARY", publishedRevisionId: { not: null }, agency: { regionCode, kind: "GOVERNMENT" } },
    select: { id: true, formatVersion: true, publishedRevisionId: true, agency: { select: { id: true, name: true } } },
  });
  if (!report?.publishedRevisionId) return null;
  const rows = await db().cell.findMany({ where: { revisionId: report.publishedRevisionId }, select: { key: true, value: true } });
  const cells: CellMap = Object.fromEntries(rows.map((r) => [r.key, r.value === null ? null : Number(r.value.toString())]));
  return { ...report, cells };
}
