// What a new report can take from last year's (issue "Clerk filing" §3, spec §6):
//   上年结转 (carriedOver) of every applicant column = last year's 结转下年度 (carriedForward), in either format;
//   2019 format: 上一年项目数量 (prevYearItems) = last year's 上一年项目数量 + 本年增/减, when both years use it.
import { allCellDefs, leafKeys } from "./registry";
import type { CellMap, FormatVersion } from "./types";

export interface Prefill {
  cells: CellMap;
  /** the keys that were filled from last year, so the form can mark them */
  keys: string[];
}

export function prefillFromPrevious(version: FormatVersion, previous: { formatVersion: FormatVersion; cells: CellMap } | null): Prefill {
  const cells: CellMap = Object.fromEntries(leafKeys(version).map((k) => [k, null]));
  const keys: string[] = [];
  if (!previous) return { cells, keys };
  for (const def of allCellDefs(version)) {
    if (def.derived) continue;
    if (def.tableId === "requests" && def.rowKey === "carriedOver") {
      const v = previous.cells[`requests.carriedForward.${def.colKey}`];
      if (v !== null && v !== undefined) {
        cells[def.key] = v;
        keys.push(def.key);
      }
    }
    if (version === "2019" && previous.formatVersion === "2019" && def.colKey === "prevYearItems") {
      const base = previous.cells[def.key];
      const change = previous.cells[def.key.replace(/prevYearItems$/, "change")];
      if (base !== null && base !== undefined) {
        cells[def.key] = base + (change ?? 0);
        keys.push(def.key);
      }
    }
  }
  return { cells, keys };
}
