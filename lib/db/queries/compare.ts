import "server-only";
// Public comparisons: only published reports (each report's latest published revision), cells read in SQL by
// revision and key. The figures are defined in lib/compare (pure).
import {
  COMPARABLE_SERIES,
  RATES,
  cellDef,
  type CellMap,
  type FormatVersion,
} from "@/lib/format";
import {
  figureFromMeasures,
  measureKeyPairs,
  planMeasures,
  type Figure,
  type RegionRow,
  type ScopeFilter,
  type YearReport,
} from "@/lib/compare";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "../client";
import { regionRange } from "./region-scope";

const VERSIONS: FormatVersion[] = ["2019", "2021"];

/** Every stored key the comparable series and the rates read, derived cells and their leaves, in both versions. */
export const COMPARE_KEYS: readonly string[] = (() => {
  const keys = new Set<string>();
  const add = (v: FormatVersion, k: string) => {
    const d = cellDef(v, k);
    if (!d) return;
    keys.add(k);
    for (const leaf of d.leafParts ?? []) keys.add(leaf);
  };
  for (const v of VERSIONS) {
    for (const s of COMPARABLE_SERIES) for (const k of v === "2019" ? s.keys2019 : s.keys2021) add(v, k);
    for (const r of RATES) for (const k of [...r.numerator, ...r.denominator]) add(v, k);
  }
  return [...keys].sort();
})();

function toNumber(x: string | null): number | null {
  return x === null ? null : Number(x);
}

/** An agency (any agency is public) and its published reports with the cells comparisons need. */
export async function agencyYearReports(agencyId: number) {
  const agency = await db().agency.findUnique({
    where: { id: agencyId },
    select: {
      id: true,
      name: true,
      kind: true,
      regionCode: true,
      reports: {
        where: { publishedRevisionId: { not: null } },
        orderBy: { year: "asc" },
        select: { id: true, year: true, formatVersion: true, scope: true, publishedRevisionId: true },
      },
    },
  });
  if (!agency) return null;
  const revisionIds = agency.reports.map((r) => r.publishedRevisionId!);
  const rows =
    revisionIds.length === 0
      ? []
      : await db().$queryRaw<{ revisionId: number; key: string; value: string | null }[]>`
          SELECT "revisionId", key, value::text AS value FROM "Cell"
          WHERE "revisionId" = ANY(${revisionIds}::int[]) AND key = ANY(${COMPARE_KEYS as string[]}::text[])`;
  const cellsByRevision = new Map<number, CellMap>(revisionIds.map((id) => [id, {}]));
  for (const r of rows) cellsByRevision.get(Number(r.revisionId))![r.key] = toNumber(r.value);
  const reports: YearReport[] = agency.reports.map((r) => ({
    reportId: r.id,
    year: r.year,
    formatVersion: r.formatVersion as FormatVersion,
    scope: r.scope,
    cells: cellsByRevision.get(r.publishedRevisionId!)!,
  }));
  const { reports: _omit, ...rest } = agency;
  void _omit;
  return { agency: rest, reports };
}

export interface RegionComparison {
  rows: RegionRow[];
  /** published reports compared, by format version */
  versions: Record<string, number>;
  agencies: number;
}

/**
 * The statement behind regionComparison (exported for the benchmark's EXPLAIN). One row per agency of the region
 * and below, with its published report of the year (latest published revision) and the values of the keys the
 * chosen figures need:
 * - `rep`: the agencies and their reports — an index range scan on the region code, a probe per agency;
 * - then one RevisionValues row per report (every cell of the revision as one jsonb object, kept by triggers on
 *   Cell) read by primary key. The object is stored compressed: `cells || '{}'` in a subquery that the planner
 *   cannot flatten (OFFSET 0) unpacks it once per report, and the needed keys are then looked up in the unpacked
 *   copy (`->>` on the stored value would decompress it again for every key: 10× slower; jsonb_to_record: 1.5×).
 * The keys are cells of the formats (measureKeyPairs checks each against lib/format), quoted as SQL literals.
 */
export function regionComparisonSql(code: string, year: number, figures: readonly Figure[], scope: ScopeFilter = "all"): Prisma.Sql {
  const range = regionRange(code);
  const keys = comparisonKeys(figures);
  const values = Prisma.raw(keys.map((k) => `d.c ->> ${quoteKey(k)}`).join(", "));
  return Prisma.sql`
    WITH rep AS MATERIALIZED (
      SELECT a.id AS "agencyId", a.name, a.kind::text AS kind, a."regionCode",
             r.id AS "reportId", r."formatVersion", r.scope::text AS scope, r."publishedRevisionId" AS rev
      FROM "Agency" a
      LEFT JOIN "Report" r ON r."agencyId" = a.id AND r.year = ${year} AND r."publishedRevisionId" IS NOT NULL
        ${scope === "all" ? Prisma.empty : Prisma.sql`AND r.scope = ${scope}::"ReportScope"`}
      WHERE a."regionCode" >= ${range.gte} AND a."regionCode" <= ${range.lte}
        ${scope === "all" ? Prisma.empty : Prisma.sql`AND r.id IS NOT NULL`}
    )
    SELECT rep."agencyId", rep.name, rep.kind, rep."regionCode", rep."reportId", rep."formatVersion", rep.scope,
           CASE WHEN v."revisionId" IS NULL THEN NULL ELSE ARRAY[${values}] END AS "values"
    FROM rep
    LEFT JOIN "RevisionValues" v ON v."revisionId" = rep.rev
    LEFT JOIN LATERAL (SELECT v.cells || '{}'::jsonb AS c OFFSET 0) d ON true`;
}

