// The national plan and the streamed generator behind scripts/bench-data.ts.
import { describe, expect, it } from "vitest";
import { validate } from "../format";
import { buildRegionRows, RegionIndex } from "../regions/source";
import { DEMO_SEED, streamDemo, type DemoAgencyReports, type DemoReport } from "./generate";
import { agencyPlan, planAgencies, type DemoAgency } from "./plan";
import { loadSamples } from "./samples";
import { APPLICANT_COLUMNS } from "./series";

const ix = new RegionIndex(buildRegionRows({ withoutInitials: true }));
const samples = loadSamples();
const shown = (r: DemoReport) => r.revisions.find((x) => x.number === r.publishedRevisionNumber) ?? r.revisions[r.revisions.length - 1]!;

function take(n: number): DemoAgency[] {
  const out: DemoAgency[] = [];
  for (const a of agencyPlan(ix, DEMO_SEED, "national")) {
    out.push(a);
    if (out.length >= n) break;
  }
  return out;
}

describe("national agency plan", () => {
  const plan = take(3000);
  const byKey = new Map(plan.map((a) => [a.key, a]));

  it("starts with the sample places, then reaches every province and every level", () => {
    expect(plan[0]!.name).toBe("白城市洮北区人民政府");
    const provinces = new Set([...ix.byCode.values()].filter((r) => r.level === 1).map((r) => r.code));
    expect(provinces.size).toBe(31);
    // the first round gives every province its own government and departments
    const firstProvinceGovernments = plan.slice(0, 1500).filter((a) => a.kind === "GOVERNMENT" && a.level === 1);
    expect(new Set(firstProvinceGovernments.map((a) => a.regionCode))).toEqual(provinces);
    expect(new Set(plan.map((a) => a.regionCode.slice(0, 2)))).toEqual(provinces);
    const kinds = new Set(plan.map((a) => `${a.kind}/${a.level}`));
    for (const k of ["GOVERNMENT/1", "DEPARTMENT/1", "GOVERNMENT/2", "DEPARTMENT/2", "GOVERNMENT/3", "DEPARTMENT/3", "TOWNSHIP/4", "SUBDISTRICT/4"]) {
      expect(kinds, k).toContain(k);
    }
  });

  it("names provincial governments and departments the official way", () => {
    const names = new Set(plan.map((a) => a.name));
    for (const n of ["吉林省人民政府", "吉林省人民政府办公厅", "北京市人民政府", "内蒙古自治区人民政府", "广西壮族自治区人民政府办公厅"]) {
      expect(names, n).toContain(n);
    }
    const provincial = plan.filter((a) => a.level === 1 && a.kind === "DEPARTMENT" && !["11", "12", "31", "50"].includes(a.regionCode));
    expect(provincial.length).toBeGreaterThan(300);
    for (const a of provincial) {
      expect(a.name, a.name).toMatch(/(厅|委员会|局)$/);
      expect(a.name).not.toMatch(/城市管理/);
    }
  });

  it("puts every government before its departments and townships, once", () => {
    const seen = new Set<string>();
    for (const a of plan) {
      if (a.kind === "GOVERNMENT") expect(a.parentKey).toBeNull();
      else {
        expect(seen.has(a.parentKey!), a.name).toBe(true);
        expect(byKey.get(a.parentKey!)!.kind).toBe("GOVERNMENT");
      }
      expect(seen.has(a.key)).toBe(false);
      seen.add(a.key);
    }
    // the township agencies of a county are its real 乡镇 and 街道
    const township = plan.find((a) => a.kind === "TOWNSHIP" && a.level === 4)!;
    expect(ix.get(township.regionCode)!.level).toBe(4);
    expect(ix.get(township.regionCode)!.parentCode).toBe(township.jurisdictionCode);
  });

  it("is the same for the same seed and a prefix for a smaller count; another seed orders places differently", () => {
    expect(planAgencies(ix, 2500, DEMO_SEED, "national")).toEqual(plan.slice(0, 2500));
    const other = planAgencies(ix, 3000, 7, "national").map((a) => a.key);
    expect(other[0]).toBe(plan[0]!.key); // the sample places come first anyway
    expect(other).not.toEqual(plan.map((a) => a.key));
  });
});

