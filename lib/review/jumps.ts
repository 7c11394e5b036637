/**
 * Jumps from last year: cells whose value changed by a large factor AND by a large absolute amount.
 *
 * Thresholds (defaults; see README.md). With lo = min(previous, current), hi = max(previous, current),
 * factor = hi / lo (∞ when lo = 0) and change = |current − previous|:
 *  - "notable": factor ≥ 2 (doubled or halved) and change ≥ 10;
 *  - "large":   factor ≥ 5 and change ≥ 30.
 * So 5 → 6 and 0 → 5 are nothing, 12 → 30 and 0 → 10 are notable, 10 → 100, 0 → 40 and 300 → 30 are large.
 * The absolute floors are in the cell's unit for counts (件/项); money cells scale them (元 × 1,000: 10,000 /
 * 30,000 元; 万元 × 0.1: 1 / 3 万元). The factor is symmetric, so a fall is judged like the same rise.
 *
 * Which cells: with both reports in the same format version, every cell of the version except the signed
 * 2019 本年增/减 (a difference already; a factor means nothing); of the request table only the 总计 column
 * unless `allColumns` (the applicant columns repeat the same jump in parts). Across versions only the
 * comparable series of the format engine (COMPARABLE_SERIES, seriesValue), keyed by the current version's key
 * where the series has one, else by the series id (the 2019 key of the merged （六）其他处理 row). Totals are
 * computed from their leaves; a blank value on either side is unknown and never a jump.
 */
import { COMPARABLE_SERIES, allKeys, cellDef, optionalKeys, seriesValue } from "../format";
import type { CellMap, FormatVersion, Unit } from "../format/types";

export type JumpSeverity = "notable" | "large";

export interface CellJump {
  key: string;
  /** the cell's (or series') Chinese label */
  label: string;
  previous: number | null;
  current: number | null;
  /** current − previous */
  change: number | null;
  /** current / previous; null when previous is 0 */
  ratio: number | null;
  severity: JumpSeverity;
}

export interface JumpOptions {
  /** factor (hi / lo) from which a change is notable; default 2 */
  notableFactor?: number;
  /** factor from which a change is large; default 5 */
  largeFactor?: number;
  /** absolute change (in 件/项) from which a change can be notable; default 10 */
  minChange?: number;
  /** absolute change (in 件/项) from which a change can be large; default 30 */
  minLargeChange?: number;
  /** also the request table's applicant columns (default: only its 总计 column) */
  allColumns?: boolean;
}

export const JUMP_DEFAULTS: Required<JumpOptions> = {
  notableFactor: 2,
  largeFactor: 5,
  minChange: 10,
  minLargeChange: 30,
  allColumns: false,
};

/** Scale of the absolute floors per unit (counts 1). */
const UNIT_SCALE: Readonly<Record<Unit, number>> = { 件: 1, 项: 1, 元: 1000, 万元: 0.1 };

export interface PreviousReport {
  formatVersion: FormatVersion;
  cells: CellMap;
}

/** The severity of a change, or null when it is not a jump. Exported for the README's examples and tests. */
export function jumpSeverity(
  previous: number,
  current: number,
  unit: Unit = "件",
  opts: JumpOptions = {},
): JumpSeverity | null {
  const o = { ...JUMP_DEFAULTS, ...opts };
  if (previous < 0 || current < 0) return null;
  const change = Math.abs(current - previous);
  if (change === 0) return null;
  const lo = Math.min(previous, current);
  const hi = Math.max(previous, current);
  const factor = lo === 0 ? Infinity : hi / lo;
  const scale = UNIT_SCALE[unit];
  if (factor >= o.largeFactor && change >= o.minLargeChange * scale) return "large";
  if (factor >= o.notableFactor && change >= o.minChange * scale) return "notable";
  return null;
}

/** A cell's value, totals computed from their leaves (null when all are blank), as seriesValue does. */
function cellValue(v: FormatVersion, cells: CellMap, key: string): number | null {
  const def = cellDef(v, key);
  const leaves = def?.leafParts ?? [key];
  if (leaves.every((k) => cells[k] === null || cells[k] === undefined)) return null;
  return leaves.reduce((s, k) => s + (cells[k] ?? 0), 0);
}

function isApplicantColumn(v: FormatVersion, key: string): boolean {
  const def = cellDef(v, key);
  return def?.tableId === "requests" && def.colKey !== "total";
}

/** Cells that changed sharply since last year, in official order (see the module comment). [] without `previous`. */
export function cellJumps(
  version: FormatVersion,
  cells: CellMap,
  previous: PreviousReport | null,
  opts: JumpOptions = {},
): CellJump[] {
  if (!previous) return [];
  const allColumns = opts.allColumns ?? JUMP_DEFAULTS.allColumns;
  const out: CellJump[] = [];
  const consider = (key: string, label: string, unit: Unit, prev: number | null, cur: number | null) => {
    if (prev === null || cur === null) return;
    const severity = jumpSeverity(prev, cur, unit, opts);
    if (!severity) return;
    out.push({ key, label, previous: prev, current: cur, change: cur - prev, ratio: prev === 0 ? null : cur / prev, severity });
  };

  if (previous.formatVersion === version) {
    const present = (k: string) => cells[k] !== undefined && previous.cells[k] !== undefined;
    const keys = [...allKeys(version), ...optionalKeys(version).filter(present)];
    for (const key of keys) {
      const def = cellDef(version, key)!;
      if (def.type === "signedInt") continue;
      if (!allColumns && isApplicantColumn(version, key)) continue;
      consider(key, def.label, def.unit, cellValue(version, previous.cells, key), cellValue(version, cells, key));
    }
    return out;
  }

  for (const series of COMPARABLE_SERIES) {
    if (!allColumns && isApplicantColumn("2019", series.id)) continue;
    const own = version === "2019" ? series.keys2019 : series.keys2021;
    const key = own.length === 1 ? own[0] : series.id;
    const def = cellDef(version, own[0])!;
    consider(
      key,
      own.length === 1 ? def.label : series.label,
      def.unit,
      seriesValue(previous.formatVersion, previous.cells, series),
      seriesValue(version, cells, series),
    );
  }
  return out;
}
