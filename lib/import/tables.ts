/**
 * Finds the three statistical tables in a segment stream and reads their cells, driven entirely by the format
 * engine's data (lib/format): row labels, column counts, column labels, captions, header notes, cell types and units.
 *
 *  1. Every text cell is compared with every label the format knows (row labels of both versions, row-group labels,
 *     captions, header notes, column labels). A segment whose best match is a row label is a candidate for that row;
 *     one whose best match is a header or group label is not a row. Label fragments (a label broken over two lines
 *     or cells) are joined with their neighbour when that matches better.
 *  2. Regions: the request table starts at its header note / 申请人情况 / 本年新收 row, the review table at its
 *     行政复议 / 行政诉讼 header; active-table rows are looked for before the review table (their labels are unique).
 *  3. Version: spec §0 — header words of one version only, then the （六）其他处理 rows, then the year.
 *  4. Each row's values are taken by position (stream.align) and parsed with parseCellInput, so full-width digits,
 *     thousands separators, "+267", "34555 万" and units are handled as the form handles them.
 */
import {
  getFormat,
  parseCellInput,
  type CellDef,
  type FormatVersion,
  type TableDef,
} from "../format";
import { norm, similarity, threshold, type Norm } from "./normalize";
import { align, type Aligned, type Segment, type StreamCell } from "./stream";

export type TargetKind = "row" | "group" | "header";

export interface Target {
  kind: TargetKind;
  /** for rows: "<tableId>.<rowKey>" of the version being read, or a pseudo row of the other version's （六） */
  id: string;
  tableId: string;
  rowKey: string;
  /** versions whose tables have this label (row labels shared by both versions are one target) */
  versions: FormatVersion[];
  label: string;
  n: Norm;
  region: "active" | "requests" | "any";
}

export interface RowMatch {
  target: Target;
  segment: Segment;
  score: number;
  /** a fragment segment joined to the label */
  joined?: Segment;
}

interface TargetSet {
  all: Target[];
  /** bigram (of core or bare) → targets that have it, so a cell is scored only against labels it shares text with */
  byGram: Map<string, Target[]>;
  /** longest label core: a longer cell is prose, never a label */
  maxCore: number;
}

let targetCache: TargetSet | null = null;

/** Every label of both versions as a match target; rows carry their versions. */
function targets(): TargetSet {
  if (targetCache) return targetCache;
  const all: Target[] = [];
  const seen = new Map<string, Target>();
  const add = (t: Omit<Target, "n">) => {
    const key = `${t.kind}|${t.id}|${t.label}`;
    const prev = seen.get(key);
    if (prev) {
      for (const v of t.versions) if (!prev.versions.includes(v)) prev.versions.push(v);
      return;
    }
    const target = { ...t, versions: [...t.versions], n: norm(t.label) };
    seen.set(key, target);
    all.push(target);
  };
  for (const v of ["2019", "2021"] as const) {
    for (const table of getFormat(v).tables) {
      const region = table.id === "requests" ? "requests" : table.id === "reviewLitigation" ? "any" : "active";
      for (const row of table.rows) {
        if (row.label) add({ kind: "row", id: `${table.id}.${row.key}`, tableId: table.id, rowKey: row.key, versions: [v], label: row.label, region });
        for (const g of row.groups) add({ kind: "group", id: g, tableId: table.id, rowKey: "", versions: ["2019", "2021"], label: g, region: "any" });
      }
      for (const h of [table.caption, table.firstColumnHeader, table.headerNote, table.columnHeader]) {
        if (h) add({ kind: "header", id: h, tableId: table.id, rowKey: "", versions: ["2019", "2021"], label: h, region: "any" });
      }
      for (const col of table.columns) {
        add({ kind: "header", id: col.label, tableId: table.id, rowKey: "", versions: ["2019", "2021"], label: col.label, region: "any" });
        for (const g of col.groups) add({ kind: "header", id: g, tableId: table.id, rowKey: "", versions: ["2019", "2021"], label: g, region: "any" });
      }
    }
  }
  const byGram = new Map<string, Target[]>();
  for (const t of all) {
    for (const g of new Set([...t.n.grams, ...t.n.bareGrams])) {
      const list = byGram.get(g);
      if (list) list.push(t);
      else byGram.set(g, [t]);
    }
  }
  targetCache = { all, byGram, maxCore: Math.max(...all.map((t) => t.n.core.length)) };
  return targetCache;
}

