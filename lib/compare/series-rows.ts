/**
 * COMPARABLE_SERIES laid out as table rows (for an agency's years and for reports side by side): the statistical
 * table each belongs to, its row-header groups and label, so that a page can print them grouped as in the official
 * tables. Labels come from the 2019 format (the series ids are 2019 keys); they are character for character the
 * same in 2021 except （六）其他处理, which in 2021 is the sum of its three items.
 */
import { COMPARABLE_SERIES, cellDef, getTable, type Series } from "@/lib/format";

export type SeriesTable = "active" | "requests" | "reviewLitigation";

export const SERIES_TABLE_TITLES: Record<SeriesTable, string> = {
  active: "二、主动公开政府信息情况（两种格式可比的项目）",
  requests: "三、收到和处理政府信息公开申请情况",
  reviewLitigation: "四、政府信息公开行政复议、行政诉讼情况",
};

/** Applicant columns of the request table, plus "all" (every column, one row each). */
export const REQUEST_COLUMNS = getTable("2019", "requests")!.columns.map((c) => ({
  key: c.key,
  label: c.groups.length ? `${c.groups.join("·")}·${c.label}` : c.label,
}));
export type RequestColumnChoice = string; // a REQUEST_COLUMNS key or "all"

export function parseRequestColumn(raw: unknown): RequestColumnChoice {
  if (raw === "all") return "all";
  return typeof raw === "string" && REQUEST_COLUMNS.some((c) => c.key === raw) ? raw : "total";
}

export interface SeriesRowDef {
  readonly series: Series;
  readonly table: SeriesTable;
  /** row-header groups, outermost first (e.g. 三、本年度办理结果, （三）不予公开) */
  readonly groups: readonly string[];
  readonly label: string;
  /** a derived cell (总计) */
  readonly derived: boolean;
}

function tableOf(id: string): SeriesTable {
  if (id.startsWith("active.")) return "active";
  if (id.startsWith("requests.")) return "requests";
  return "reviewLitigation";
}

/** Every comparable series as a row definition; for the request table only the chosen applicant column. */
export function seriesRows(column: RequestColumnChoice = "total"): SeriesRowDef[] {
  const out: SeriesRowDef[] = [];
  for (const s of COMPARABLE_SERIES) {
    const d = cellDef("2019", s.id)!;
    const table = tableOf(s.id);
    if (table === "requests" && column !== "all" && d.colKey !== column) continue;
    let groups: readonly string[];
    let label: string;
    if (table === "active") {
      groups = [];
      label = `${d.rowLabel}（${d.colLabel}）`;
    } else if (table === "requests") {
      groups = d.rowGroups;
      label = column === "all" ? `${d.rowLabel} · ${REQUEST_COLUMNS.find((c) => c.key === d.colKey)!.label}` : d.rowLabel;
    } else {
      groups = d.colGroups;
      label = d.colLabel;
    }
    out.push({ series: s, table, groups, label, derived: d.derived });
  }
  return out;
}

/**
 * Group heading rows to print before a row: the levels of `groups` that differ from the previous row's, each with
 * its depth (0 = outermost), so nested row groups read as in the official tables.
 */
export function groupBreaks(previous: readonly string[] | null, groups: readonly string[]): { depth: number; label: string }[] {
  let same = 0;
  while (previous && same < groups.length && same < previous.length && previous[same] === groups[same]) same++;
  return groups.slice(same).map((label, i) => ({ depth: same + i, label }));
}
