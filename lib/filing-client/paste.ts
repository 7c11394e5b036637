/**
 * Pasting a block copied from Excel / WPS into a grid. Spreadsheets put tab-separated columns and newline
 * rows on the clipboard (\r\n on Windows, usually with a trailing newline), and quote a field that holds a tab,
 * newline or quote ("a""b"). Everything here is bounded by the grid's size, so a huge paste costs no more
 * than the cells it can fill.
 */
import type { ParseResult } from "@/lib/format";
import { findCell, type NavGrid } from "./grid";

/** Text beyond this is never looked at: far more than any block that fits the largest grid. */
export const MAX_PASTE_CHARS = 200_000;

export interface ClipboardBlock {
  rows: string[][];
  /** rows or columns beyond the limits were dropped */
  truncated: boolean;
}

/**
 * A clipboard text that is a block (several cells) rather than a value to insert at the caret: it holds a tab or
 * a line break. A single spreadsheet cell ("5\r\n") counts too, so pasting it replaces the cell like Excel does.
 */
export function isBlockPaste(text: string): boolean {
  return /[\t\r\n]/.test(text.slice(0, MAX_PASTE_CHARS));
}

/**
 * Splits clipboard text into rows of fields. One trailing line break is the spreadsheet's row terminator, not an
 * empty last row. Rows past `maxRows` and fields past `maxCols` are dropped while scanning, not after.
 */
export function parseClipboard(text: string, limits: { maxRows: number; maxCols: number }): ClipboardBlock {
  let truncated = text.length > MAX_PASTE_CHARS;
  const s = truncated ? text.slice(0, MAX_PASTE_CHARS) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let fieldStart = true;

  const endField = () => {
    if (row.length < limits.maxCols) row.push(field);
    else truncated = true;
    field = "";
    fieldStart = true;
  };
  const endRow = (): boolean => {
    endField();
    rows.push(row);
    row = [];
    return rows.length < limits.maxRows;
  };

  while (i < s.length) {
    const ch = s[i]!;
    if (fieldStart && ch === '"') {
      // Quoted field: runs to the next quote not doubled; a quote inside is written "".
      const close = readQuoted(s, i + 1);
      if (close) {
        field = close.value;
        i = close.end;
        fieldStart = false;
        continue;
      }
    }
    fieldStart = false;
    if (ch === "\t") {
      endField();
      i++;
    } else if (ch === "\r" || ch === "\n") {
      i += ch === "\r" && s[i + 1] === "\n" ? 2 : 1;
      if (i >= s.length) break; // the terminator of the last row
      if (!endRow()) {
        truncated = true;
        return { rows, truncated };
      }
    } else {
      field += ch;
      i++;
    }
  }
  if (rows.length < limits.maxRows) {
    endField();
    rows.push(row);
  } else {
    truncated = true;
  }
  return { rows, truncated };
}

function readQuoted(s: string, from: number): { value: string; end: number } | null {
  let value = "";
  let i = from;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '"') {
      if (s[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      const next = s[i + 1];
      // Only a quote followed by a separator ends a quoted field; otherwise the quote was text ("5"件).
      if (next === undefined || next === "\t" || next === "\r" || next === "\n") return { value, end: i + 1 };
      return null;
    }
    value += ch;
    i++;
  }
  return null;
}

export interface PastePlan {
  /** values to write, in reading order */
  updates: { key: string; value: number | null }[];
  /** fields that could not be read as the cell's value: kept as the cell's raw text and flagged */
  failures: { key: string; text: string; message: string }[];
  /** derived cells the block covered; their pasted values are ignored (totals are always computed) */
  skippedDerived: string[];
  /** pasted fields that fell outside the grid (right of the last column or below the last row) */
  outside: number;
  truncated: boolean;
}

/**
 * Places a pasted block with its top-left field on `start` and maps it positionally onto the grid, derived cells
 * INCLUDED: a block copied from a spreadsheet laid out like the official table carries the 总计 column, and the
 * fields right of it belong to the columns right of it. A field landing on a derived cell is skipped. Columns are
 * the row's value cells by index (in section 二 the tables have different widths, and a row's cells are what the
 * clerk sees side by side).
 */
export function planPaste(
  grid: NavGrid,
  start: string,
  text: string,
  parse: (key: string, text: string) => ParseResult,
): PastePlan {
  const pos = findCell(grid, start);
  const plan: PastePlan = { updates: [], failures: [], skippedDerived: [], outside: 0, truncated: false };
  if (!pos) return plan;
  const maxRows = grid.rows.length - pos.row;
  const maxCols = Math.max(...grid.rows.slice(pos.row).map((r) => r.length)) - pos.index;
  // One more row and column than fit, so that a block that does not fit is noticed and reported.
  const block = parseClipboard(text, { maxRows: maxRows + 1, maxCols: maxCols + 1 });
  plan.truncated = block.truncated;
  block.rows.forEach((fields, i) => {
    const row = grid.rows[pos.row + i];
    fields.forEach((field, j) => {
      const cell = row?.[pos.index + j];
      if (!cell) {
        if (field.trim() !== "") plan.outside++;
        return;
      }
      if (cell.derived) {
        plan.skippedDerived.push(cell.key);
        return;
      }
      const r = parse(cell.key, field);
      if (r.ok) plan.updates.push({ key: cell.key, value: r.value });
      else plan.failures.push({ key: cell.key, text: field.trim(), message: r.message });
    });
  });
  return plan;
}
