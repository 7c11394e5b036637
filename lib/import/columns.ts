/**
 * Blank cells in tables that were laid out by position (a PDF text layer, `pdftotext -layout` output): a blank cell
 * prints nothing, so its position is only known from where the other cells of its column are. For runs of table
 * lines the value columns are located — from the column headers the format knows (自然人, 结果维持, …) and from the
 * numbers themselves — and every line that holds numbers gets one cell per column, empty where nothing is printed.
 */
import { getFormat } from "../format";
import { norm } from "./normalize";
import { classifyCell } from "./stream";

export interface PCell {
  /** horizontal extent: PDF units, or display columns of a text line */
  x0: number;
  x1: number;
  text: string;
}

export interface PLine {
  /** font size, in the same units as x */
  fs: number;
  cells: PCell[];
}

let columnLabelCache: Set<string> | null = null;

/** Leaf column labels of every table of both versions, normalised: the headers that sit over value columns. */
function columnLabels(): Set<string> {
  if (columnLabelCache) return columnLabelCache;
  const s = new Set<string>();
  for (const v of ["2019", "2021"] as const) for (const t of getFormat(v).tables) for (const c of t.columns) s.add(norm(c.label).bare);
  columnLabelCache = s;
  return s;
}

const center = (c: PCell) => (c.x0 + c.x1) / 2;

/**
 * For each run of consecutive multi-cell lines (a table), finds the value columns and writes every line that holds
 * numbers with one cell per column, empty where nothing is printed. Header anchors (known column labels) are used
 * when there are any; otherwise the numbers' own positions, clustered.
 */
export function fillTableColumns(lines: PLine[]): void {
  const labels = columnLabels();
  const hasValues = (l: PLine) => l.cells.some((c) => classifyCell(c.text) === "num");
  const isHeader = (l: PLine) => !hasValues(l) && l.cells.some((c) => labels.has(norm(c.text).bare));
  // a single-cell line inside a table is a wrapped label fragment; a caption, a heading or prose ends the table
  const fragment = (l: PLine) => {
    const t = l.cells[0]!.text.replace(/\s+/g, "");
    return l.cells.length === 1 && t.length <= 40 && !/^(第二十条|[一二三四五六][、.．])/.test(t);
  };
  /** the next line with two or more cells, reachable over at most 3 fragments and 4 blank lines in a row */
  const continues = (from: number) => {
    let frags = 0;
    let blanks = 0;
    for (let k = from; k < lines.length; k++) {
      const l = lines[k]!;
      if (l.cells.length >= 2) return true;
      if (l.cells.length === 0) {
        if (++blanks > 4) return false;
        continue;
      }
      blanks = 0;
      if (!fragment(l) || ++frags > 3) return false;
    }
    return false;
  };
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.cells.length < 2) {
      i++;
      continue;
    }
    // a run of table lines; a header line after lines with numbers starts the next table
    let j = i + 1;
    let seenValues = hasValues(lines[i]!);
    while (j < lines.length) {
      const l = lines[j]!;
      if (l.cells.length < 2 && !continues(j)) break;
      if (seenValues && isHeader(l)) break;
      if (hasValues(l)) seenValues = true;
      j++;
    }
    fillRun(lines.slice(i, j));
    i = j;
  }
}