describe("streamDemo", () => {
  const N = 1000;
  const items: DemoAgencyReports[] = [...streamDemo({ reports: N, samples })];
  const reports = items.flatMap((i) => i.reports);

  it("yields exactly N reports, agency by agency, each agency once with all its reports", () => {
    expect(reports).toHaveLength(N);
    const keys = items.map((i) => i.agency.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const i of items) {
      expect(i.reports.length).toBeGreaterThan(0);
      for (const r of i.reports) expect(r.agencyKey).toBe(i.agency.key);
      expect(i.agency.createdAt.getTime()).toBeLessThan(Math.min(...i.reports.map((r) => r.createdAt.getTime())));
    }
    // a government comes before the agencies under it
    const position = new Map(keys.map((k, n) => [k, n]));
    for (const i of items) if (i.agency.parentKey && position.has(i.agency.parentKey)) expect(position.get(i.agency.parentKey)!).toBeLessThan(position.get(i.agency.key)!);
    expect(reports.filter((r) => r.source === "sample")).toHaveLength(3);
    expect(new Set(items.map((i) => i.agency.regionCode.slice(0, 2))).size).toBeGreaterThan(3);
  });

  it("passes every rule, with carry-over from year to year, also for provincial governments", () => {
    let chained = 0;
    for (const i of items) {
      const byYear = new Map(i.reports.map((r) => [r.year, r]));
      for (const r of i.reports) {
        const prev = byYear.get(r.year - 1);
        const previous = prev ? { formatVersion: prev.formatVersion, cells: shown(prev).cells } : undefined;
        for (const rev of r.revisions) {
          expect(validate(r.formatVersion, rev.cells, { previous }).filter((x) => x.severity === "error"), `${r.agencyKey} ${r.year}`).toEqual([]);
        }
        if (!prev) continue;
        chained++;
        for (const c of [...APPLICANT_COLUMNS, "total"]) {
          const over = shown(r).cells[`requests.carriedOver.${c}`];
          if (over !== null && over !== undefined) expect(over).toBe(shown(prev).cells[`requests.carriedForward.${c}`]);
        }
        expect(validate(r.formatVersion, shown(r).cells, { previous })).toEqual([]);
      }
    }
    expect(chained).toBeGreaterThan(N / 2);
    const provincial = items.filter((i) => i.agency.kind === "GOVERNMENT" && i.agency.level === 1);
    expect(provincial.length).toBeGreaterThan(0);
    const received = (ks: DemoAgencyReports[]) => ks.flatMap((i) => i.reports.map((r) => shown(r).cells["requests.newReceived.total"] ?? 0));
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const counties = items.filter((i) => i.agency.kind === "GOVERNMENT" && i.agency.level === 3);
    expect(mean(received(provincial))).toBeGreaterThan(mean(received(counties)));
  });

  it("is deterministic, and a smaller run is a prefix of a larger one (its last agency cut short)", () => {
    const again = [...streamDemo({ reports: N, samples })];
    expect(again).toEqual(items);
    const small = [...streamDemo({ reports: 300, samples })];
    const smallReports = small.flatMap((i) => i.reports);
    expect(smallReports).toHaveLength(300);
    expect(smallReports).toEqual(reports.slice(0, 300));
    const last = small[small.length - 1]!;
    const full = items.find((i) => i.agency.key === last.agency.key)!;
    // cut from the end: the years kept are the agency's first ones
    expect(last.reports.map((r) => r.year)).toEqual(full.reports.slice(0, last.reports.length).map((r) => r.year));
  });

  it("yields nothing for 0 reports", () => {
    expect([...streamDemo({ reports: 0, samples })]).toEqual([]);
  });
});
