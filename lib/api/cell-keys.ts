// The cell dictionary as the API and the /data page publish it: every cell of both formats with the spec's Chinese
// labels, unit and type, straight from lib/format (never written by hand, so it cannot disagree with the forms).
import { ApiError } from "./errors";
import { pageOf } from "./cursor";
import { allCellDefs, FORMAT_VERSIONS, getFormat, sectionDef, type CellDef, type CellType, type FormatVersion, type TableDef, type Unit } from "@/lib/format";

export interface CellKeyRow {
  format_version: FormatVersion;
  key: string;
  table: string;
  table_caption: string | null;
  section: string;
  section_heading: string;
  row_label: string;
  row_groups: string[];
  column_label: string;
  column_groups: string[];
  label: string;
  unit: Unit;
  type: CellType;
  derived: boolean;
  optional: boolean;
}

export const CELL_TYPE_LABELS: Record<CellType, string> = {
  int: "整数（不小于0）",
  signedInt: "整数（可为负数）",
  decimal: "金额（最多4位小数）",
};

function rowOf(table: TableDef, def: CellDef): CellKeyRow {
  return {
    format_version: table.version,
    key: def.key,
    table: def.tableId,
    table_caption: table.caption,
    section: table.section,
    section_heading: sectionDef(table.section).heading,
    row_label: def.rowLabel,
    row_groups: [...def.rowGroups],
    column_label: def.colLabel,
    column_groups: [...def.colGroups],
    label: def.label,
    unit: def.unit,
    type: def.type,
    derived: def.derived,
    optional: def.optional,
  };
}

const cache = new Map<FormatVersion, CellKeyRow[]>();

/** Every cell of a format in official order (table by table, row-major), optional local rows included and flagged. */
export function cellKeyRows(v: FormatVersion): readonly CellKeyRow[] {
  let rows = cache.get(v);
  if (!rows) {
    rows = getFormat(v).tables.flatMap((t) => t.cells.map((c) => rowOf(t, c)));
    cache.set(v, rows);
  }
  return rows;
}

/** The rows of both formats (or one), 2019 first: the order the cell-keys list is paged in. */
export function cellKeyList(format?: FormatVersion): readonly CellKeyRow[] {
  return format ? cellKeyRows(format) : FORMAT_VERSIONS.flatMap((v) => cellKeyRows(v));
}

// Position of each key in its format's official order, per format; a key of either format for "any format".
const order: Record<FormatVersion, Map<string, number>> = { "2019": new Map(), "2021": new Map() };
for (const v of FORMAT_VERSIONS) for (const d of allCellDefs(v)) order[v].set(d.key, order[v].size);

/** Whether any format (or the given one) has this cell. */
export function isKnownCellKey(key: string, format?: FormatVersion): boolean {
  return format ? order[format].has(key) : FORMAT_VERSIONS.some((v) => order[v].has(key));
}

/** Keys in the official order of format `v`; keys it does not have come last, alphabetically. */
export function sortCellKeys(keys: Iterable<string>, v: FormatVersion): string[] {
  const pos = order[v];
  return [...keys].sort((a, b) => {
    const pa = pos.get(a);
    const pb = pos.get(b);
    if (pa !== undefined && pb !== undefined) return pa - pb;
    if (pa !== undefined) return -1;
    if (pb !== undefined) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

export type MoneyUnit = Extract<Unit, "元" | "万元">;
const isMoneyUnit = (u: Unit): u is MoneyUnit => u === "元" || u === "万元";

const moneyUnits = new Map<string, MoneyUnit>();
for (const v of FORMAT_VERSIONS) for (const d of allCellDefs(v)) if (isMoneyUnit(d.unit)) moneyUnits.set(d.key, d.unit);

/**
 * The unit of every money cell among `keys` (2019 采购总金额 in 元, 2021 收费金额 in 万元): values are sent as
 * stored, never converted, so a client needs the unit next to them. Counts (件/项) are not listed.
 */
export function moneyUnitsOf(keys: Iterable<string>): Record<string, MoneyUnit> {
  const out: Record<string, MoneyUnit> = {};
  for (const k of keys) {
    const unit = moneyUnits.get(k);
    if (unit) out[k] = unit;
  }
  return out;
}

/** A page of the dictionary, after the row a cursor names (format and key: keys repeat across formats). */
export function listCellKeys(p: { format?: FormatVersion; limit: number; cursor?: { format: FormatVersion; key: string } }): {
  data: CellKeyRow[];
  next_cursor: string | null;
} {
  const list = cellKeyList(p.format);
  let start = 0;
  if (p.cursor) {
    const { format, key } = p.cursor;
    const at = list.findIndex((r) => r.format_version === format && r.key === key);
    // A cursor of the 2021 list replayed with format=2019 names no row of this list.
    if (at < 0) throw new ApiError(400, "invalid_cursor", "游标与本次查询的 format 不符：请用同样的参数翻页", [{ param: "cursor", message: "游标与 format 不符" }]);
    start = at + 1;
  }
  return pageOf(list.slice(start, start + p.limit + 1), p.limit, "cell-keys", (r) => `${r.format_version}:${r.key}`);
}
