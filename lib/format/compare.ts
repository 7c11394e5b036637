/**
 * Comparisons across years and versions (spec §3, §4; decisions.md "Format versions" and "Derived rates").
 * A series is a quantity that means the same in both versions; its value is the sum of its keys in the
 * report's version. Only the safe mappings are listed: every request and review/litigation cell, with 2019's
 * single （六）其他处理 row equal to the sum of 2021's three, and of the 第二十条 tables only the three
 * 处理决定数量 cells.
 */
import { cellDef, getTable } from "./registry";
import type { CellMap, FormatVersion, TableId } from "./types";

export interface Series {
  /** the 2019 key where it is 1:1, else the 2019 key of the merged row */
  readonly id: string;
  readonly label: string;
  readonly keys2019: readonly string[];
  readonly keys2021: readonly string[];
}

const ACTIVE_COMPARABLE = [
  "active.art20_5.licensing.decisions",
  "active.art20_6.punishment.decisions",
  "active.art20_6.coercion.decisions",
];

function buildSeries(): Series[] {
  const out: Series[] = [];
  for (const key of ACTIVE_COMPARABLE) {
    const d = cellDef("2021", key)!;
    out.push({ id: key, label: `${d.rowLabel} / 处理决定数量`, keys2019: [key], keys2021: [key] });
  }
  for (const tableId of ["requests", "reviewLitigation"] as TableId[]) {
    const t19 = getTable("2019", tableId)!;
    const t21 = getTable("2021", tableId)!;
    for (const cell of t19.cells) {
      if (cellDef("2021", cell.key)) {
        out.push({ id: cell.key, label: cell.label, keys2019: [cell.key], keys2021: [cell.key] });
        continue;
      }
      // A 2019 row the 2021 format split into sub-rows (（六）其他处理 → its three items): same column, all sub-rows.
      const split = t21.rows.filter((r) => r.key.startsWith(`${cell.rowKey}.`));
      if (split.length === 0) throw new Error(`no 2021 counterpart for ${cell.key}`);
      out.push({
        id: cell.key,
        label: cell.label,
        keys2019: [cell.key],
        keys2021: split.map((r) => `${tableId}.${r.key}.${cell.colKey}`),
      });
    }
  }
  return out;
}

export const COMPARABLE_SERIES: readonly Series[] = buildSeries();

export function seriesById(id: string): Series | undefined {
  return COMPARABLE_SERIES.find((s) => s.id === id);
}

/** Leaf cells behind a key: the key itself, or a derived cell's leaves. */
function leavesOf(v: FormatVersion, key: string): readonly string[] {
  const d = cellDef(v, key);
  if (!d) throw new Error(`${key} is not a cell of the ${v} format`);
  return d.leafParts ?? [key];
}

/**
 * Value of a series in a report: totals are computed from leaves (decisions.md), blank leaves count as 0,
 * and the value is null when every leaf behind it is blank — blank is not zero.
 */
export function seriesValue(v: FormatVersion, cells: CellMap, series: Series): number | null {
  const keys = v === "2019" ? series.keys2019 : series.keys2021;
  const leaves = keys.flatMap((k) => leavesOf(v, k));
  if (leaves.every((k) => cells[k] === null || cells[k] === undefined)) return null;
  return leaves.reduce((s, k) => s + (cells[k] ?? 0), 0);
}

export interface RateDef {
  readonly id: "disclosureRate" | "reviewCorrectionRate" | "litigationCorrectionRate" | "carryForwardRate";
  readonly label: string;
  readonly numerator: readonly string[];
  readonly denominator: readonly string[];
}

const RL_CLOSED = (group: string) => ["upheld", "corrected", "other"].map((c) => `reviewLitigation.${group}.${c}`);

/** The keys are the same in both versions. */
export const RATES: readonly RateDef[] = [
  {
    id: "disclosureRate",
    label: "公开率",
    numerator: ["requests.results.granted.total", "requests.results.partial.total"],
    denominator: ["requests.results.total.total"],
  },
  {
    id: "reviewCorrectionRate",
    label: "复议纠错率",
    // closed cases only: 尚未审结 has no outcome yet
    numerator: ["reviewLitigation.review.corrected"],
    denominator: RL_CLOSED("review"),
  },
  {
    id: "litigationCorrectionRate",
    label: "诉讼纠错率",
    numerator: ["reviewLitigation.litigation.direct.corrected", "reviewLitigation.litigation.afterReview.corrected"],
    denominator: [...RL_CLOSED("litigation.direct"), ...RL_CLOSED("litigation.afterReview")],
  },
  {
    id: "carryForwardRate",
    label: "结转率",
    numerator: ["requests.carriedForward.total"],
    denominator: ["requests.newReceived.total", "requests.carriedOver.total"],
  },
];

export type Rates = Record<RateDef["id"], number | null>;

/** Each rate as a fraction (0.25 = 25%), or null when the denominator is 0 — shown as "—", never 0%. */
export function rates(v: FormatVersion, cells: CellMap): Rates {
  const sum = (keys: readonly string[]) =>
    keys.flatMap((k) => leavesOf(v, k)).reduce((s, k) => s + (cells[k] ?? 0), 0);
  const out = {} as Rates;
  for (const r of RATES) {
    const d = sum(r.denominator);
    out[r.id] = d === 0 ? null : sum(r.numerator) / d;
  }
  return out;
}
