import { describe, expect, it } from "vitest";
import { computeDerived, type CellMap } from "@/lib/format";
import { validReport } from "@/lib/format/test-fixtures";
import { agencyCharts, agencyYears, type YearReport } from "./agency-years";
import { formatCount, formatRate } from "./display";
import { DEFAULT_REGION_FIGURES, parseFigures, parseRegionCompareState, regionCompareHref, sortLink, sortRegionRows, type RegionRow } from "./region";
import { groupBreaks, parseRequestColumn, seriesRows } from "./series-rows";
import { parseReportIds, sideBySide } from "./side-by-side";

function report(year: number, cells: CellMap, scope: "OWN" | "SUMMARY" = "OWN"): YearReport {
  const v = year >= 2021 ? "2021" : "2019";
  return { reportId: year, year, formatVersion: v, scope, cells: computeDerived(v, cells) };
}

describe("series rows", () => {
  it("show one applicant column of the request table, or all of them", () => {
    const total = seriesRows("total");
    expect(total.filter((r) => r.table === "requests")).toHaveLength(23);
    expect(total.filter((r) => r.table === "reviewLitigation")).toHaveLength(15);
    expect(total.filter((r) => r.table === "active")).toHaveLength(3);
    expect(seriesRows("all").filter((r) => r.table === "requests")).toHaveLength(161);
    const denied = total.find((r) => r.series.id === "requests.results.denied.stateSecret.total")!;
    expect(denied.groups).toEqual(["三、本年度办理结果", "（三）不予公开"]);
    expect(denied.label).toBe("1.属于国家秘密");
    expect(parseRequestColumn("natural")).toBe("natural");
    expect(parseRequestColumn("nope")).toBe("total");
    expect(parseRequestColumn(["all"])).toBe("total");
  });

  it("print only the group headings that change", () => {
    expect(groupBreaks(null, ["a", "b"])).toEqual([{ depth: 0, label: "a" }, { depth: 1, label: "b" }]);
    expect(groupBreaks(["a", "b"], ["a", "c"])).toEqual([{ depth: 1, label: "c" }]);
    expect(groupBreaks(["a", "b"], ["a"])).toEqual([]);
    expect(groupBreaks(["a"], [])).toEqual([]);
  });
});

describe("an agency's years", () => {
  const c19 = validReport("2019");
  it("run from 2019 to the latest published year, with gaps, across format versions", () => {
    const m = agencyYears([report(2019, c19), report(2022, { "requests.newReceived.natural": 4, "reviewLitigation.review.corrected": 1, "reviewLitigation.review.upheld": 3 })]);
    expect(m.columns.map((c) => [c.year, c.report?.formatVersion ?? null])).toEqual([
      [2019, "2019"],
      [2020, null],
      [2021, null],
      [2022, "2021"],
    ]);
    expect(m.mixedVersions).toBe(true);
    const newReceived = m.figureRows.find((r) => r.def.id === "newReceived")!;
    expect(newReceived.values[1]).toBeNull();
    expect(newReceived.values[3]).toBe(4);
    const charts = agencyCharts(m);
    expect(charts.newReceived.categories).toEqual(["2019年", "2020年", "2021年", "2022年"]);
    expect(charts.outcomes.series.map((s) => s.name)).toEqual(["予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"]);
    expect(charts.correctionRates.series[0].values[3]).toBe(25);
    expect(charts.correctionRates.series[1].values[3]).toBeNull(); // no litigation closed: "—"
  });

  it("start before 2019 only when a report does, and have no columns without reports", () => {
    expect(agencyYears([]).columns).toEqual([]);
    expect(agencyYears([report(2020, c19, "SUMMARY"), report(2021, {})]).columns.map((c) => c.year)).toEqual([2019, 2020, 2021]);
    expect(agencyYears([report(2020, c19, "SUMMARY"), report(2021, {})]).mixedScope).toBe(true);
  });
});

