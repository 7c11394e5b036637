/**
 * Plain text → a stream of table cells → segments (a text cell and the value cells after it).
 *
 * Every input shape the importer meets ends up as lines of text (HTML and .docx tables and PDF text lines are
 * written as tab-separated lines first). A line is split into cells by tabs, by "|" (Markdown tables, and the
 * one-cell-per-line "0 |" exports), or — a plain line — into a label followed by the numbers at its end
 * ("规章 0 0 0"). Lines with a single cell (one cell per line, as Word-to-text and many PDF extractions write
 * tables) simply continue the stream, so a row's values are found whether they share the label's line or follow it.
 */
import { flatten } from "./normalize";

export type CellKind = "text" | "num" | "empty" | "junk";

export interface StreamCell {
  text: string;
  kind: CellKind;
  /** index of the source line */
  line: number;
}

export interface Segment {
  /** position in the segment list */
  index: number;
  /** the text cell that starts the segment; null for values before any text */
  label: StreamCell | null;
  values: StreamCell[];
}

// Page furniture that may fall inside a table (a page break in a PDF); dropped before cells are made.
const FURNITURE: readonly RegExp[] = [
  /^第\s*\d+\s*页(\s*[,，/／]?\s*共\s*\d+\s*页)?$/,
  /^共\s*\d+\s*页(\s*[,，/／]?\s*第\s*\d+\s*页)?$/,
  /^[-—–]\s*\d+\s*[-—–]$/,
  /^\d+\s*[/／]\s*\d+$/,
  /^page\s*\d+(\s*of\s*\d+)?$/i,
];

const NUMBER_RE = /^[+\-]?(?:¥\s*)?\d[\d,\s]*(?:\.\d+)?\s*(?:万元|万|元|件|项|个|条)?$/;
const PLACEHOLDER_RE = /^(?:[-—–/\\、_~]+|无|空|\/)$/;
const PREFIX_ONLY_RE = /^(?:\([^()]{0,3}\)|\d{1,2}[.、]|[一二三四五六七八九十]+、)$/;
const CJK_RE = /[\u3400-\u9fff]/;
const UNIT_TOKEN = /^(?:万元|万|元|件|项)$/;

const PLAIN_NUMBER = /^\s*[+-]?\d+(?:\.\d+)?\s*$/;

export function classifyCell(raw: string): CellKind {
  if (PLAIN_NUMBER.test(raw)) return "num";
  if (raw.trim() === "") return "empty";
  const t = flatten(raw);
  if (t === "") return "empty";
  if (PLACEHOLDER_RE.test(t)) return "empty";
  if (NUMBER_RE.test(raw.normalize("NFKC").trim())) return "num";
  if (!CJK_RE.test(t) && t.length <= 12 && !PREFIX_ONLY_RE.test(t) && /[\p{L}\p{N}]/u.test(t)) return "junk";
  return "text";
}

/** The cells of one line of text. */
export function splitLine(line: string): string[] {
  if (line.includes("\t")) return line.split("\t");
  if (line.includes("|")) {
    const t = line.trim();
    if (/^\|?[\s:|\-+=]+\|?$/.test(t) && /-{3,}/.test(t)) return []; // Markdown separator row
    if (/^\|+$/.test(t)) return Array.from({ length: t.length }, () => ""); // "|||": empty cells, one per "|"
    let parts = t.split("|");
    if (t.startsWith("|")) parts = parts.slice(1);
    if (t.endsWith("|") && parts.length > 0) parts = parts.slice(0, -1);
    return parts;
  }
  // A plain line: a label followed by numbers ("规章 0 0 0", "政府集中采购 433 34555 万"), or one cell.
  const t = line.trim();
  if (t === "") return [];
  const tokens = t.split(/[\s\u3000]+/);
  const values: string[] = [];
  let i = tokens.length - 1;
  while (i >= 0) {
    const tok = tokens[i]!;
    if (UNIT_TOKEN.test(tok) && i > 0 && /\d$/.test(tokens[i - 1]!.normalize("NFKC"))) {
      values.unshift(`${tokens[i - 1]} ${tok}`);
      i -= 2;
      continue;
    }
    if (classifyCell(tok) === "num") {
      values.unshift(tok);
      i--;
      continue;
    }
    break;
  }
  if (values.length === 0) return [t];
  const label = tokens.slice(0, i + 1).join(" ");
  return label === "" ? values : [label, ...values];
}