/** The normalised text of a segment's label, or null when it is too long to be a label (prose). */
export function labelNorm(text: string): Norm | null {
  const t = targets();
  // cheap length check before any normalisation: PDF spacing at most doubles a label
  if (text.length > 3 * t.maxCore + 40) return null;
  const n = norm(text);
  return n.core.length > 2 * t.maxCore + 12 ? null : n;
}

interface Scored {
  target: Target;
  score: number;
}

function hasNumbers(seg: Segment): boolean {
  return seg.values.some((c) => c.kind === "num" || c.kind === "junk");
}

/** Best target for a text; rows win ties with headers/groups when the segment holds numbers. */
function bestTarget(n: Norm, withNumbers: boolean, allowed: (t: Target) => boolean): Scored | null {
  const ts = targets();
  const candidates = new Set<Target>();
  for (const g of n.grams) for (const t of ts.byGram.get(g) ?? []) candidates.add(t);
  for (const g of n.bareGrams) for (const t of ts.byGram.get(g) ?? []) candidates.add(t);
  let best: Scored | null = null;
  for (const t of candidates) {
    if (!allowed(t)) continue;
    const s = similarity(n, t.n);
    if (s < threshold(t.n)) continue;
    if (
      !best ||
      s > best.score + 1e-9 ||
      (Math.abs(s - best.score) <= 1e-9 && withNumbers && t.kind === "row" && best.target.kind !== "row") ||
      (Math.abs(s - best.score) <= 1e-9 && !withNumbers && t.kind !== "row" && best.target.kind === "row")
    ) {
      best = { target: t, score: s };
    }
  }
  return best;
}

export interface Layout {
  segments: Segment[];
  /** first segment of the request table, or null */
  requestStart: number | null;
  /** first segment of the review/litigation table (its 行政复议/行政诉讼 header), or null */
  reviewStart: number | null;
  /** normalised label of each segment (null: no label, or prose) */
  norms: (Norm | null)[];
  /** best target of each segment's own label (before fragments are joined) */
  own: (Scored | null)[];
}

const REVIEW_MARK = /^(行政复议|行政诉讼)/;

export function layout(segments: Segment[]): Layout {
  const norms = segments.map((s) => (s.label ? labelNorm(s.label.text) : null));
  const own = segments.map((s, i) => (norms[i] ? bestTarget(norms[i]!, hasNumbers(s), () => true) : null));
  let requestStart: number | null = null;
  for (let i = 0; i < segments.length && requestStart === null; i++) {
    const b = own[i];
    if (!b) continue;
    if (b.target.tableId === "requests" && (b.target.kind === "header" || b.target.rowKey === "newReceived" || b.target.rowKey === "carriedOver")) {
      // 申请人情况 / the 勾稽关系 note / the first two rows; not a bare column label such as 自然人 or 总计
      if (b.target.kind === "header" && b.target.label !== "申请人情况" && !b.target.label.includes("勾稽")) continue;
      requestStart = i;
    }
  }
  let reviewStart: number | null = null;
  for (let i = requestStart ?? 0; i < segments.length; i++) {
    const n = norms[i];
    if (!n) continue;
    if (n.core.length <= 8 && REVIEW_MARK.test(n.core)) {
      reviewStart = i;
      break;
    }
  }
  return { segments, requestStart, reviewStart, norms, own };
}

/**
 * Matches segments to the rows of `version` (plus the other version's （六） rows as pseudo rows), within their
 * regions. Returns the chosen segment per row id.
 */
