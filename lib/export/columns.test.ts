import { describe, it, expect } from "vitest";
import { allKeys } from "@/lib/format";
import { HEADER_KEYS, HEADER_LABELS, cellColumns } from "./columns";

describe("region download columns", () => {
  const keys = cellColumns().map((c) => c.key);
  const at = (k: string) => keys.indexOf(k);

  it("start with the seven report columns decisions.md names", () => {
    expect(HEADER_KEYS.slice(0, 7)).toEqual(["agency", "agency_id", "region_code", "year", "format_version", "scope", "published_at"]);
    expect(HEADER_LABELS).toHaveLength(HEADER_KEYS.length);
  });

  it("then hold every cell key of both versions once", () => {
    const union = new Set([...allKeys("2019"), ...allKeys("2021")]);
    expect(new Set(keys)).toEqual(union);
    expect(keys).toHaveLength(union.size);
  });

  it("keep each version's official order and put a 2019-only key after its 2019 predecessor", () => {
    for (const v of ["2019", "2021"] as const) {
      const positions = allKeys(v).map(at);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }
    expect(at("active.art20_5.licensing.change")).toBe(at("active.art20_5.licensing.decisions") - 1);
    expect(at("requests.results.other.total") + 1).toBe(at("requests.results.other.noCorrection.natural"));
    expect(keys[0]).toBe("active.art20_1.regulations.newlyMade");
    expect(keys.at(-1)).toBe("reviewLitigation.litigation.afterReview.total");
  });

  it("label cells in Chinese, naming both wordings where the versions differ", () => {
    const label = (k: string) => cellColumns().find((c) => c.key === k)!.label;
    expect(label("requests.newReceived.natural")).toContain("本年新收");
    expect(label("active.art20_5.licensing.decisions")).toBe("第二十条第（五）项 行政许可 / 处理决定数量（2019）；第二十条第（五）项 行政许可 / 本年处理决定数量（2021）");
    expect(cellColumns().find((c) => c.key === "active.art20_9.centralProcurement.totalAmount")).toMatchObject({ unit: "元", type: "decimal", versions: ["2019"] });
  });
});
