import { describe, expect, it } from "vitest";
import { allKeys, cellDef, optionalKeys } from "@/lib/format";
import { cellKeyList, cellKeyRows, listCellKeys, moneyUnitsOf, sortCellKeys } from "./cell-keys";
import { ApiError } from "./errors";
import { decodeCursor } from "./cursor";

describe("the cell dictionary", () => {
  it("holds every cell of both formats, optional rows flagged, labels from lib/format", () => {
    for (const v of ["2019", "2021"] as const) {
      const rows = cellKeyRows(v);
      expect(rows.filter((r) => !r.optional).map((r) => r.key)).toEqual(allKeys(v));
      expect(rows.filter((r) => r.optional).map((r) => r.key)).toEqual(optionalKeys(v));
      for (const r of rows) {
        const def = cellDef(v, r.key)!;
        expect([r.label, r.row_label, r.column_label, r.unit, r.type, r.derived]).toEqual([def.label, def.rowLabel, def.colLabel, def.unit, def.type, def.derived]);
      }
    }
    expect(cellKeyList().length).toBe(cellKeyRows("2019").length + cellKeyRows("2021").length);
    const licensing = cellKeyRows("2019").find((r) => r.key === "active.art20_5.licensing.decisions")!;
    expect(licensing).toMatchObject({ table: "active.art20_5", table_caption: "第二十条第（五）项", section: "s2_active", section_heading: "二、主动公开政府信息情况", unit: "件" });
  });

  it("names the unit of money cells only", () => {
    expect(moneyUnitsOf(["active.art20_9.centralProcurement.totalAmount", "active.art20_8.fees.amount", "requests.newReceived.total"])).toEqual({
      "active.art20_9.centralProcurement.totalAmount": "元",
      "active.art20_8.fees.amount": "万元",
    });
  });

  it("sorts keys in the format's official order", () => {
    const keys = allKeys("2021");
    expect(sortCellKeys([...keys].reverse(), "2021")).toEqual(keys);
    expect(sortCellKeys(["z.unknown", keys[3], "a.unknown", keys[1]], "2021")).toEqual([keys[1], keys[3], "a.unknown", "z.unknown"]);
  });

  it("pages through both formats exactly once", () => {
    const seen: string[] = [];
    let cursor: { format: "2019" | "2021"; key: string } | undefined;
    for (let i = 0; i < 100; i++) {
      const page = listCellKeys({ limit: 37, cursor });
      seen.push(...page.data.map((r) => `${r.format_version}:${r.key}`));
      if (!page.next_cursor) break;
      cursor = decodeCursor("cell-keys", page.next_cursor, (k) => {
        const [format, key] = [k.slice(0, 4) as "2019" | "2021", k.slice(5)];
        return { format, key };
      })!;
    }
    expect(seen).toEqual(cellKeyList().map((r) => `${r.format_version}:${r.key}`));
    expect(() => listCellKeys({ format: "2019", limit: 5, cursor: { format: "2021", key: "active.art20_8.fees.amount" } })).toThrow(ApiError);
  });
});
