/**
 * The three table groups of a report as placed grids (every cell with its row, column and spans), built once
 * from the format engine so that PDF, Word and Excel draw exactly what the web page shows:
 * - 主动公开: section 二 as ActiveTables lays it out — one grid, a caption row per 第二十条 item, and the last value
 *   column of a narrower item widened to the grid's width;
 * - 依申请公开 and 复议诉讼: tableLayout() of the request and review/litigation tables.
 */
import {
  cellDef,
  formatCellValue,
  getTable,
  sectionTables,
  tableLayout,
  type CellMap,
  type FormatVersion,
  type LayoutCell,
  type SectionKey,
} from "@/lib/format";

export type GridCellKind = "caption" | "header" | "rowHeader" | "value";

export interface GridCell {
  kind: GridCellKind;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** what a reader sees: the label, or the value as the web page prints it ("+267", "31989283元", "" for blank) */
  text: string;
  /** value cells: the cell key and its number (null = blank) */
  key?: string;
  value?: number | null;
  derived?: boolean;
}

export interface Grid {
  id: "active" | "requests" | "reviewLitigation";
  /** the sheet name in Excel */
  name: string;
  section: SectionKey;
  rowCount: number;
  columnCount: number;
  /** leading grid columns holding row labels */
  rowHeaderColumns: number;
  /** leading rows that are the table's column header: repeated at the top of a new page */
  headerRowCount: number;
  /** rows that must stay on the same page as the row after them (an item's caption and header rows) */
  keepWithNext: boolean[];
  cells: GridCell[];
}

export const GRID_NAMES = { active: "主动公开", requests: "依申请公开", reviewLitigation: "复议诉讼" } as const;

function valueCell(version: FormatVersion, key: string, values: CellMap, withUnit: boolean): Omit<GridCell, "row" | "col" | "rowSpan" | "colSpan"> {
  const def = cellDef(version, key)!;
  const value = values[key] ?? null;
  return {
    kind: "value",
    key,
    value,
    derived: def.derived,
    text: formatCellValue(def, value, { withUnit: withUnit && def.unit === "元" && value !== null }),
  };
}

/** Section 二 as one grid (see ActiveTables.tsx). Optional local rows appear only when they hold a value. */
export function activeGrid(version: FormatVersion, values: CellMap): Grid {
  const tables = sectionTables(version, "s2_active");
  const valueCols = Math.max(...tables.map((t) => t.columns.length));
  const width = valueCols + 1;
  const cells: GridCell[] = [];
  const keepWithNext: boolean[] = [];
  let row = 0;
  for (const t of tables) {
    const rows = t.rows.filter((r) => !r.optional || t.cells.some((c) => c.rowKey === r.key && values[c.key] != null));
    const spanOf = (i: number) => (i === t.columns.length - 1 ? valueCols - t.columns.length + 1 : 1);
    cells.push({ kind: "caption", row, col: 0, rowSpan: 1, colSpan: width, text: t.caption ?? "" });
    keepWithNext[row++] = true;
    cells.push({ kind: "header", row, col: 0, rowSpan: 1, colSpan: 1, text: t.firstColumnHeader ?? "" });
    t.columns.forEach((c, i) => cells.push({ kind: "header", row, col: 1 + i, rowSpan: 1, colSpan: spanOf(i), text: c.label }));
    keepWithNext[row++] = true;
    for (const r of rows) {
      cells.push({ kind: "rowHeader", row, col: 0, rowSpan: 1, colSpan: 1, text: r.label });
      t.columns.forEach((c, i) =>
        cells.push({ row, col: 1 + i, rowSpan: 1, colSpan: spanOf(i), ...valueCell(version, `${t.id}.${r.key}.${c.key}`, values, true) }),
      );
      keepWithNext[row++] = false;
    }
  }
  return { id: "active", name: GRID_NAMES.active, section: "s2_active", rowCount: row, columnCount: width, rowHeaderColumns: 1, headerRowCount: 0, keepWithNext, cells };
}

/** Places HTML-like rows (cells in reading order, rowspans covering later rows) on a grid. */
function place(rows: LayoutCell[][], firstRow: number, occupied: boolean[][]): { cell: LayoutCell; row: number; col: number }[] {
  const out: { cell: LayoutCell; row: number; col: number }[] = [];
  rows.forEach((cells, i) => {
    const r = firstRow + i;
    occupied[r] ??= [];
    let c = 0;
    for (const cell of cells) {
      while (occupied[r]![c]) c++;
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        occupied[r + dr] ??= [];
        for (let dc = 0; dc < cell.colSpan; dc++) occupied[r + dr]![c + dc] = true;
      }
      out.push({ cell, row: r, col: c });
      c += cell.colSpan;
    }
  });
  return out;
}

function officialGrid(version: FormatVersion, id: "requests" | "reviewLitigation", values: CellMap): Grid {
  const table = getTable(version, id)!;
  const layout = tableLayout(table);
  const occupied: boolean[][] = [];
  const head = place(layout.headerRows, 0, occupied);
  const body = place(layout.bodyRows, layout.headerRows.length, occupied);
  const cells: GridCell[] = [...head, ...body].map(({ cell, row, col }, i) =>
    cell.kind === "text"
      ? { kind: i < head.length ? "header" : "rowHeader", row, col, rowSpan: cell.rowSpan, colSpan: cell.colSpan, text: cell.text }
      : { row, col, rowSpan: 1, colSpan: 1, ...valueCell(version, cell.cellKey, values, false) },
  );
  const rowCount = layout.headerRows.length + layout.bodyRows.length;
  return {
    id,
    name: GRID_NAMES[id],
    section: table.section,
    rowCount,
    columnCount: layout.columnCount,
    rowHeaderColumns: layout.rowHeaderColumns,
    headerRowCount: layout.headerRows.length,
    // the header rows belong with the first body row
    keepWithNext: Array.from({ length: rowCount }, (_, r) => r < layout.headerRows.length),
    cells,
  };
}

/** The report's three table groups in section order. */
export function reportGrids(version: FormatVersion, values: CellMap): Grid[] {
  return [activeGrid(version, values), officialGrid(version, "requests", values), officialGrid(version, "reviewLitigation", values)];
}

/**
 * Share of the table width per grid column, for every renderer: row labels get room enough to wrap little, values
 * share the rest. The outermost label of the request table (三、本年度办理结果) is narrow enough to stand one
 * character per line, as printed reports have it.
 */
export function columnShares(g: Grid): number[] {
  const labelShares: Record<Grid["id"], number[]> = {
    active: [0.3],
    requests: [0.037, 0.18, 0.243],
    reviewLitigation: [],
  };
  const shares = labelShares[g.id].slice(0, g.rowHeaderColumns);
  const valueCols = g.columnCount - shares.length;
  const rest = (1 - shares.reduce((a, b) => a + b, 0)) / valueCols;
  return [...shares, ...Array.from({ length: valueCols }, () => rest)];
}

/** Cells of a grid row by row, each row in column order (how Word and HTML list them: covered positions omitted). */
export function gridRows(g: Grid): GridCell[][] {
  const rows: GridCell[][] = Array.from({ length: g.rowCount }, () => []);
  for (const c of g.cells) rows[c.row]!.push(c);
  for (const r of rows) r.sort((a, b) => a.col - b.col);
  return rows;
}
