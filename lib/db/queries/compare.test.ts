import { beforeAll, describe, expect, it } from "vitest";
import { makeWorld } from "@/test/db-fixtures";
import { allKeys, computeDerived, type CellMap, type FormatVersion } from "@/lib/format";
import { validReport } from "@/lib/format/test-fixtures";
import { FIGURES, figureById, figureFromSeries } from "@/lib/compare";
import { Prisma } from "@/lib/generated/prisma/client";
import { agencyYearReports, publishedReportsWithCells, regionComparison } from "./compare";

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
beforeAll(async () => {
  w = await makeWorld();
}, 60_000);


async function writeRevision(reportId: number, number: number, state: "PUBLISHED" | "DRAFT", v: FormatVersion, leaves: CellMap) {
  const rev = await w.db().reportRevision.create({ data: { reportId, number, state, publishedAt: state === "PUBLISHED" ? new Date() : null } });
  const cells = computeDerived(v, leaves);
  await w.db().cell.createMany({
    data: allKeys(v).map((key) => ({ revisionId: rev.id, key, value: cells[key] == null ? null : new Prisma.Decimal(String(cells[key])) })),
  });
  return rev.id;
}

/** A report with revisions; the last PUBLISHED one is the public one. */
async function makeReport(agencyId: number, year: number, revisions: { state: "PUBLISHED" | "DRAFT"; cells: CellMap }[], opts: { v?: FormatVersion; scope?: "OWN" | "SUMMARY" } = {}) {
  const v = opts.v ?? (year >= 2021 ? "2021" : "2019");
  const published = revisions.some((r) => r.state === "PUBLISHED");
  const report = await w.db().report.create({
    data: { agencyId, year, formatVersion: v, scope: opts.scope ?? "OWN", status: revisions.at(-1)!.state, firstPublishedAt: published ? new Date() : null },
  });
  let pointer: number | null = null;
  for (const [i, r] of revisions.entries()) {
    const id = await writeRevision(report.id, i + 1, r.state, v, r.cells);
    if (r.state === "PUBLISHED") pointer = id;
  }
  if (pointer) await w.db().report.update({ where: { id: report.id }, data: { publishedRevisionId: pointer } });
  return report.id;
}

/** 2019 cells moved into the 2021 layout: （六）其他处理 split into its three items (and no active tables). */
function as2021(c19: CellMap): CellMap {
  const out: CellMap = {};
  for (const [k, v] of Object.entries(c19)) {
    if (k.startsWith("requests.results.other.")) {
      const col = k.split(".").pop()!;
      out[`requests.results.other.noCorrection.${col}`] = v;
      out[`requests.results.other.other.${col}`] = 1;
    } else if (k.startsWith("requests.") || k.startsWith("reviewLitigation.") || k.endsWith(".decisions")) out[k] = v;
  }
  return out;
}

/** This file's agencies (the county is our own; the filter only makes the intent explicit). */
const mine = <T extends { agencyId: number }>(rows: T[]) => rows.filter((r) => [w.gov.id, w.dept.id, w.otherDept.id].includes(r.agencyId));

