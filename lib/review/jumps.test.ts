import { describe, expect, it } from "vitest";
import { computeDerived, leafKeys } from "../format";
import { leavesOf, validReport } from "../format/test-fixtures";
import type { CellMap } from "../format/types";
import { cellJumps, jumpSeverity } from "./jumps";
import { sampleReport } from "./test-fixtures";

describe("jumpSeverity", () => {
  it("needs both a large factor and a large absolute change (the brief's examples)", () => {
    const cases: [number, number, ReturnType<typeof jumpSeverity>][] = [
      [5, 6, null],
      [6, 5, null],
      [0, 5, null], // ∞ factor, but only 5
      [0, 9, null],
      [0, 10, "notable"],
      [12, 30, "notable"],
      [30, 12, "notable"],
      [100, 190, null], // +90 but less than double
      [100, 200, "notable"],
      [20, 90, "notable"], // 4.5×
      [10, 100, "large"],
      [0, 40, "large"],
      [300, 30, "large"],
      [40, 0, "large"],
      [6, 29, "notable"], // 4.8×, 23
      [6, 40, "large"],
      [20, 20, null],
      [0, 0, null],
    ];
    for (const [p, c, s] of cases) expect(jumpSeverity(p, c), `${p} → ${c}`).toBe(s);
  });

  it("scales the absolute floors for money", () => {
    expect(jumpSeverity(2000, 9000, "元")).toBeNull(); // 4.5× but 7,000 元
    expect(jumpSeverity(20000, 90000, "元")).toBe("notable");
    expect(jumpSeverity(10000, 100000, "元")).toBe("large");
    expect(jumpSeverity(0.5, 5, "万元")).toBe("large"); // 10×, 4.5 万元
    expect(jumpSeverity(0.5, 2, "万元")).toBe("notable");
    expect(jumpSeverity(0.1, 0.9, "万元")).toBeNull();
  });

  it("takes other thresholds", () => {
    expect(jumpSeverity(10, 16, "件", { notableFactor: 1.5, minChange: 5 })).toBe("notable");
    expect(jumpSeverity(10, 100, "件", { largeFactor: 20 })).toBe("notable");
  });
});

describe("cellJumps, same version", () => {
  it("nothing without a previous report or when nothing changed", () => {
    const cells = validReport("2021");
    expect(cellJumps("2021", cells, null)).toEqual([]);
    expect(cellJumps("2021", cells, { formatVersion: "2021", cells })).toEqual([]);
  });

  it("flags the changed totals, computed from leaves, in official order", () => {
    const prev = validReport("2021");
    const leaves = leavesOf("2021", prev);
    const total = prev["requests.newReceived.total"]!;
    const cur: CellMap = {
      ...leaves,
      "requests.newReceived.natural": leaves["requests.newReceived.natural"]! + 9 * total, // total ×10
      "requests.newReceived.total": total, // a stale printed total is not used
      "active.art20_6.punishment.decisions": 622, // 311 → 622
      "active.art20_1.normativeDocs.issued": 7, // 6 → 7: nothing
    };
    const jumps = cellJumps("2021", cur, { formatVersion: "2021", cells: prev });
    expect(total).toBeGreaterThanOrEqual(4); // so that ×10 is a large change
    expect(jumps).toEqual([
      {
        key: "active.art20_6.punishment.decisions",
        label: "第二十条第（六）项 行政处罚 / 本年处理决定数量",
        previous: 311,
        current: 622,
        change: 311,
        ratio: 2,
        severity: "notable",
      },
      {
        key: "requests.newReceived.total",
        label: "一、本年新收政府信息公开申请数量 / 总计",
        previous: total,
        current: 10 * total,
        change: 9 * total,
        ratio: 10,
        severity: "large",
      },
    ]);
  });

  it("lists the request table's applicant columns only on request", () => {
    const prev = validReport("2021");
    const cur = computeDerived("2021", { ...leavesOf("2021", prev), "requests.newReceived.natural": 500 });
    const keys = (all: boolean) => cellJumps("2021", cur, { formatVersion: "2021", cells: prev }, { allColumns: all }).map((j) => j.key);
    expect(keys(false)).toEqual(["requests.newReceived.total"]);
    expect(keys(true)).toEqual(["requests.newReceived.natural", "requests.newReceived.total"]);
  });

  it("skips the signed 2019 本年增/减 and blanks on either side", () => {
    const prev = validReport("2019");
    const cur: CellMap = {
      ...prev,
      "active.art20_5.otherServices.change": 400, // -2 → 400: a difference, not judged
      "active.art20_6.coercion.decisions": null, // 4 → blank: unknown
      "active.art20_9.centralProcurement.projects": 450, // 45 → 450
    };
    const jumps = cellJumps("2019", cur, { formatVersion: "2019", cells: { ...prev, "active.art20_9.centralProcurement.totalAmount": null } });
    expect(jumps.map((j) => [j.key, j.severity])).toEqual([["active.art20_9.centralProcurement.projects", "large"]]);
  });

  it("a ratio is null when last year was 0", () => {
    const prev: CellMap = { "active.art20_6.coercion.decisions": 0 };
    const cur: CellMap = { "active.art20_6.coercion.decisions": 40 };
    expect(cellJumps("2021", cur, { formatVersion: "2021", cells: prev })).toEqual([
      expect.objectContaining({ previous: 0, current: 40, change: 40, ratio: null, severity: "large" }),
    ]);
  });
});

