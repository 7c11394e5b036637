/**
 * The official grid of a table (rowspan/colspan), computed from the table definition alone so that the form,
 * the public page and the exports render the same layout without restating it.
 *
 * Row header area: one column per row-group level plus one for the row label (the request table: 三、本年度办理结果
 * | （三）不予公开 | 1.属于国家秘密). A row with fewer groups lets its label span the remaining columns. Column header
 * area: the table-wide header (申请人情况), then one header row per column-group level, then the labels; a column
 * with fewer groups lets its label span down. The top-left corner carries the header note or 信息内容.
 */
import type { TableDef } from "./types";

export type LayoutCell =
  | { kind: "text"; text: string; rowSpan: number; colSpan: number; isHeader: true }
  | { kind: "cell"; cellKey: string; rowSpan: 1; colSpan: 1; isHeader: false; derived: boolean };

export interface TableLayout {
  tableId: string;
  caption: string | null;
  /** total number of grid columns (row-header columns + value columns) */
  columnCount: number;
  /** number of leading grid columns that hold row headers (0 for the review/litigation table) */
  rowHeaderColumns: number;
  headerRows: LayoutCell[][];
  bodyRows: LayoutCell[][];
}

export interface LayoutOptions {
  /** include optional local rows (2019 其他主动公开文件); default false */
  includeOptional?: boolean;
}

const text = (t: string, rowSpan: number, colSpan: number): LayoutCell => ({
  kind: "text",
  text: t,
  rowSpan,
  colSpan,
  isHeader: true,
});

const samePrefix = (a: readonly string[], b: readonly string[], n: number) =>
  a.length > n && b.length > n && a.slice(0, n + 1).every((x, i) => x === b[i]);

export function tableLayout(table: TableDef, options: LayoutOptions = {}): TableLayout {
  const rows = table.rows.filter((r) => options.includeOptional || !r.optional);
  const cols = table.columns;
  const labelledRows = rows.some((r) => r.label !== "");
  const rowHeaderColumns = labelledRows ? Math.max(...rows.map((r) => r.groups.length)) + 1 : 0;
  const topHeader = table.columnHeader ? 1 : 0;
  const colLevels = Math.max(...cols.map((c) => c.groups.length)) + 1;
  const headerRowCount = topHeader + colLevels;

  const headerRows: LayoutCell[][] = Array.from({ length: headerRowCount }, () => []);
  if (rowHeaderColumns > 0) {
    headerRows[0]!.push(text(table.headerNote ?? table.firstColumnHeader ?? "", headerRowCount, rowHeaderColumns));
  }
  if (table.columnHeader) headerRows[0]!.push(text(table.columnHeader, 1, cols.length));
  for (let level = 0; level < colLevels; level++) {
    const out = headerRows[topHeader + level]!;
    for (let i = 0; i < cols.length; i++) {
      const col = cols[i]!;
      if (col.groups.length === level) {
        out.push(text(col.label, colLevels - level, 1));
      } else if (col.groups.length > level && (i === 0 || !samePrefix(cols[i - 1]!.groups, col.groups, level))) {
        let span = 1;
        while (i + span < cols.length && samePrefix(cols[i + span]!.groups, col.groups, level)) span++;
        out.push(text(col.groups[level]!, 1, span));
      }
    }
  }

  const bodyRows: LayoutCell[][] = rows.map((row, i) => {
    const out: LayoutCell[] = [];
    if (rowHeaderColumns > 0) {
      row.groups.forEach((g, level) => {
        if (i > 0 && samePrefix(rows[i - 1]!.groups, row.groups, level)) return; // covered by the rowspan above
        let span = 1;
        while (i + span < rows.length && samePrefix(rows[i + span]!.groups, row.groups, level)) span++;
        out.push(text(g, span, 1));
      });
      out.push(text(row.label, 1, rowHeaderColumns - row.groups.length));
    }
    for (const col of cols) {
      const cell = table.cells.find((c) => c.rowKey === row.key && c.colKey === col.key)!;
      out.push({ kind: "cell", cellKey: cell.key, rowSpan: 1, colSpan: 1, isHeader: false, derived: cell.derived });
    }
    return out;
  });

  return {
    tableId: table.id,
    caption: table.caption,
    columnCount: rowHeaderColumns + cols.length,
    rowHeaderColumns,
    headerRows,
    bodyRows,
  };
}
