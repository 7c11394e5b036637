import { describe, expect, it } from "vitest";
import { formatForYear, leafKeys, validate } from "../format";
import type { CellMap } from "../format/types";
import { buildRegionRows, RegionIndex } from "../regions/source";
import { DEFAULT_AGENCY_COUNT, DEMO_LAST_YEAR, DEMO_SEED, generateDemo, type DemoDataset, type DemoReport } from "./generate";
import { planAgencies } from "./plan";
import { quotedReceived } from "./narrative";
import { loadSamples } from "./samples";
import { APPLICANT_COLUMNS } from "./series";
import { DEMO_AS_OF, deadlineFor } from "./timeline";

const samples = loadSamples();
const ds = generateDemo({ agencies: 160, samples });
const agencyOf = new Map(ds.agencies.map((a) => [a.key, a]));

/** the revision the public sees (latest published), or the working one when nothing is published */
const shown = (r: DemoReport) => r.revisions.find((x) => x.number === r.publishedRevisionNumber) ?? r.revisions[r.revisions.length - 1]!;

function byAgency(d: DemoDataset): Map<string, Map<number, DemoReport>> {
  const m = new Map<string, Map<number, DemoReport>>();
  for (const r of d.reports) {
    const inner = m.get(r.agencyKey) ?? new Map<number, DemoReport>();
    inner.set(r.year, r);
    m.set(r.agencyKey, inner);
  }
  return m;
}