/** The distinct keys the figures read, in a fixed order (the positions of regionComparisonSql's value array). */
function comparisonKeys(figures: readonly Figure[]): string[] {
  return [...new Set(measureKeyPairs(planMeasures(figures)).key)];
}

function quoteKey(key: string): string {
  // cell keys are letters, digits and dots: nothing to escape, and anything else is refused
  if (!/^[A-Za-z0-9_.]{1,100}$/.test(key)) throw new Error(`not a cell key: ${key}`);
  return `'${key}'`;
}

/**
 * Every agency in the region and below with the chosen figures of its published report of `year`, in one SQL
 * statement (regionComparisonSql). A measure is the sum of its keys' values, blank when all of them are blank
 * (as SQL's SUM); rates are divided here from their numerator and denominator sums.
 */
export async function regionComparison(code: string, year: number, figures: readonly Figure[], scope: ScopeFilter = "all"): Promise<RegionComparison> {
  const plan = planMeasures(figures);
  const pairs = measureKeyPairs(plan);
  const keys = comparisonKeys(figures);
  const position = new Map(keys.map((k, i) => [k, i]));
  const pairPositions = pairs.key.map((k) => position.get(k)!);
  const rows = await db().$queryRaw<
    {
      agencyId: number;
      name: string;
      kind: string;
      regionCode: string;
      reportId: number | null;
      formatVersion: string | null;
      scope: "OWN" | "SUMMARY" | null;
      values: (string | null)[] | null;
    }[]
  >(regionComparisonSql(code, year, figures, scope));
  const versions: Record<string, number> = {};
  const out: RegionRow[] = rows.map((r) => {
    const sums: (number | null)[] = plan.measures.map(() => null);
    if (r.values) {
      pairs.measure.forEach((m, i) => {
        const v = toNumber(r.values![pairPositions[i]!] ?? null);
        if (v !== null) sums[m] = (sums[m] ?? 0) + v;
      });
    }
    if (r.formatVersion) versions[r.formatVersion] = (versions[r.formatVersion] ?? 0) + 1;
    return {
      agencyId: Number(r.agencyId),
      agencyName: r.name,
      kind: r.kind,
      regionCode: r.regionCode,
      report: r.reportId === null ? null : { id: Number(r.reportId), formatVersion: r.formatVersion!, scope: r.scope! },
      values: r.reportId === null ? figures.map(() => null) : figureFromMeasures(figures, plan, sums),
    };
  });
  return { rows: out, versions, agencies: out.length };
}

/** Years with at least one published report in the region and below, newest first. */
export async function publishedYears(code: string): Promise<number[]> {
  const range = regionRange(code);
  const rows = await db().$queryRaw<{ year: number }[]>`
    SELECT DISTINCT r.year FROM "Report" r JOIN "Agency" a ON a.id = r."agencyId"
    WHERE a."regionCode" >= ${range.gte} AND a."regionCode" <= ${range.lte} AND r."publishedRevisionId" IS NOT NULL
    ORDER BY r.year DESC`;
  return rows.map((r) => Number(r.year));
}

/** Names of the regions agencies are seated in (for the region column of a comparison). */
export async function regionNames(codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db().region.findMany({ where: { code: { in: [...new Set(codes)] } }, select: { code: true, name: true } });
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Published reports by id, in the order asked, each with every cell of its latest published revision. */
export async function publishedReportsWithCells(ids: readonly number[]) {
  const reports = await db().report.findMany({
    where: { id: { in: [...ids] }, publishedRevisionId: { not: null } },
    select: {
      id: true,
      year: true,
      formatVersion: true,
      scope: true,
      publishedRevisionId: true,
      agency: { select: { id: true, name: true } },
    },
  });
  const revisionIds = reports.map((r) => r.publishedRevisionId!);
  const rows =
    revisionIds.length === 0
      ? []
      : await db().$queryRaw<{ revisionId: number; key: string; value: string | null }[]>`
          SELECT "revisionId", key, value::text AS value FROM "Cell" WHERE "revisionId" = ANY(${revisionIds}::int[])`;
  const cells = new Map<number, CellMap>(revisionIds.map((id) => [id, {}]));
  for (const r of rows) cells.get(Number(r.revisionId))![r.key] = toNumber(r.value);
  const byId = new Map(reports.map((r) => [r.id, r]));
  return {
    found: ids
      .filter((id) => byId.has(id))
      .map((id) => {
        const r = byId.get(id)!;
        return { ...r, formatVersion: r.formatVersion as FormatVersion, cells: cells.get(r.publishedRevisionId!)! };
      }),
    missing: ids.filter((id) => !byId.has(id)),
  };
}