describe("region comparison state", () => {
  it("parses the URL, dropping what it does not know", () => {
    const s = parseRegionCompareState({ year: "2020", sort: "granted", dir: "asc", figures: ["granted,newReceived", "bogus"], scope: "OWN", page: "2" }, 2025);
    expect(s).toEqual({ year: 2020, sort: "granted", dir: "asc", figures: ["newReceived", "granted"], scope: "OWN", page: 2 });
    const d = parseRegionCompareState({ year: "1999", sort: "granted", figures: "newReceived", dir: "sideways", page: "-1" }, 2025);
    expect(d).toMatchObject({ year: 2025, sort: "agency", dir: "asc", figures: ["newReceived"], scope: "all", page: 1 });
    expect(parseFigures(undefined)).toEqual(DEFAULT_REGION_FIGURES);
    expect(parseRegionCompareState({ sort: "review" }, 2024)).toMatchObject({ sort: "review", dir: "desc" });
  });

  it("links keep the state and flip the direction of the current sort column", () => {
    const s = parseRegionCompareState({ year: "2020" }, 2025);
    expect(regionCompareHref("2208", s)).toBe("/compare/region/2208?year=2020");
    const byNew = sortLink("2208", s, "newReceived");
    expect(byNew).toBe("/compare/region/2208?year=2020&sort=newReceived");
    const s2 = parseRegionCompareState(Object.fromEntries(new URL(byNew, "http://x").searchParams), 2025);
    expect(sortLink("2208", s2, "newReceived")).toBe("/compare/region/2208?year=2020&sort=newReceived&dir=asc");
    expect(sortLink("2208", s2, "agency")).toBe("/compare/region/2208?year=2020");
    expect(regionCompareHref("2208", { ...s2, figures: ["newReceived"], page: 3 })).toBe("/compare/region/2208?year=2020&sort=newReceived&figures=newReceived&page=3");
  });

  it("sorts by a figure with blanks and — last in both directions, ties in agency order", () => {
    const row = (id: number, name: string, code: string, v: number | null, published = true): RegionRow => ({
      agencyId: id,
      agencyName: name,
      kind: "DEPARTMENT",
      regionCode: code,
      report: published ? { id: id * 10, formatVersion: "2019", scope: "OWN" } : null,
      values: [v],
    });
    const rows = [row(1, "乙局", "220802", 5), row(2, "甲局", "220802", null, false), row(3, "丙局", "220801", 9), row(4, "丁局", "220802", 5), row(5, "戊局", "220802", null)];
    const ids = (r: RegionRow[]) => r.map((x) => x.agencyId);
    expect(ids(sortRegionRows(rows, ["newReceived"], "newReceived", "desc"))).toEqual([3, 4, 1, 2, 5]);
    expect(ids(sortRegionRows(rows, ["newReceived"], "newReceived", "asc"))).toEqual([4, 1, 3, 2, 5]);
    // by region code, then name in pinyin order: 丁 ding, 甲 jia, 戊 wu, 乙 yi
    expect(ids(sortRegionRows(rows, ["newReceived"], "agency", "asc"))).toEqual([3, 4, 2, 5, 1]);
    expect(ids(sortRegionRows(rows, ["newReceived"], "agency", "desc"))).toEqual([1, 5, 2, 4, 3]);
  });
});

describe("reports side by side", () => {
  it("accept two to four distinct ids", () => {
    expect(parseReportIds("3,1,3")).toEqual({ ok: true, ids: [3, 1] });
    expect(parseReportIds(["1", "2", "5"])).toEqual({ ok: true, ids: [1, 2, 5] });
    expect(parseReportIds("1")).toMatchObject({ ok: false });
    expect(parseReportIds("1,2,3,4,5")).toMatchObject({ ok: false });
    expect(parseReportIds("1,abc")).toMatchObject({ ok: false, message: expect.stringContaining("abc") });
    expect(parseReportIds(undefined)).toMatchObject({ ok: false });
  });

  it("show every cell for one version and only comparable rows across versions", () => {
    const a = { formatVersion: "2019" as const, cells: computeDerived("2019", validReport("2019")) };
    const b = { formatVersion: "2019" as const, cells: computeDerived("2019", {}) };
    const same = sideBySide([a, b]);
    expect(same.comparableOnly).toBe(false);
    expect(same.tables.map((t) => t.id)).toEqual(["active.art20_1", "active.art20_5", "active.art20_6", "active.art20_8", "active.art20_9", "requests", "reviewLitigation"]);
    const licensing = same.tables[1].rows.find((r) => r.key === "active.art20_5.licensing.decisions")!;
    expect(licensing.values).toEqual(["37103", ""]);
    expect(licensing.differs).toBe(true);
    expect(same.tables.find((t) => t.id === "requests")!.rows).toHaveLength(23);

    const c = { formatVersion: "2021" as const, cells: computeDerived("2021", { "requests.results.other.noFeePaid.natural": 2, "requests.results.other.other.natural": 1 }) };
    const mixed = sideBySide([a, c], "natural");
    expect(mixed.comparableOnly).toBe(true);
    expect(mixed.tables.map((t) => t.id)).toEqual(["active", "requests", "reviewLitigation"]);
    expect(mixed.tables[0].rows.map((r) => r.key)).toEqual([
      "active.art20_5.licensing.decisions",
      "active.art20_6.punishment.decisions",
      "active.art20_6.coercion.decisions",
    ]);
    const other = mixed.tables[1].rows.find((r) => r.key === "requests.results.other.natural")!;
    expect(other.values[1]).toBe("3");
    expect(other.label).toBe("（六）其他处理");
  });
});

describe("display", () => {
  it("shows rates with one decimal and — for no denominator, blanks as empty", () => {
    expect(formatRate(0.5)).toBe("50.0%");
    expect(formatRate(1 / 3)).toBe("33.3%");
    expect(formatRate(null)).toBe("—");
    expect(formatCount(null)).toBe("");
    expect(formatCount(0)).toBe("0");
  });
});