function fillRun(run: PLine[]): void {
  const labels = columnLabels();
  const fs = run[0]?.fs ?? 10;
  const isValue = (c: PCell) => {
    const k = classifyCell(c.text);
    return k === "num" || k === "junk" || k === "empty";
  };
  const valueLines = run.filter((l) => l.cells.some(isValue));
  if (valueLines.length === 0) return;
  const kmax = Math.max(...valueLines.map((l) => l.cells.filter(isValue).length));
  // header anchors: cells whose text is a known column label, in lines without numbers
  const headers: number[] = [];
  for (const l of run) {
    if (l.cells.some(isValue)) continue;
    for (const c of l.cells) if (labels.has(norm(c.text).bare)) headers.push(center(c));
  }
  let anchors = cluster(headers, fs * 1.2);
  if (anchors.length > kmax) {
    // more known column heads than values in any row (the review table's single row with blanks):
    // the heads give the columns; a number far from every head adds its own
    const spacing = minSpacing(anchors);
    const extra = valueLines.flatMap((l) => l.cells.filter(isValue).map(center)).filter((x) => anchors.every((a) => Math.abs(a - x) > spacing / 2));
    anchors = cluster([...anchors, ...extra], fs * 1.2);
  } else {
    // the fullest rows are the template: the i-th value of each of them marks column i
    if (kmax < 2) return;
    const full = valueLines.filter((l) => l.cells.filter(isValue).length === kmax);
    anchors = Array.from({ length: kmax }, (_, i) => median(full.map((l) => center(l.cells.filter(isValue)[i]!))));
    if (anchors.some((a, i) => i > 0 && a <= anchors[i - 1]!)) return;
  }
  if (anchors.length < 2) return;
  const half = minSpacing(anchors) / 2;
  for (const l of valueLines) {
    const values = l.cells.filter(isValue);
    const texts = l.cells.filter((c) => !isValue(c));
    const labelEnd = texts.length > 0 ? Math.max(...texts.map((c) => c.x1)) : -Infinity;
    const cols = anchors.filter((a) => a > labelEnd - half * 0.5);
    const slots: (PCell | null)[] = cols.map(() => null);
    let stray = false;
    for (const v of values) {
      let best = -1;
      let bestD = Infinity;
      cols.forEach((a, k) => {
        const d = Math.abs(a - center(v));
        if (d < bestD) {
          bestD = d;
          best = k;
        }
      });
      if (best < 0 || bestD > Math.max(half, fs) || slots[best]) stray = true;
      else slots[best] = v;
    }
    if (stray) continue; // positions unclear: leave the line as it is
    const filled: PCell[] = slots.map((s, k) => s ?? { x0: cols[k]!, x1: cols[k]!, text: "" });
    l.cells = [...texts.filter((c) => c.x1 <= (cols[0] ?? Infinity)), ...filled, ...texts.filter((c) => c.x1 > (cols[0] ?? Infinity))];
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function cluster(xs: number[], tol: number): number[] {
  const s = [...xs].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const x of s) {
    const g = groups[groups.length - 1];
    if (g && x - g[g.length - 1]! <= tol) g.push(x);
    else groups.push([x]);
  }
  return groups.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

function minSpacing(xs: number[]): number {
  let m = Infinity;
  for (let k = 1; k < xs.length; k++) m = Math.min(m, xs[k]! - xs[k - 1]!);
  return m;
}


// ---------------------------------------------------------------------------------------------------------------
// Text laid out with spaces (pdftotext -layout and similar)

/** pdftotext -layout places text on a grid of characters: every character, CJK or not, is one column. */
function columns(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Cells of a line separated by runs of two or more spaces, with their character columns. */
function spacedCells(line: string): PCell[] {
  const cells: PCell[] = [];
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const x0 = columns(line.slice(0, m.index));
    cells.push({ x0, x1: x0 + columns(m[0]), text: m[0] });
  }
  return cells;
}

/**
 * Text whose tables are laid out with spaces → the same text with those table lines tab-separated and blank
 * cells in place. Returns the text unchanged when it has no such tables (fewer than 3 spaced lines with numbers).
 */
export function layoutTextToTabs(text: string): string {
  const raw = text.split("\n");
  const spaced = (l: string) => !l.includes("\t") && !l.includes("|") && / {2,}|\u3000/.test(l.trim());
  let numeric = 0;
  for (const l of raw) {
    if (spaced(l) && l.trim().split(/\s+/).filter((t) => classifyCell(t) === "num").length >= 2) numeric++;
    if (numeric >= 3) break;
  }
  if (numeric < 3) return text;
  const lines: PLine[] = raw.map((l) => ({ fs: 1.5, cells: spaced(l) ? spacedCells(l.replace(/\u3000/g, "  ")) : l.trim() ? [{ x0: 0, x1: 0, text: l.trim() }] : [] }));
  fillTableColumns(lines);
  return lines
    .map((l, i) => {
      if (l.cells.length < 2) return raw[i]!;
      const tableLike = l.cells.some((c) => classifyCell(c.text) === "num") || l.cells.every((c) => c.text.length <= 20);
      return tableLike ? l.cells.map((c) => c.text).join("\t") : raw[i]!;
    })
    .join("\n");
}
