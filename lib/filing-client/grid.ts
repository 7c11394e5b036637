/**
 * The editable grids of the form, built from the format engine's tableLayout() so that the form, the public
 * page and the exports share one layout. A grid is either one table (三 requests, 四 review/litigation) or the
 * 第二十条 tables of section 二 stacked into one grid as the official format prints them: a caption row per item,
 * and the last column of narrower items widened to the grid's width.
 *
 * The navigation grid is the body's value cells only, placed on value columns (row-header columns dropped), so
 * arrow keys move between the cells a clerk types into.
 */
import type { LayoutCell, TableLayout } from "@/lib/format";

export type GridRow =
  | { kind: "caption"; tableId: string; text: string; colSpan: number }
  | { kind: "header"; tableId: string; cells: LayoutCell[] }
  | { kind: "body"; tableId: string; cells: LayoutCell[] };

export interface GridModel {
  id: string;
  columnCount: number;
  rowHeaderColumns: number;
  rows: GridRow[];
  nav: NavGrid;
}

export interface NavCell {
  key: string;
  derived: boolean;
  /** first value column the cell covers (0 = first value column) */
  col: number;
  span: number;
}

export interface NavGrid {
  /** body rows, top to bottom; each row's cells left to right */
  rows: NavCell[][];
}

export function singleGrid(id: string, layout: TableLayout): GridModel {
  const rows: GridRow[] = [
    ...layout.headerRows.map((cells): GridRow => ({ kind: "header", tableId: layout.tableId, cells })),
    ...layout.bodyRows.map((cells): GridRow => ({ kind: "body", tableId: layout.tableId, cells })),
  ];
  return { id, columnCount: layout.columnCount, rowHeaderColumns: layout.rowHeaderColumns, rows, nav: navGridOf(rows) };
}

/**
 * Several layouts in one grid (section 二). Each row's last cell is widened by the difference between the grid's
 * width and its table's width; in the 第二十条 tables that cell is always the rightmost value column or header.
 */
export function stackedGrid(id: string, layouts: readonly TableLayout[]): GridModel {
  const columnCount = Math.max(...layouts.map((l) => l.columnCount));
  const rowHeaderColumns = Math.max(...layouts.map((l) => l.rowHeaderColumns));
  const widen = (cells: LayoutCell[], extra: number): LayoutCell[] =>
    extra === 0 || cells.length === 0
      ? cells
      : cells.map((c, i) => (i === cells.length - 1 ? ({ ...c, colSpan: c.colSpan + extra } as LayoutCell) : c));
  const rows: GridRow[] = [];
  for (const l of layouts) {
    const extra = columnCount - l.columnCount;
    if (l.caption) rows.push({ kind: "caption", tableId: l.tableId, text: l.caption, colSpan: columnCount });
    for (const cells of l.headerRows) rows.push({ kind: "header", tableId: l.tableId, cells: widen(cells, extra) });
    for (const cells of l.bodyRows) rows.push({ kind: "body", tableId: l.tableId, cells: widen(cells, extra) });
  }
  return { id, columnCount, rowHeaderColumns, rows, nav: navGridOf(rows) };
}

/** Value cells of the body rows on value columns. Value cells always follow a row's header cells. */
export function navGridOf(rows: readonly GridRow[]): NavGrid {
  const out: NavCell[][] = [];
  for (const row of rows) {
    if (row.kind !== "body") continue;
    const cells: NavCell[] = [];
    let col = 0;
    for (const c of row.cells) {
      if (c.kind !== "cell") continue;
      cells.push({ key: c.cellKey, derived: c.derived, col, span: c.colSpan });
      col += c.colSpan;
    }
    if (cells.length > 0) out.push(cells);
  }
  return { rows: out };
}

export type NavMove =
  | "up"
  | "down"
  | "left"
  | "right"
  /** Enter: down, like a spreadsheet; null at the bottom so the cell is committed in place */
  | "enter"
  | "shiftEnter"
  /** reading order, row by row; null past either end so the browser moves focus out of the grid */
  | "tab"
  | "shiftTab"
  /** Ctrl+Home / Ctrl+End */
  | "first"
  | "last";

export interface NavPosition {
  row: number;
  index: number;
}

export function findCell(grid: NavGrid, key: string): NavPosition | null {
  for (let row = 0; row < grid.rows.length; row++) {
    const index = grid.rows[row]!.findIndex((c) => c.key === key);
    if (index >= 0) return { row, index };
  }
  return null;
}

/** Leaf cells in reading order (the order Tab visits them). */
export function leafOrder(grid: NavGrid): string[] {
  return grid.rows.flatMap((r) => r.filter((c) => !c.derived).map((c) => c.key));
}

/**
 * The cell a key press moves to from `from`, or null when it stays (edge of the grid). Derived cells are never a
 * target: they are not inputs. Up/down keep the column of the cell's left edge and pass over rows whose cell in
 * that column is derived (（七）总计).
 */
export function navTarget(grid: NavGrid, from: string, move: NavMove): string | null {
  const pos = findCell(grid, from);
  if (!pos) return null;
  const here = grid.rows[pos.row]![pos.index]!;
  switch (move) {
    case "up":
    case "shiftEnter":
      return vertical(grid, pos.row, here.col, -1);
    case "down":
    case "enter":
      return vertical(grid, pos.row, here.col, 1);
    case "left":
      return horizontal(grid.rows[pos.row]!, pos.index, -1);
    case "right":
      return horizontal(grid.rows[pos.row]!, pos.index, 1);
    case "tab":
    case "shiftTab": {
      const order = leafOrder(grid);
      const i = order.indexOf(from);
      const j = i + (move === "tab" ? 1 : -1);
      return i >= 0 && j >= 0 && j < order.length ? order[j]! : null;
    }
    case "first":
    case "last": {
      const order = leafOrder(grid);
      const target = move === "first" ? order[0] : order[order.length - 1];
      return target && target !== from ? target : null;
    }
  }
}

function vertical(grid: NavGrid, row: number, col: number, step: 1 | -1): string | null {
  for (let r = row + step; r >= 0 && r < grid.rows.length; r += step) {
    const cells = grid.rows[r]!;
    // The cell covering the column; a narrower row (section 二) falls back to its last cell.
    const cell = cells.find((c) => c.col <= col && col < c.col + c.span) ?? cells[cells.length - 1];
    if (cell && !cell.derived) return cell.key;
  }
  return null;
}

function horizontal(cells: NavCell[], index: number, step: 1 | -1): string | null {
  for (let i = index + step; i >= 0 && i < cells.length; i += step) {
    if (!cells[i]!.derived) return cells[i]!.key;
  }
  return null;
}