export function matchRows(lay: Layout, version: FormatVersion): Map<string, RowMatch> {
  const { segments, own } = lay;
  const end = lay.reviewStart ?? segments.length;
  const reqFrom = lay.requestStart ?? 0;
  const inRegion = (t: Target, i: number) =>
    t.kind !== "row" ||
    (t.region === "active" && i < (lay.requestStart ?? end)) ||
    (t.region === "requests" && i >= reqFrom && i < end);
  const rowAllowed = (t: Target) =>
    t.kind !== "row" || t.versions.includes(version) || (t.tableId === "requests" && t.rowKey.startsWith("results.other"));

  const candidates: RowMatch[] = [];
  const consumed = new Set<number>();
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    if (!seg.label || consumed.has(i)) continue;
    const allowed = (t: Target) => rowAllowed(t) && inRegion(t, i);
    const withNumbers = hasNumbers(seg);
    const n = lay.norms[i];
    if (!n) continue;
    let best = own[i] && allowed(own[i]!.target) ? own[i]! : bestTarget(n, withNumbers, allowed);
    let joined: Segment | undefined;
    // A label broken over two lines/cells: try it with a neighbouring label-only fragment.
    if (withNumbers && (!best || best.score < 0.9 || best.target.kind !== "row")) {
      const tryJoin = (frag: Segment | undefined, before: boolean) => {
        if (!frag || !frag.label || hasNumbers(frag) || consumed.has(frag.index)) return;
        const fragOwn = own[frag.index];
        if (fragOwn && fragOwn.score >= 0.9) return; // a label in its own right (a group label, a header)
        if (Math.abs(frag.label.line - seg.label!.line) > 2) return;
        const text = before ? frag.label.text + seg.label!.text : seg.label!.text + frag.label.text;
        const nj = labelNorm(text);
        const b = nj ? bestTarget(nj, true, allowed) : null;
        if (b && b.target.kind === "row" && (!best || b.score > best.score + 0.02 || best.target.kind !== "row")) {
          best = b;
          joined = frag;
        }
      };
      tryJoin(segments[i - 1], true);
      tryJoin(segments[i + 1], false);
    }
    if ((!best || best.target.kind !== "row") && withNumbers) {
      // The numbers sit on a line that starts with an unreadable fragment (the tail of a wrapped row-group label,
      // "供" of （四）无法提供): they belong to the row label just above, which has no numbers of its own.
      for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
        const prev = segments[j]!;
        if (!prev.label || hasNumbers(prev) || prev.label.line < seg.label.line - 2) break;
        const p = own[j];
        if (p && p.target.kind === "row" && allowed(p.target)) {
          best = p;
          candidates.push({ target: p.target, segment: { index: prev.index, label: prev.label, values: seg.values }, score: p.score, joined: seg });
          break;
        }
      }
      continue;
    }
    if (!best || best.target.kind !== "row") continue;
    if (joined) consumed.add(joined.index);
    candidates.push({ target: best.target, segment: seg, score: best.score, ...(joined ? { joined } : {}) });
  }

  const chosen = new Map<string, RowMatch>();
  for (const c of candidates) {
    const prev = chosen.get(c.target.id);
    if (
      !prev ||
      (hasNumbers(c.segment) && !hasNumbers(prev.segment)) ||
      (hasNumbers(c.segment) === hasNumbers(prev.segment) && c.score > prev.score + 1e-9)
    ) {
      chosen.set(c.target.id, c);
    }
  }
  return chosen;
}

/** Version evidence from header words that exist in one version only (spec §0 rules 1–2). */
export function versionMarkers(lay: Layout): Record<FormatVersion, string[]> {
  const only = exclusiveLabels();
  const found: Record<FormatVersion, Set<string>> = { "2019": new Set(), "2021": new Set() };
  for (const n of lay.norms) {
    if (!n) continue;
    for (const v of ["2019", "2021"] as const) {
      const label = only[v].get(n.bare);
      if (label) found[v].add(label);
    }
  }
  return { "2019": [...found["2019"]], "2021": [...found["2021"]] };
}

let exclusiveCache: Record<FormatVersion, Map<string, string>> | null = null;