describe("comparison queries", () => {
  const c19 = validReport("2019");
  let deptReport: number;
  let otherReport: number;
  let govReport: number;

  beforeAll(async () => {
    // dept: 2019 and 2020 published (2020 corrected: revision 2 is the public one), 2021 draft only
    await makeReport(w.dept.id, 2019, [{ state: "PUBLISHED", cells: { ...c19, "requests.newReceived.natural": 1 } }]);
    deptReport = await makeReport(w.dept.id, 2020, [
      { state: "PUBLISHED", cells: { ...c19, "requests.newReceived.natural": 900 } },
      { state: "PUBLISHED", cells: c19 },
    ]);
    await makeReport(w.dept.id, 2021, [{ state: "DRAFT", cells: { "requests.newReceived.natural": 777 } }]);
    // otherDept: an imported 2020 report in the 2021 format (mixed versions in one region-year)
    otherReport = await makeReport(w.otherDept.id, 2020, [{ state: "PUBLISHED", cells: as2021(c19) }], { v: "2021" });
    govReport = await makeReport(w.gov.id, 2020, [{ state: "PUBLISHED", cells: { "requests.newReceived.natural": 50, "reviewLitigation.review.upheld": 2 } }], { scope: "SUMMARY" });
  }, 60_000);

  it("reads an agency's published years with the cells the comparable series need", async () => {
    const data = await agencyYearReports(w.dept.id);
    expect(data!.agency.name).toBe(w.dept.name);
    expect(data!.reports.map((r) => [r.year, r.formatVersion])).toEqual([
      [2019, "2019"],
      [2020, "2019"],
    ]);
    const r2020 = data!.reports[1];
    const expected = computeDerived("2019", c19);
    for (const f of FIGURES) expect(figureFromSeries("2019", r2020.cells, f), f.id).toBe(figureFromSeries("2019", expected, f));
    expect(r2020.cells["active.art20_1.regulations.newlyMade"]).toBeUndefined(); // not comparable: not fetched
    expect(await agencyYearReports(99999999)).toBeNull();
  });

  it("compares every agency of the region for a year in one query, on the safe cross-version mappings", async () => {
    const figures = FIGURES;
    const res = await regionComparison(w.county.code, 2020, figures);
    const rows = mine(res.rows);
    expect(rows).toHaveLength(3);
    expect(res.agencies).toBe(3);
    expect(res.versions).toEqual({ "2019": 2, "2021": 1 });
    const byAgency = new Map(rows.map((r) => [r.agencyId, r]));
    const dept = byAgency.get(w.dept.id)!;
    const other = byAgency.get(w.otherDept.id)!;
    expect(dept.report).toEqual({ id: deptReport, formatVersion: "2019", scope: "OWN" });
    expect(other.report).toEqual({ id: otherReport, formatVersion: "2021", scope: "OWN" });
    const expected = computeDerived("2019", c19);
    figures.forEach((f, i) => {
      expect(dept.values[i], `dept ${f.id}`).toBe(figureFromSeries("2019", expected, f));
    });
    // the 2021-format report: （六）其他处理 is the sum of the three items (+1 per applicant column in "other")
    const oi = figures.findIndex((f) => f.id === "otherHandling");
    expect(other.values[oi]).toBe((dept.values[oi] ?? 0) + 6);
    const ni = figures.findIndex((f) => f.id === "newReceived");
    expect(other.values[ni]).toBe(dept.values[ni]);
    expect(dept.values[ni]).not.toBe(900); // the corrected revision 2 is the one compared

    const gov = byAgency.get(w.gov.id)!;
    expect(gov.report?.scope).toBe("SUMMARY");
    expect(gov.values[ni]).toBe(50);
    expect(gov.values[figures.findIndex((f) => f.id === "reviewCorrectionRate")]).toBe(0);
    expect(gov.values[figures.findIndex((f) => f.id === "litigationCorrectionRate")]).toBeNull();
    expect(gov.values[figures.findIndex((f) => f.id === "licensing")]).toBeNull(); // blank, not 0
  });

  it("lists agencies without a published report of the year, and filters by scope", async () => {
    const figs = [figureById("newReceived")!];
    const y2021 = mine((await regionComparison(w.county.code, 2021, figs)).rows);
    expect(y2021).toHaveLength(3);
    expect(y2021.every((r) => r.report === null && r.values[0] === null)).toBe(true); // the draft stays hidden
    const own = mine((await regionComparison(w.county.code, 2020, figs, "OWN")).rows);
    expect(own.map((r) => r.agencyId).sort()).toEqual([w.dept.id, w.otherDept.id].sort());
    const summary = await regionComparison(w.county.code, 2020, figs, "SUMMARY");
    expect(mine(summary.rows).map((r) => r.report?.id)).toEqual([govReport]);
    expect(summary.rows.every((r) => r.report?.scope === "SUMMARY")).toBe(true);
  });

  it("reads reports for side-by-side, published only, in the order asked", async () => {
    const drafts = await w.db().report.findFirst({ where: { agencyId: w.dept.id, year: 2021 } });
    const res = await publishedReportsWithCells([otherReport, deptReport, drafts!.id, 99999999]);
    expect(res.found.map((r) => r.id)).toEqual([otherReport, deptReport]);
    expect(res.missing).toEqual([drafts!.id, 99999999]);
    expect(res.found[1].cells["requests.newReceived.natural"]).toBe(c19["requests.newReceived.natural"]);
    expect(Object.keys(res.found[0].cells)).toHaveLength(allKeys("2021").length);
  });
});