export function isFurniture(line: string): boolean {
  const t = line.trim();
  return t !== "" && FURNITURE.some((re) => re.test(t));
}

/** All cells of a text, in reading order. */
export function cellStream(text: string): StreamCell[] {
  const out: StreamCell[] = [];
  const lines = text.split("\n");
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.replace(/\r$/, "");
    if (line.trim() === "" || isFurniture(line)) continue;
    for (const raw of splitLine(line)) {
      const text = raw.replace(/[\u00a0\u3000]/g, " ").trim();
      out.push({ text, kind: classifyCell(text), line: n });
    }
  }
  return out;
}

/** Cells → segments: each text cell starts one; numbers, blanks and junk after it are its values. */
export function segments(cells: readonly StreamCell[]): Segment[] {
  const out: Segment[] = [];
  let cur: Segment | null = null;
  for (const c of cells) {
    if (c.kind === "text") {
      cur = { index: out.length, label: c, values: [] };
      out.push(cur);
    } else {
      if (!cur) {
        cur = { index: out.length, label: null, values: [] };
        out.push(cur);
      }
      cur.values.push(c);
    }
  }
  return out;
}

export interface Aligned {
  /** exactly n cells (null = nothing printed at that position) */
  cells: (StreamCell | null)[];
  /** value cells found, up to the last one that is not blank */
  found: number;
  /** positions after `found` that the document prints as empty cells (a blank, not a row cut short) */
  blankTail: number;
  /** more value cells than expected and the choice changed the values */
  ambiguous: boolean;
}

/**
 * The n value cells of a segment, by position. Blank cells keep their position.
 *  - Trailing blanks are dropped (row padding), but remembered: a row whose last cells are printed empty is blank
 *    there, not cut short.
 *  - If the label's own line holds at least n value cells, only that line is used (Markdown/tab rows, HTML grid
 *    rows): leading blanks beyond n are spacer columns of merged label cells and are dropped, and any further
 *    surplus is taken from the right (value columns are the rightmost of a row).
 *  - Otherwise the values follow the label over several lines (one cell per line): the first n are taken after
 *    dropping surplus leading blanks.
 *  - Fewer than n: the missing cells are the last ones.
 */
export function align(seg: Segment, n: number): Aligned {
  const labelLine = seg.label?.line ?? seg.values[0]?.line ?? -1;
  const sameLineAll = seg.values.filter((c) => c.line === labelLine);
  const sameLine = trimTrailing(sameLineAll);
  const useSameLine = sameLine.length >= n && seg.label !== null;
  const pool = useSameLine ? sameLineAll : seg.values;
  let vals = trimTrailing(pool);
  const blankTail = pool.length - vals.length;
  while (vals.length > n && vals[0]!.kind === "empty") vals = vals.slice(1);
  let ambiguous = false;
  if (vals.length > n) {
    const right = vals.slice(vals.length - n);
    const left = vals.slice(0, n);
    const chosen = useSameLine ? right : left;
    ambiguous = right.some((c, i) => c.text !== left[i]!.text);
    vals = chosen;
  }
  const found = vals.length;
  const cells: (StreamCell | null)[] = vals.map((c) => c);
  while (cells.length < n) cells.push(null);
  return { cells, found, blankTail, ambiguous };
}

function trimTrailing(vals: readonly StreamCell[]): StreamCell[] {
  let end = vals.length;
  while (end > 0 && vals[end - 1]!.kind === "empty") end--;
  return vals.slice(0, end);
}
