/**
 * Draws a placed grid (grid.ts) as a ruled table on PDF pages. Rows are never cut: a table that fits on a fresh page
 * but not in the space left starts on a new page; a longer one breaks between rows — preferring a place that does not
 * split a row group — and repeats its column header rows on the new page. A row-group label cut by a break is
 * printed again in its part on the next page.
 */
import { columnShares, type Grid, type GridCell } from "./grid";
import type { PdfDoc } from "./pdfkit-doc";

export interface TableArea {
  left: number;
  width: number;
  /** y below which nothing may be drawn */
  bottom: number;
  /** y where a fresh page's content starts */
  pageTop: number;
  /** starts a new page and returns the y to continue at */
  newPage: () => number;
}

const PAD_X = 2;
const PAD_Y = 3;
const HEADER_FILL = "#f3f4f6";
const LINE = "#374151";

export function fontSizeOf(g: Grid): number {
  return g.id === "reviewLitigation" ? 7 : g.id === "requests" ? 8 : 9;
}

interface Measured {
  xs: number[];
  heights: number[];
  fontSize: number;
}

function measure(doc: PdfDoc, g: Grid, width: number): Measured {
  const widths = columnShares(g).map((x) => x * width);
  const xs = widths.reduce<number[]>((acc, w, i) => [...acc, acc[i]! + w], [0]);
  const fontSize = fontSizeOf(g);
  const minRow = fontSize + 2 * PAD_Y + 3;
  const heights = Array.from({ length: g.rowCount }, () => minRow);
  const textHeight = (c: GridCell) => {
    setFont(doc, c, fontSize);
    return doc.heightOfString(c.text || " ", { width: xs[c.col + c.colSpan]! - xs[c.col]! - 2 * PAD_X }) + 2 * PAD_Y;
  };
  for (const c of g.cells) if (c.rowSpan === 1) heights[c.row] = Math.max(heights[c.row]!, textHeight(c));
  // A spanning label taller than the rows it spans stretches them evenly.
  for (const c of g.cells) {
    if (c.rowSpan === 1) continue;
    const have = heights.slice(c.row, c.row + c.rowSpan).reduce((a, b) => a + b, 0);
    const need = textHeight(c);
    if (need > have) for (let r = c.row; r < c.row + c.rowSpan; r++) heights[r]! += (need - have) / c.rowSpan;
  }
  return { xs, heights, fontSize };
}

function setFont(doc: PdfDoc, c: GridCell, size: number) {
  doc.font(c.kind === "caption" ? "cjk-bold" : "cjk").fontSize(size);
}

const sum = (a: number[], from: number, to: number) => a.slice(from, to).reduce((x, y) => x + y, 0);

/** Where to end a page that starts at body row `start` with `room` points: the row index to break before. */
function breakRow(g: Grid, heights: number[], start: number, room: number): number {
  let end = start;
  while (end < g.rowCount && sum(heights, start, end + 1) <= room) end++;
  if (end >= g.rowCount) return g.rowCount;
  const candidates: number[] = [];
  for (let b = end; b > start; b--) if (!g.keepWithNext[b - 1]) candidates.push(b);
  // A clean break splits no row group (the outermost label of a long table, such as 三、本年度办理结果 over 20
  // rows, cannot always be kept whole; it is allowed to split).
  const splits = (b: number) => g.cells.some((c) => c.row < b && c.row + c.rowSpan > b && c.rowSpan <= 10);
  return candidates.find((b) => !splits(b)) ?? candidates[0] ?? Math.max(start + 1, end);
}

/** Height of the whole grid, or of its first `rows` rows. */
export function gridHeight(doc: PdfDoc, g: Grid, width: number, rows = g.rowCount): number {
  return sum(measure(doc, g, width).heights, 0, rows);
}

/** Draws the grid starting at y; returns the y below it. */
export function drawGrid(doc: PdfDoc, g: Grid, y: number, area: TableArea): number {
  const m = measure(doc, g, area.width);
  const headerHeight = sum(m.heights, 0, g.headerRowCount);
  const pageRoom = area.bottom - area.pageTop;
  const total = sum(m.heights, 0, g.rowCount);
  // Keep a table together when a fresh page holds it; otherwise at least its header and first rows must fit here.
  if (y + total > area.bottom && (total <= pageRoom || y + headerHeight + 3 * (m.heights[g.headerRowCount] ?? 0) > area.bottom)) {
    y = area.newPage();
  }
  let start = 0;
  while (start < g.rowCount) {
    const repeatHeader = start > 0 && g.headerRowCount > 0;
    if (repeatHeader) {
      drawRows(doc, g, m, 0, g.headerRowCount, y, area.left);
      y += headerHeight;
    }
    const end = breakRow(g, m.heights, start, area.bottom - y);
    drawRows(doc, g, m, start, end, y, area.left);
    y += sum(m.heights, start, end);
    start = end;
    if (start < g.rowCount) y = area.newPage();
  }
  return y;
}

/** Draws rows [from, to) with their top at y; cells spanning in from above or out below are drawn in part. */
function drawRows(doc: PdfDoc, g: Grid, m: Measured, from: number, to: number, y: number, left: number) {
  const top = (r: number) => y + sum(m.heights, from, r);
  doc.lineWidth(0.5).strokeColor(LINE);
  for (const c of g.cells) {
    const r0 = Math.max(c.row, from);
    const r1 = Math.min(c.row + c.rowSpan, to);
    if (r0 >= r1) continue;
    const x = left + m.xs[c.col]!;
    const w = m.xs[c.col + c.colSpan]! - m.xs[c.col]!;
    const cy = top(r0);
    const h = top(r1) - cy;
    if (c.kind !== "value") doc.rect(x, cy, w, h).fill(HEADER_FILL);
    doc.rect(x, cy, w, h).stroke();
    if (!c.text) continue;
    setFont(doc, c, m.fontSize);
    const inner = { width: w - 2 * PAD_X, height: h - PAD_Y };
    const th = Math.min(doc.heightOfString(c.text, { width: inner.width }), inner.height);
    doc
      .fillColor("#111827")
      .text(c.text, x + PAD_X, cy + Math.max(PAD_Y / 2, (h - th) / 2), {
        ...inner,
        // row labels read from the left; headers and values are centred, as printed reports have them
        align: c.kind === "rowHeader" && c.rowSpan === 1 && g.id !== "reviewLitigation" ? "left" : "center",
        lineBreak: true,
      });
  }
}
