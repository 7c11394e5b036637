import { allCellDefs, leafKeys } from "./registry";
import type { CellDef, CellMap, FormatVersion } from "./types";

/** A derived cell's value from its leaf cells, blanks counted as 0 (decisions.md: totals are always computed). */
export function sumOfLeaves(def: CellDef, cells: CellMap): number {
  let total = 0;
  for (const k of def.leafParts ?? [def.key]) total += cells[k] ?? 0;
  return total;
}

/**
 * A copy of `cells` in which every derived cell (the 总计 column, （七）总计, the three 复议/诉讼 总计) is
 * computed from the leaf cells. Computing from leaves rather than from other totals makes （七）总计 / 总计
 * agree both ways by construction. Leaf cells, including blanks and unknown keys, are copied unchanged.
 */
export function computeDerived(v: FormatVersion, cells: CellMap): CellMap {
  const out: CellMap = { ...cells };
  for (const def of allCellDefs(v)) {
    if (def.derived) out[def.key] = sumOfLeaves(def, cells);
  }
  return out;
}

/** Leaf cells of the national format that are blank (null or missing). Submission requires none;
 *  optional rows are never required. Blank cells are not rule failures: validate() ignores them. */
export function blankLeafCells(v: FormatVersion, cells: CellMap): string[] {
  return leafKeys(v).filter((k) => cells[k] === null || cells[k] === undefined);
}