/** Column labels, captions and active-table row labels of one version that the other version does not have. */
function exclusiveLabels(): Record<FormatVersion, Map<string, string>> {
  if (exclusiveCache) return exclusiveCache;
  const labels = (v: FormatVersion) => {
    const m = new Map<string, string>();
    for (const t of getFormat(v).tables) {
      if (t.id === "requests" || t.id === "reviewLitigation") continue; // （六） rows are rule 3
      const add = (l: string | null) => {
        if (!l) return;
        const bare = norm(l).bare;
        if (bare.length >= 3) m.set(bare, l);
      };
      add(t.caption);
      for (const c of t.columns) add(c.label);
      for (const r of t.rows) add(r.label);
    }
    return m;
  };
  const a = labels("2019");
  const b = labels("2021");
  const minus = (x: Map<string, string>, y: Map<string, string>) => new Map([...x].filter(([k]) => !y.has(k)));
  exclusiveCache = { "2019": minus(a, b), "2021": minus(b, a) };
  return exclusiveCache;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading values

export interface CellRead {
  key: string;
  value: number | null;
  /** printed blank (or nothing printed at that position although the row was found) */
  blank: boolean;
  /** the row ended before this position */
  missing: boolean;
  /** which of several cells is blank could not be decided: left blank */
  uncertain?: boolean;
  /** text that could not be read as a number, and why */
  unreadable?: { text: string; reason: string };
}

export interface RowRead {
  cells: CellRead[];
  ambiguous: boolean;
  found: number;
  /** positions (column indexes) of cells found blank by the sum rules when the row had too few values */
  inferredBlanks?: number[];
  /** positions the sum rules could not decide (left blank) */
  uncertain?: number[];
}

const COUNT_UNIT = /\s*(件|项|个|条|次)$/;

const cellIndex = new WeakMap<TableDef, Map<string, CellDef>>();

/** The cell of a table at row × column. */
function cellAt(table: TableDef, rowKey: string, colKey: string): CellDef {
  let m = cellIndex.get(table);
  if (!m) {
    m = new Map(table.cells.map((c) => [`${c.rowKey}|${c.colKey}`, c]));
    cellIndex.set(table, m);
  }
  return m.get(`${rowKey}|${colKey}`)!;
}

/** Reads one row's cells (all columns of the table, derived ones included) from a matched segment. */
export function readRow(table: TableDef, rowKey: string, seg: Segment, unitHints: Map<string, string>): RowRead {
  return read(table, seg, (col) => cellAt(table, rowKey, col), unitHints);
}

/** Reads the 15 cells of the review/litigation table's single row. */
export function readReviewRow(table: TableDef, seg: Segment): RowRead {
  return read(table, seg, (col) => cellAt(table, "", col), new Map());
}

function read(table: TableDef, seg: Segment, def: (colKey: string) => CellDef, unitHints: Map<string, string>): RowRead {
  const a = inferBlanks(table, align(seg, table.columns.length));
  const placed = a.inferred !== undefined;
  const cells = table.columns.map((col, i) => {
    const r = readCell(def(col.key), a.cells[i] ?? null, !placed && i >= a.found + a.blankTail, unitHints.get(col.key));
    return a.uncertain?.includes(i) ? { ...r, blank: false, missing: false, uncertain: true } : r;
  });
  return {
    cells,
    ambiguous: a.ambiguous,
    found: a.found,
    ...(placed ? { inferredBlanks: a.inferred!, uncertain: a.uncertain ?? [] } : {}),
  };
}

const MAX_INFERRED_BLANKS = 3;

/**
 * A row with fewer values than columns and nothing printed where the blanks are (text without cell borders): the
 * blanks could be anywhere. The table's own sum columns (总计 = the six applicant columns; each 复议/诉讼 总计 = its
 * four outcomes) decide: every placement of the blanks that makes each printed total equal to its parts is a
 * candidate (those that leave more totals printed preferred: a blank total is rarer than a blank part). Where all
 * candidates agree, the cell is read; where they disagree, the cell is left blank and reported as uncertain. With
 * no candidate the row is read as it stands (missing cells at the end, reported).
 */
function inferBlanks(table: TableDef, a: Aligned): Aligned & { inferred?: number[]; uncertain?: number[] } {
  const n = table.columns.length;
  const missing = n - a.found;
  const sums = table.columns
    .map((c, i) => ({ i, of: c.sum?.of.map((k) => table.columns.findIndex((x) => x.key === k)) ?? [] }))
    .filter((x) => x.of.length > 0);
  if (missing <= 0 || missing > MAX_INFERRED_BLANKS || a.blankTail > 0 || sums.length === 0) return a;
  const found = a.cells.slice(0, a.found);
  const values = found.map((c) => (c && c.kind === "num" ? Number(c.text.normalize("NFKC").replace(/[\s,]/g, "")) : NaN));
  if (values.some((v) => !Number.isInteger(v))) return a;
  const fits: { blanks: number[]; printedTotals: number }[] = [];
  const choose = (start: number, left: number, picked: number[]) => {
    if (left === 0) {
      const row: (number | null)[] = [];
      let k = 0;
      for (let i = 0; i < n; i++) row.push(picked.includes(i) ? null : values[k++]!);
      const ok = sums.every((s) => row[s.i] === null || row[s.i] === s.of.reduce((t, j) => t + (row[j] ?? 0), 0));
      const checked = sums.some((s) => row[s.i] !== null && s.of.some((j) => (row[j] ?? 0) !== 0));
      if (ok && checked) fits.push({ blanks: [...picked], printedTotals: sums.filter((s) => row[s.i] !== null).length });
      return;
    }
    for (let i = start; i <= n - left; i++) choose(i + 1, left - 1, [...picked, i]);
  };
  choose(0, missing, []);
  if (fits.length === 0) return a;
  const top = Math.max(...fits.map((f) => f.printedTotals));
  const placements = fits
    .filter((f) => f.printedTotals === top)
    .map((f) => {
      const cells: (StreamCell | null)[] = [];
      let k = 0;
      for (let i = 0; i < n; i++) cells.push(f.blanks.includes(i) ? null : found[k++]!);
      return cells;
    });
  const cells: (StreamCell | null)[] = [];
  const inferred: number[] = [];
  const uncertain: number[] = [];
  for (let i = 0; i < n; i++) {
    const texts = new Set(placements.map((p) => (p[i] ? p[i]!.text : null)));
    if (texts.size === 1) {
      cells.push(placements[0]![i]!);
      if (placements[0]![i] === null) inferred.push(i);
    } else {
      cells.push(null);
      uncertain.push(i);
    }
  }
  return { ...a, cells, inferred, uncertain };
}

export function readCell(def: CellDef, cell: StreamCell | null, beyondEnd: boolean, unitHint: string | undefined): CellRead {
  if (!cell) return { key: def.key, value: null, blank: !beyondEnd, missing: beyondEnd };
  if (cell.kind === "empty") return { key: def.key, value: null, blank: true, missing: false };
  let text = cell.text.normalize("NFKC").trim();
  // digits spread out by PDF extraction ("1 2"), spaces as thousands separators ("31 989 283")
  text = text.replace(/(\d)\s+(?=\d)/g, "$1");
  if (def.type !== "decimal") text = text.replace(COUNT_UNIT, "");
  else if (unitHint && !/(万元|万|元)$/.test(text)) text = `${text}${unitHint}`;
  const r = parseCellInput(def, text);
  if (r.ok) return { key: def.key, value: r.value, blank: r.value === null, missing: false };
  return { key: def.key, value: null, blank: false, missing: false, unreadable: { text: cell.text, reason: r.message } };
}

/**
 * Units given in a money column's header ("采购总金额（万元）", "本年收费金额（单位：元）"), looked for in the
 * header cells just before a row: colKey → "万元" | "元".
 */
export function unitHintsFor(table: TableDef, segments: readonly Segment[], rowIndex: number): Map<string, string> {
  const hints = new Map<string, string>();
  for (const col of table.columns) {
    if (col.type !== "decimal") continue;
    const head = norm(col.label).bare.slice(0, 4); // 采购总金 / 本年收费
    for (let i = rowIndex - 1; i >= Math.max(0, rowIndex - 8); i--) {
      const l = segments[i]?.label;
      if (!l) continue;
      const f = l.text.normalize("NFKC").replace(/\s+/g, "");
      if (!f.includes(head)) continue;
      const unit = /万元/.test(f) ? "万元" : /[(:：]元\)?|单位元|\(元\)/.test(f) ? "元" : null;
      if (unit && unit !== col.unit) hints.set(col.key, unit);
      break;
    }
  }
  return hints;
}