describe("cellJumps across versions", () => {
  it("compares only comparable series: 2019 → 2021 keyed by the 2021 key, （六）其他处理 by its series", () => {
    const prev = sampleReport("district-2020"); // 2019 format: other.total 0, newReceived 6, punishment 23
    const cur = computeDerived("2021", {
      ...Object.fromEntries(leafKeys("2021").map((k) => [k, 0])),
      "requests.newReceived.natural": 60, // 6 → 60
      "requests.results.other.noFeePaid.natural": 25,
      "requests.results.other.other.natural": 20, // 0 → 45 over three rows
      "active.art20_6.punishment.decisions": 23, // same
      "active.art20_1.normativeDocs.issued": 500, // no 2019 counterpart: never compared
    });
    const jumps = cellJumps("2021", cur, { formatVersion: prev.formatVersion, cells: prev.cells });
    const byKey = Object.fromEntries(jumps.map((j) => [j.key, j]));
    expect(byKey["requests.newReceived.total"]).toMatchObject({ previous: 6, current: 60, severity: "large" });
    expect(byKey["requests.results.other.total"]).toMatchObject({
      label: "三、本年度办理结果 （六）其他处理 / 总计",
      previous: 0,
      current: 45,
      severity: "large",
    });
    expect(byKey["active.art20_6.punishment.decisions"]).toBeUndefined();
    expect(Object.keys(byKey).some((k) => k.startsWith("active.art20_1"))).toBe(false);
    // district-2020 had 286151 other-service decisions and 37103 licensing decisions; only licensing is comparable
    expect(byKey["active.art20_5.licensing.decisions"]).toMatchObject({ previous: 37103, current: 0, severity: "large" });
  });

  it("2021 → 2019 (a late 2020 report after a 2021 one is not expected, but works) keys by the 2019 key", () => {
    const prev = sampleReport("town-2022"); // all zero
    const cur = computeDerived("2019", { ...leavesOf("2019", validReport("2019")), "requests.results.other.natural": 40 });
    const keys = cellJumps("2019", cur, { formatVersion: "2021", cells: prev.cells }).map((j) => j.key);
    expect(keys).toContain("requests.results.other.total");
    expect(keys).toContain("active.art20_5.licensing.decisions");
    expect(keys.every((k) => !k.startsWith("requests.") || k.endsWith(".total"))).toBe(true);
  });
});
