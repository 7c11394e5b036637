import { describe, it, expect } from "vitest";
import { prefillFromPrevious } from "./prefill";
import { leafKeys } from "./registry";

describe("prefillFromPrevious", () => {
  it("takes 上年结转 from last year's 结转下年度 per applicant column, across formats", () => {
    const prev = { formatVersion: "2019" as const, cells: { "requests.carriedForward.natural": 3, "requests.carriedForward.commercial": 0, "requests.carriedForward.total": 3 } };
    const { cells, keys } = prefillFromPrevious("2021", prev);
    expect(cells["requests.carriedOver.natural"]).toBe(3);
    expect(cells["requests.carriedOver.commercial"]).toBe(0);
    expect(cells["requests.carriedOver.research"]).toBeNull();
    expect(keys).toEqual(["requests.carriedOver.natural", "requests.carriedOver.commercial"]);
    expect(Object.keys(cells).sort()).toEqual([...leafKeys("2021")].sort());
  });
  it("carries 2019 上一年项目数量 forward as last year's count plus its change", () => {
    const prev = { formatVersion: "2019" as const, cells: { "active.art20_5.licensing.prevYearItems": 107, "active.art20_5.licensing.change": 267, "active.art20_6.punishment.prevYearItems": 198, "active.art20_6.punishment.change": -47 } };
    const { cells, keys } = prefillFromPrevious("2019", prev);
    expect(cells["active.art20_5.licensing.prevYearItems"]).toBe(374);
    expect(cells["active.art20_6.punishment.prevYearItems"]).toBe(151);
    expect(keys).toContain("active.art20_6.punishment.prevYearItems");
  });
  it("starts blank without a previous report", () => {
    const { cells, keys } = prefillFromPrevious("2021", null);
    expect(Object.values(cells).every((v) => v === null)).toBe(true);
    expect(keys).toEqual([]);
  });
});
