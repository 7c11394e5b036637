import { describe, expect, it } from "vitest";
import { COMPARABLE_SERIES, rates, seriesById, seriesValue } from "./compare";
import { allKeys, cellDef, getTable } from "./registry";
import { leavesOf, loadExpectedReports, validReport } from "./test-fixtures";
import type { CellMap } from "./types";

const tableKeys = (v: "2019" | "2021") =>
  allKeys(v).filter((k) => k.startsWith("requests.") || k.startsWith("reviewLitigation."));

describe("comparable series", () => {
  it("cover every request and review/litigation cell of both versions exactly once, plus three active cells", () => {
    const k19 = COMPARABLE_SERIES.flatMap((s) => s.keys2019);
    const k21 = COMPARABLE_SERIES.flatMap((s) => s.keys2021);
    const active = ["active.art20_5.licensing.decisions", "active.art20_6.punishment.decisions", "active.art20_6.coercion.decisions"];
    expect(k19).toEqual([...active, ...tableKeys("2019")]);
    expect([...k21].sort()).toEqual([...active, ...tableKeys("2021")].sort());
    expect(new Set(k21).size).toBe(k21.length);
    for (const s of COMPARABLE_SERIES) {
      for (const k of s.keys2019) expect(cellDef("2019", k), k).toBeDefined();
      for (const k of s.keys2021) expect(cellDef("2021", k), k).toBeDefined();
    }
    expect(COMPARABLE_SERIES).toHaveLength(3 + 161 + 15);
  });

  it("map 2019 （六）其他处理 to the sum of 2021's three items, column by column", () => {
    expect(seriesById("requests.results.other.natural")).toMatchObject({
      keys2019: ["requests.results.other.natural"],
      keys2021: ["noCorrection", "noFeePaid", "other"].map((r) => `requests.results.other.${r}.natural`),
    });
    expect(seriesById("requests.results.other.total")!.keys2021).toEqual(
      ["noCorrection", "noFeePaid", "other"].map((r) => `requests.results.other.${r}.total`),
    );
    expect(seriesById("requests.results.granted.natural")!.keys2021).toEqual(["requests.results.granted.natural"]);
    expect(seriesById("active.art20_1.regulations.newlyMade")).toBeUndefined();
    expect(seriesById("active.art20_8.fees.change")).toBeUndefined();
  });

  it("seriesValue sums the version's keys from leaves; all blank is null, not 0", () => {
    const s = seriesById("requests.results.other.natural")!;
    const c21: CellMap = {
      "requests.results.other.noCorrection.natural": 1,
      "requests.results.other.noFeePaid.natural": null,
      "requests.results.other.other.natural": 3,
    };
    expect(seriesValue("2021", c21, s)).toBe(4);
    expect(seriesValue("2019", { "requests.results.other.natural": 4 }, s)).toBe(4);
    expect(seriesValue("2019", {}, s)).toBeNull();
    expect(seriesValue("2021", { "requests.results.other.other.natural": 0 }, s)).toBe(0);

    // a total is computed from its leaves even when a different total was printed
    const total = seriesById("requests.results.other.total")!;
    const leaves21: CellMap = {};
    for (const r of ["noCorrection", "noFeePaid", "other"]) {
      for (const c of getTable("2021", "requests")!.columns.filter((x) => !x.sum)) leaves21[`requests.results.other.${r}.${c.key}`] = 1;
    }
    expect(seriesValue("2021", { ...leaves21, "requests.results.other.other.total": 999 }, total)).toBe(18);
  });

  it("a 2019 report and the same figures in 2021 form agree on every series", () => {
    const c19 = validReport("2019");
    const c21: CellMap = { ...validReport("2021") };
    for (const s of COMPARABLE_SERIES) {
      if (s.keys2021.length === 1 && !cellDef("2021", s.keys2021[0]!)!.derived) c21[s.keys2021[0]!] = c19[s.keys2019[0]!]!;
    }
    for (const col of ["natural", "commercial", "research", "socialWelfare", "legalService", "otherOrg"]) {
      const x = c19[`requests.results.other.${col}`]!;
      c21[`requests.results.other.noCorrection.${col}`] = x;
      c21[`requests.results.other.noFeePaid.${col}`] = 0;
      c21[`requests.results.other.other.${col}`] = 0;
    }
    for (const s of COMPARABLE_SERIES) expect(seriesValue("2021", c21, s), s.id).toBe(seriesValue("2019", c19, s));
  });
});

describe("rates", () => {
  const [district, prefecture, town] = ["district-2020.json", "prefecture-2020.json", "town-2022.json"].map(
    (n) => loadExpectedReports().find((r) => r.name === n)!,
  ) as [ReturnType<typeof loadExpectedReports>[number], ReturnType<typeof loadExpectedReports>[number], ReturnType<typeof loadExpectedReports>[number]];

  it("follow decisions.md on real reports", () => {
    expect(rates("2019", district.cells)).toEqual({
      disclosureRate: 2 / 7, // (0 予以公开 + 2 部分公开) / 7
      reviewCorrectionRate: null, // no closed review case
      litigationCorrectionRate: 0, // 0 corrected of 2 closed (其他结果)
      carryForwardRate: 1 / 8, // 1 / (6 + 2)
    });
    expect(rates("2019", prefecture.cells)).toEqual({
      disclosureRate: 6 / 18,
      reviewCorrectionRate: null,
      litigationCorrectionRate: 0,
      carryForwardRate: 0,
    });
    expect(rates("2021", town.cells)).toEqual({
      disclosureRate: null,
      reviewCorrectionRate: null,
      litigationCorrectionRate: null,
      carryForwardRate: null,
    });
  });

  it("leave 尚未审结 out and count both kinds of litigation together", () => {
    const c: CellMap = {
      "reviewLitigation.review.upheld": 3,
      "reviewLitigation.review.corrected": 1,
      "reviewLitigation.review.pending": 50,
      "reviewLitigation.litigation.direct.corrected": 1,
      "reviewLitigation.litigation.direct.other": 1,
      "reviewLitigation.litigation.afterReview.upheld": 2,
      "reviewLitigation.litigation.afterReview.corrected": 1,
      "reviewLitigation.litigation.afterReview.pending": 9,
    };
    const r = rates("2021", c);
    expect(r.reviewCorrectionRate).toBe(1 / 4);
    expect(r.litigationCorrectionRate).toBe(2 / 5);
    expect(r.disclosureRate).toBeNull();
  });

  it("use computed totals, not printed ones", () => {
    const leaves = leavesOf("2019", district.cells);
    expect(rates("2019", { ...leaves, "requests.results.total.total": 1000 })).toEqual(rates("2019", district.cells));
  });
});
