/**
 * Two to four published reports side by side, table by table: one row per cell (for the request table, per cell of
 * the chosen applicant column), one value column per report. Reports of the same format version show every cell of
 * their tables; when the versions differ only the comparable series are shown (spec §3: the request and
 * review/litigation tables with 2019's single （六）其他处理 = the sum of 2021's three items, and of the 第二十条 tables
 * only the three 处理决定数量), with a note.
 */
import { cellDef, formatCellValue, getTable, seriesValue, type CellMap, type FormatVersion, type TableId } from "@/lib/format";
import { REQUEST_COLUMNS, SERIES_TABLE_TITLES, seriesRows, type RequestColumnChoice, type SeriesTable } from "./series-rows";

export const MIN_COMPARED_REPORTS = 2;
export const MAX_COMPARED_REPORTS = 4;

export type ParsedIds = { ok: true; ids: number[] } | { ok: false; message: string };

/** `ids=1,2,3` (or repeated ids=): two to four distinct positive ids. */
export function parseReportIds(raw: string | string[] | undefined): ParsedIds {
  const parts = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).flatMap((s) => s.split(/[,，\s]+/)).filter(Boolean);
  if (parts.length === 0) return { ok: false, message: `请在地址中给出${MIN_COMPARED_REPORTS}至${MAX_COMPARED_REPORTS}份报告的编号，例如 ?ids=1,2。` };
  const ids: number[] = [];
  for (const p of parts) {
    if (!/^[1-9]\d{0,9}$/.test(p) || Number(p) > 2_147_483_647) return { ok: false, message: `“${p.slice(0, 20)}”不是有效的报告编号。` };
    if (!ids.includes(Number(p))) ids.push(Number(p));
  }
  if (ids.length < MIN_COMPARED_REPORTS || ids.length > MAX_COMPARED_REPORTS)
    return { ok: false, message: `一次可对比${MIN_COMPARED_REPORTS}至${MAX_COMPARED_REPORTS}份不同的报告，当前为${ids.length}份。` };
  return { ok: true, ids };
}

export interface SideReport {
  formatVersion: FormatVersion;
  cells: CellMap;
}

export interface SideRow {
  key: string;
  groups: readonly string[];
  label: string;
  derived: boolean;
  /** display text per report ("" = blank) */
  values: string[];
  /** the values are not all the same */
  differs: boolean;
}

export interface SideTable {
  id: string;
  title: string;
  caption: string | null;
  rows: SideRow[];
}

export interface SideBySide {
  comparableOnly: boolean;
  tables: SideTable[];
}

const TABLE_SECTIONS: { id: SeriesTable; tables: (v: FormatVersion) => TableId[] }[] = [
  { id: "active", tables: (v) => (v === "2019" ? ["active.art20_1", "active.art20_5", "active.art20_6", "active.art20_8", "active.art20_9"] : ["active.art20_1", "active.art20_5", "active.art20_6", "active.art20_8"]) },
  { id: "requests", tables: () => ["requests"] },
  { id: "reviewLitigation", tables: () => ["reviewLitigation"] },
];

function row(key: string, groups: readonly string[], label: string, derived: boolean, values: string[]): SideRow {
  return { key, groups, label, derived, values, differs: values.some((x) => x !== values[0]) };
}

export function sideBySide(reports: readonly SideReport[], column: RequestColumnChoice = "total"): SideBySide {
  const versions = new Set(reports.map((r) => r.formatVersion));
  if (versions.size === 1) {
    const v = reports[0].formatVersion;
    const tables: SideTable[] = [];
    for (const section of TABLE_SECTIONS) {
      for (const id of section.tables(v)) {
        const t = getTable(v, id)!;
        const rows = t.cells
          .filter((d) => !d.optional || reports.some((r) => r.cells[d.key] !== null && r.cells[d.key] !== undefined))
          .filter((d) => id !== "requests" || column === "all" || d.colKey === column)
          .map((d) => {
            let groups: readonly string[];
            let label: string;
            if (id === "requests") {
              groups = d.rowGroups;
              label = column === "all" ? `${d.rowLabel} · ${REQUEST_COLUMNS.find((c) => c.key === d.colKey)!.label}` : d.rowLabel;
            } else if (id === "reviewLitigation") {
              groups = d.colGroups;
              label = d.colLabel;
            } else {
              groups = [d.rowLabel];
              label = d.colLabel;
            }
            return row(d.key, groups, label, d.derived, reports.map((r) => formatCellValue(d, r.cells[d.key] ?? null)));
          });
        tables.push({ id, title: SERIES_TABLE_TITLES[section.id].replace("（两种格式可比的项目）", ""), caption: t.caption, rows });
      }
    }
    return { comparableOnly: false, tables };
  }
  const defs = seriesRows(column);
  const tables: SideTable[] = (["active", "requests", "reviewLitigation"] as SeriesTable[]).map((table) => ({
    id: table,
    title: SERIES_TABLE_TITLES[table],
    caption: null,
    rows: defs
      .filter((d) => d.table === table)
      .map((d) =>
        row(
          d.series.id,
          d.groups,
          d.label,
          d.derived,
          reports.map((r) => {
            const x = seriesValue(r.formatVersion, r.cells, d.series);
            return x === null ? "" : formatCellValue(cellDef("2019", d.series.id)!, x);
          }),
        ),
      ),
  }));
  return { comparableOnly: true, tables };
}
