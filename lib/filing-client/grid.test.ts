import { describe, expect, it } from "vitest";
import { getTable, sectionTables, tableLayout, type TableId } from "@/lib/format";
import { leafOrder, navTarget, singleGrid, stackedGrid } from "./grid";

const single = (id: TableId, v: "2019" | "2021" = "2021") => singleGrid(id, tableLayout(getTable(v, id)!));
const active = (v: "2019" | "2021") => stackedGrid("active", sectionTables(v, "s2_active").map((t) => tableLayout(t)));
const R = (row: string, col: string) => `requests.${row}.${col}`;

describe("grid models", () => {
  it("the request table: 25 body rows of 7 value cells, the 总计 column and （七）总计 row derived", () => {
    const g = single("requests");
    expect(g.nav.rows).toHaveLength(25);
    expect(g.nav.rows.every((r) => r.length === 7)).toBe(true);
    expect(g.nav.rows[0]!.map((c) => c.derived)).toEqual([false, false, false, false, false, false, true]);
    expect(g.nav.rows[23]!.every((c) => c.derived)).toBe(true);
    expect(g.rows.filter((r) => r.kind === "header")).toHaveLength(3);
  });

  it("section 二 stacks the 第二十条 tables with a caption row each and widens narrow tables' last column", () => {
    const g = active("2021");
    expect(g.columnCount).toBe(4);
    expect(g.rows.filter((r) => r.kind === "caption").map((r) => (r.kind === "caption" ? r.text : ""))).toEqual([
      "第二十条第（一）项",
      "第二十条第（五）项",
      "第二十条第（六）项",
      "第二十条第（八）项",
    ]);
    const licensing = g.nav.rows.find((r) => r[0]!.key === "active.art20_5.licensing.decisions")!;
    expect(licensing).toEqual([{ key: "active.art20_5.licensing.decisions", derived: false, col: 0, span: 3 }]);
    const header = g.rows.find((r) => r.kind === "header" && r.tableId === "active.art20_5");
    expect(header && header.kind === "header" ? header.cells.map((c) => c.colSpan) : null).toEqual([1, 3]);
    // every row of the grid covers the full width
    for (const r of g.rows) {
      const width = r.kind === "caption" ? r.colSpan : r.cells.reduce((n, c) => n + c.colSpan, 0);
      expect(width).toBe(4);
    }
  });

  it("2019 section 二 leaves the optional row out unless asked", () => {
    const keys = active("2019").nav.rows.flat().map((c) => c.key);
    expect(keys).not.toContain("active.art20_1.otherActiveDocs.newlyMade");
    const withOptional = stackedGrid("active", sectionTables("2019", "s2_active").map((t) => tableLayout(t, { includeOptional: true })));
    expect(withOptional.nav.rows.flat().map((c) => c.key)).toContain("active.art20_1.otherActiveDocs.newlyMade");
  });
});

describe("navTarget", () => {
  const g = single("requests").nav;

  it("moves right and left between leaf cells and stops at the derived 总计 column", () => {
    expect(navTarget(g, R("newReceived", "natural"), "right")).toBe(R("newReceived", "commercial"));
    expect(navTarget(g, R("newReceived", "otherOrg"), "right")).toBeNull();
    expect(navTarget(g, R("newReceived", "natural"), "left")).toBeNull();
    expect(navTarget(g, R("newReceived", "commercial"), "left")).toBe(R("newReceived", "natural"));
  });

  it("moves up and down in the same column, passing over the derived （七）总计 row", () => {
    expect(navTarget(g, R("newReceived", "research"), "down")).toBe(R("carriedOver", "research"));
    expect(navTarget(g, R("results.other.other", "research"), "down")).toBe(R("carriedForward", "research"));
    expect(navTarget(g, R("carriedForward", "research"), "up")).toBe(R("results.other.other", "research"));
    expect(navTarget(g, R("carriedForward", "research"), "down")).toBeNull();
    expect(navTarget(g, R("newReceived", "research"), "up")).toBeNull();
  });

  it("Enter goes down and Shift+Enter up; Enter at the bottom stays", () => {
    expect(navTarget(g, R("newReceived", "natural"), "enter")).toBe(R("carriedOver", "natural"));
    expect(navTarget(g, R("carriedOver", "natural"), "shiftEnter")).toBe(R("newReceived", "natural"));
    expect(navTarget(g, R("carriedForward", "natural"), "enter")).toBeNull();
  });

  it("Tab follows reading order over leaf cells and leaves the grid at either end", () => {
    expect(navTarget(g, R("newReceived", "otherOrg"), "tab")).toBe(R("carriedOver", "natural"));
    expect(navTarget(g, R("carriedOver", "natural"), "shiftTab")).toBe(R("newReceived", "otherOrg"));
    expect(navTarget(g, R("results.other.other", "otherOrg"), "tab")).toBe(R("carriedForward", "natural"));
    expect(navTarget(g, R("carriedForward", "otherOrg"), "tab")).toBeNull();
    expect(navTarget(g, R("newReceived", "natural"), "shiftTab")).toBeNull();
    const order = leafOrder(g);
    expect(order).toHaveLength(24 * 6);
    expect(order).not.toContain(R("results.total", "natural"));
  });

  it("Ctrl+Home / Ctrl+End go to the first and last leaf", () => {
    expect(navTarget(g, R("carriedOver", "research"), "first")).toBe(R("newReceived", "natural"));
    expect(navTarget(g, R("carriedOver", "research"), "last")).toBe(R("carriedForward", "otherOrg"));
    expect(navTarget(g, R("newReceived", "natural"), "first")).toBeNull();
  });

  it("review/litigation: one row, the three 总计 cells are passed over", () => {
    const rl = single("reviewLitigation").nav;
    expect(navTarget(rl, "reviewLitigation.review.pending", "right")).toBe("reviewLitigation.litigation.direct.upheld");
    expect(navTarget(rl, "reviewLitigation.litigation.direct.upheld", "left")).toBe("reviewLitigation.review.pending");
    expect(navTarget(rl, "reviewLitigation.review.pending", "down")).toBeNull();
  });

  it("section 二: down from a wide table into a narrow one and back keeps to the covering cell", () => {
    const a = active("2021").nav;
    expect(navTarget(a, "active.art20_1.normativeDocs.repealed", "down")).toBe("active.art20_5.licensing.decisions");
    expect(navTarget(a, "active.art20_1.normativeDocs.issued", "down")).toBe("active.art20_5.licensing.decisions");
    expect(navTarget(a, "active.art20_5.licensing.decisions", "up")).toBe("active.art20_1.normativeDocs.issued");
    expect(navTarget(a, "active.art20_6.coercion.decisions", "down")).toBe("active.art20_8.fees.amount");
    expect(navTarget(a, "active.art20_8.fees.amount", "right")).toBeNull();
  });

  it("returns null for a key not in the grid", () => {
    expect(navTarget(g, "nope", "down")).toBeNull();
  });
});
