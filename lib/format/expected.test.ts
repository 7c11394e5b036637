/** Real reports, as the spec's expected files give them, must derive and validate cleanly. */
import { describe, expect, it } from "vitest";
import { blankLeafCells, computeDerived } from "./derive";
import { allKeys, derivedKeys, formatForYear, leafKeys } from "./registry";
import { validate } from "./rules";
import { cellsSchema } from "./schema";
import { leavesOf, loadExpectedReports } from "./test-fixtures";

const reports = loadExpectedReports();

describe("expected reports", () => {
  it("exist for both versions", () => {
    expect(new Set(reports.map((r) => r.formatVersion))).toEqual(new Set(["2019", "2021"]));
  });

  for (const r of reports) {
    const v = r.formatVersion;
    describe(r.name, () => {
      it("has exactly the national keys of its version (no optional row)", () => {
        expect(Object.keys(r.cells).sort()).toEqual([...allKeys(v)].sort());
        expect(formatForYear(r.year)).toBe(v);
      });

      it("computeDerived of the leaf cells reproduces every derived value", () => {
        const leaves = leavesOf(v, r.cells);
        const derived = computeDerived(v, leaves);
        for (const k of derivedKeys(v)) expect(derived[k], k).toBe(r.cells[k]);
        for (const k of leafKeys(v)) expect(derived[k], k).toBe(r.cells[k]);
      });

      it("validates without any issue, as printed and as derived", () => {
        expect(validate(v, r.cells)).toEqual([]);
        expect(validate(v, computeDerived(v, leavesOf(v, r.cells)))).toEqual([]);
        expect(validate(v, leavesOf(v, r.cells))).toEqual([]);
      });

      it("has no blank leaf and passes the cell schema", () => {
        expect(blankLeafCells(v, r.cells)).toEqual([]);
        const parsed = cellsSchema(v).safeParse(r.cells);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(leavesOf(v, r.cells));
      });
    });
  }
});
