/**
 * The columns of the region-and-year data downloads (CSV, XLSX, JSON), as decisions.md fixes them: seven
 * columns about the report, then one column per cell key of either format version.
 *
 * Order of the cell columns (stable, documented in README.md): table by table in official order (第二十条 items,
 * the request table, the review/litigation table); within a table, the 2021 format's keys in official (row-major)
 * order, and each key only the 2019 format has placed right after the key that precedes it in the 2019 format —
 * so 2019's 本年增/减 stands next to 处理决定数量 and its single （六）其他处理 row before 2021's three.
 */
import { allKeys, cellDef, getFormat, type CellType, type FormatVersion, type Unit } from "@/lib/format";

export const META_COLUMNS = [
  { key: "agency", label: "机关名称", type: "text", description: "发布报告的机关" },
  { key: "agency_id", label: "机关编号", type: "integer", description: "本平台的机关编号" },
  { key: "region_code", label: "行政区划代码", type: "text", description: "机关所在行政区划（国家统计局区划代码）" },
  { key: "year", label: "年度", type: "integer", description: "报告年度" },
  { key: "format_version", label: "表格格式", type: "text", description: "2019（试行格式）或 2021" },
  { key: "scope", label: "报告类型", type: "text", description: "OWN 本机关报告；SUMMARY 汇总报告（本行政区域）" },
  { key: "published_at", label: "首次发布时间", type: "datetime", description: "报告首次发布的时间（北京时间，ISO 8601）" },
] as const;

export interface CellColumn {
  key: string;
  /** the cell's Chinese label; where the versions word it differently, both, each marked with its version */
  label: string;
  unit: Unit;
  type: CellType;
  derived: boolean;
  versions: FormatVersion[];
}

const VERSIONS: readonly FormatVersion[] = ["2019", "2021"];

function mergedKeys(): string[] {
  const tableIds = [...new Set(VERSIONS.flatMap((v) => getFormat(v).tables.map((t) => t.id)))];
  const out: string[] = [];
  for (const id of tableIds) {
    const inTable = (v: FormatVersion) => allKeys(v).filter((k) => cellDef(v, k)!.tableId === id);
    const merged = [...inTable("2021")];
    const has = new Set(merged);
    let previous: string | null = null; // the 2019 key before the current one, within this table
    for (const k of inTable("2019")) {
      if (!has.has(k)) {
        merged.splice(previous === null ? 0 : merged.indexOf(previous) + 1, 0, k);
        has.add(k);
      }
      previous = k;
    }
    out.push(...merged);
  }
  return out;
}

let cached: CellColumn[] | null = null;

/** Every cell column, in the documented order. */
export function cellColumns(): readonly CellColumn[] {
  if (cached) return cached;
  cached = mergedKeys().map((key) => {
    const defs = VERSIONS.map((v) => ({ v, def: cellDef(v, key) })).filter((x) => x.def && allKeys(x.v).includes(key));
    const labels = [...new Set(defs.map((x) => x.def!.label))];
    const first = defs[0]!.def!;
    return {
      key,
      label: labels.length === 1 ? labels[0]! : defs.map((x) => `${x.def!.label}（${x.v}）`).join("；"),
      unit: first.unit,
      type: first.type,
      derived: first.derived,
      versions: defs.map((x) => x.v),
    };
  });
  return cached;
}

export const HEADER_KEYS: readonly string[] = [...META_COLUMNS.map((c) => c.key), ...cellColumns().map((c) => c.key)];
export const HEADER_LABELS: readonly string[] = [...META_COLUMNS.map((c) => c.label), ...cellColumns().map((c) => c.label)];