describe("generateDemo", () => {
  it("makes the requested number of agencies in several provinces, with governments, departments and townships", () => {
    expect(ds.agencies.length).toBe(160);
    const kinds = new Set(ds.agencies.map((a) => a.kind));
    expect([...kinds].sort()).toEqual(["DEPARTMENT", "GOVERNMENT", "SUBDISTRICT", "TOWNSHIP"]);
    expect(new Set(ds.agencies.map((a) => a.regionCode.slice(0, 2)))).toEqual(new Set(["22", "23", "42"]));
    // the default run reaches 吉林, 黑龙江, 湖北 (with 仙桃, a province-administered city), 北京 (a district of a
    // municipality) and 浙江
    const plan = planAgencies(new RegionIndex(buildRegionRows({ withoutInitials: true })), DEFAULT_AGENCY_COUNT, DEMO_SEED);
    expect(new Set(plan.map((a) => a.regionCode.slice(0, 2)))).toEqual(new Set(["22", "23", "42", "11", "33"]));
    expect(plan.map((a) => a.name)).toEqual(expect.arrayContaining(["仙桃市人民政府", "北京市东城区人民政府", "长兴县人民政府", "大兴安岭地区教育局"]));
    const names = ds.agencies.map((a) => a.name);
    for (const n of ["白城市洮北区人民政府", "洮北区教育局", "大兴安岭地区行政公署", "友谊县人民政府", "友谊县友谊镇人民政府", "洮北区海明街道办事处"]) {
      expect(names).toContain(n);
    }
    // every non-government agency hangs under its government
    for (const a of ds.agencies) {
      if (a.kind === "GOVERNMENT") expect(a.parentKey).toBeNull();
      else expect(agencyOf.get(a.parentKey!)?.kind, a.name).toBe("GOVERNMENT");
    }
    expect(new Set(ds.agencies.map((a) => a.key)).size).toBe(ds.agencies.length);
  });

  it("passes every rule of the format engine, and carry-over holds year to year", () => {
    let compared = 0;
    for (const [, years] of byAgency(ds)) {
      for (const [year, r] of years) {
        expect(r.formatVersion).toBe(formatForYear(year));
        const prev = years.get(year - 1);
        const previous = prev ? { formatVersion: prev.formatVersion, cells: shown(prev).cells } : undefined;
        for (const rev of r.revisions) {
          const issues = validate(r.formatVersion, rev.cells, { previous });
          expect(issues.filter((i) => i.severity === "error"), `${r.agencyKey} ${year}`).toEqual([]);
        }
        const cells = shown(r).cells;
        if (prev) {
          const before = shown(prev).cells;
          for (const c of [...APPLICANT_COLUMNS, "total"]) {
            const over = cells[`requests.carriedOver.${c}`];
            if (over === null || over === undefined) continue;
            expect(over, `${r.agencyKey} ${year} ${c}`).toBe(before[`requests.carriedForward.${c}`]);
          }
          compared++;
          if (r.formatVersion === "2019" && prev.formatVersion === "2019") {
            for (const row of ["art20_5.licensing", "art20_5.otherServices", "art20_6.punishment", "art20_6.coercion", "art20_8.fees"]) {
              expect(cells[`active.${row}.prevYearItems`]).toBe((before[`active.${row}.prevYearItems`] ?? 0) + (before[`active.${row}.change`] ?? 0));
            }
          }
          // no warning either: the cross-year plausibility rules hold too
          expect(validate(r.formatVersion, cells, { previous: { formatVersion: prev.formatVersion, cells: before } })).toEqual([]);
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it("files OWN reports for agencies and SUMMARY reports for governments, with plausible magnitudes", () => {
    for (const r of ds.reports) {
      const a = agencyOf.get(r.agencyKey)!;
      expect(r.scope, a.name).toBe(a.kind === "GOVERNMENT" ? "SUMMARY" : "OWN");
      const received = shown(r).cells["requests.newReceived.total"] ?? 0;
      if (a.kind !== "GOVERNMENT") expect(received, a.name).toBeLessThanOrEqual(60);
    }
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
    const received = (kind: string) =>
      ds.reports.filter((r) => r.source === "generated" && agencyOf.get(r.agencyKey)!.kind === kind).map((r) => shown(r).cells["requests.newReceived.total"] ?? 0);
    expect(mean(received("GOVERNMENT"))).toBeGreaterThan(mean(received("DEPARTMENT")));
    expect(mean(received("DEPARTMENT"))).toBeGreaterThan(mean(received("TOWNSHIP")));
    // most outcomes are 予以公开 or 不掌握
    let granted = 0;
    let all = 0;
    for (const r of ds.reports) {
      const c = shown(r).cells;
      granted += (c["requests.results.granted.total"] ?? 0) + (c["requests.results.unable.notHeld.total"] ?? 0);
      all += c["requests.results.total.total"] ?? 0;
    }
    expect(granted / all).toBeGreaterThan(0.55);
    // occasional 复议 and 诉讼
    const withReview = ds.reports.filter((r) => (shown(r).cells["reviewLitigation.review.total"] ?? 0) > 0).length;
    expect(withReview).toBeGreaterThan(0);
    expect(withReview / ds.reports.length).toBeLessThan(0.3);
  });

  it("includes the three sample reports as given and builds the other years around them", () => {
    const reports = byAgency(ds);
    for (const s of samples) {
      const key = `${s.agency.regionCode}:${s.agency.name}`;
      const r = reports.get(key)?.get(s.year);
      expect(r?.source, key).toBe("sample");
      expect(r!.status).toBe("PUBLISHED");
      expect(r!.revisions).toHaveLength(1);
      expect(r!.revisions[0]!.cells).toEqual(s.cells);
      expect(r!.revisions[0]!.sections).toEqual(s.sections);
      expect(r!.firstPublishedAt).toEqual(s.publishedAt);
      expect(ds.reports.filter((x) => x.agencyKey === key && x.year === s.year)).toHaveLength(1);
      // its other years exist and lead into / continue from the sample
      const before = reports.get(key)!.get(s.year - 1);
      const after = reports.get(key)!.get(s.year + 1);
      expect(before ?? after).toBeDefined();
      if (before) expect(shown(before).cells["requests.carriedForward.total"]).toBe(s.cells["requests.carriedOver.total"]);
      if (after) expect(shown(after).cells["requests.carriedOver.total"]).toBe(s.cells["requests.carriedForward.total"]);
    }
    const district = reports.get("220802:白城市洮北区人民政府")!;
    expect(district.get(2019)).toBeDefined();
    expect(shown(district.get(2019)!).cells["active.art20_5.licensing.prevYearItems"]! + shown(district.get(2019)!).cells["active.art20_5.licensing.change"]!).toBe(107);
    expect(samples.find((s) => s.file === "district-2020.txt")!.sections.s1_overall.startsWith("(一)加强权力配置信息公开方面")).toBe(true);
  });

  it("has past years mostly published around the deadline and a mix of states in the latest year", () => {
    const past = ds.reports.filter((r) => r.year < DEMO_LAST_YEAR);
    expect(past.filter((r) => r.status === "PUBLISHED").length / past.length).toBeGreaterThan(0.97);
    const latest = ds.reports.filter((r) => r.year === DEMO_LAST_YEAR);
    expect(new Set(latest.map((r) => r.status))).toEqual(new Set(["DRAFT", "SUBMITTED", "RETURNED", "PUBLISHED"]));
    let onTime = 0;
    let late = 0;
    for (const r of ds.reports) {
      if (!r.firstPublishedAt) continue;
      expect(r.firstPublishedAt.getTime()).toBeLessThanOrEqual(DEMO_AS_OF.getTime());
      if (r.firstPublishedAt <= deadlineFor(r.scope, r.year)) onTime++;
      else late++;
    }
    expect(onTime / (onTime + late)).toBeGreaterThan(0.75);
    expect(late).toBeGreaterThan(0);
    // some agencies skipped years
    const counts = [...byAgency(ds).values()].map((m) => m.size);
    expect(Math.min(...counts)).toBeLessThan(DEMO_LAST_YEAR - 2019 + 1);
  });

  it("keeps revisions, states, pointers and the audit trail consistent", () => {
    let corrections = 0;
    for (const r of ds.reports) {
      expect(r.revisions.map((x) => x.number)).toEqual(r.revisions.map((_, i) => i + 1));
      const latest = r.revisions[r.revisions.length - 1]!;
      expect(r.status).toBe(latest.state);
      const published = r.revisions.filter((x) => x.state === "PUBLISHED");
      expect(r.publishedRevisionNumber).toBe(published.length ? published[published.length - 1]!.number : null);
      expect(r.firstPublishedAt).toEqual(published[0]?.publishedAt ?? null);
      for (const rev of r.revisions) {
        expect(rev.createdAt.getTime()).toBeLessThanOrEqual(rev.updatedAt.getTime());
        expect(rev.updatedAt.getTime()).toBeLessThanOrEqual(DEMO_AS_OF.getTime());
        if (rev.state === "PUBLISHED") expect(rev.publishedAt).not.toBeNull();
        else expect(rev.publishedAt).toBeNull();
        if (rev.number > 1) {
          expect(rev.reason).toMatch(/更正/);
          corrections++;
        } else expect(rev.reason).toBeNull();
        if (rev.submittedAt && rev.publishedAt) expect(rev.submittedAt.getTime()).toBeLessThanOrEqual(rev.publishedAt.getTime());
      }
      const actions = r.audit.map((e) => e.action);
      if (r.source === "generated") expect(actions[0]).toBe("CREATED");
      if (r.publishedRevisionNumber) expect(actions).toContain("PUBLISHED");
      if (r.revisions.some((x) => x.submittedAt)) expect(actions).toContain(r.source === "sample" ? "IMPORTED" : "SUBMITTED");
      const times = r.audit.filter((e) => e.revisionNumber === 1).map((e) => e.at.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    expect(corrections).toBeGreaterThan(0);
  });

  it("writes narratives that quote the report's numbers", () => {
    let checked = 0;
    for (const r of ds.reports) {
      if (r.source !== "generated") continue;
      const rev = shown(r);
      const n = quotedReceived(rev.sections);
      if (n === null) continue;
      expect(n).toBe(rev.cells["requests.newReceived.total"]);
      checked++;
      expect(rev.sections.s1_overall).toContain(`${r.year}年`);
    }
    expect(checked).toBeGreaterThan(300);
    const texts = new Set(ds.reports.map((r) => shown(r).sections.s1_overall));
    expect(texts.size).toBe(ds.reports.length); // no two reports read the same
  });

  it("fills every leaf cell of filed reports (drafts of the latest year may have blanks)", () => {
    for (const r of ds.reports) {
      for (const rev of r.revisions) {
        const blanks = leafKeys(r.formatVersion).filter((k) => rev.cells[k] === null || rev.cells[k] === undefined);
        if (rev.state === "DRAFT" && r.year === DEMO_LAST_YEAR) continue;
        expect(blanks, `${r.agencyKey} ${r.year}`).toEqual([]);
      }
    }
  });

  it("is deterministic: the same seed gives the same data, a smaller run is a prefix of a larger one", () => {
    const again = generateDemo({ agencies: 160, samples });
    expect(again).toEqual(ds);
    const other = generateDemo({ agencies: 160, samples, seed: 7 });
    expect(other.reports.map((r) => shown(r).cells)).not.toEqual(ds.reports.map((r) => shown(r).cells));
    const small = generateDemo({ agencies: 60, samples });
    const keys = new Set(small.agencies.map((a) => a.key));
    const fromLarge = ds.reports.filter((r) => keys.has(r.agencyKey));
    const cellsOf = (rs: DemoReport[]) => new Map(rs.map((r) => [`${r.agencyKey}/${r.year}`, shown(r).cells as CellMap]));
    expect(cellsOf(small.reports)).toEqual(cellsOf(fromLarge));
  });

  it("always includes the sample agencies, even in a tiny run", () => {
    const tiny = generateDemo({ agencies: 2, samples });
    expect(tiny.agencies.map((a) => a.name)).toEqual(
      expect.arrayContaining(["白城市洮北区人民政府", "大兴安岭地区行政公署", "友谊县友谊镇人民政府"]),
    );
    expect(tiny.reports.filter((r) => r.source === "sample")).toHaveLength(3);
  });
});
