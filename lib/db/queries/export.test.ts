import { describe, it, expect, beforeAll } from "vitest";
import { makeWorld } from "@/test/db-fixtures";
import { allKeys, type CellMap } from "@/lib/format";
import { sampleReport } from "@/lib/export/test-report";
import { getExportRegion, getReportForExport, publishedReportBatches } from "./export";

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;

const district = sampleReport().cells;

/** A report with published (and maybe later unpublished) revisions, cells written directly as the data layer does. */
async function report(agencyId: number, year: number, revisions: { state: "PUBLISHED" | "DRAFT"; cells: CellMap; at?: Date }[]) {
  const v = year >= 2021 ? "2021" : "2019";
  const r = await w.db().report.create({ data: { agencyId, year, formatVersion: v, scope: "OWN", status: "DRAFT" } });
  let publishedId: number | null = null;
  let first: Date | null = null;
  for (const [i, rev] of revisions.entries()) {
    const at = rev.at ?? new Date(Date.UTC(year + 1, 0, 10 + i));
    const row = await w.db().reportRevision.create({
      data: { reportId: r.id, number: i + 1, state: rev.state, publishedAt: rev.state === "PUBLISHED" ? at : null, s1_overall: `第${i + 1}版总体情况` },
    });
    await w.db().cell.createMany({ data: Object.entries(rev.cells).map(([key, value]) => ({ revisionId: row.id, key, value: value === null ? null : String(value) })) });
    if (rev.state === "PUBLISHED") {
      publishedId = row.id;
      first ??= at;
    }
  }
  await w.db().report.update({ where: { id: r.id }, data: { publishedRevisionId: publishedId, firstPublishedAt: first, status: revisions.at(-1)!.state } });
  return r.id;
}

let ids: { gov: number; dept: number; draft: number; otherYear: number };

beforeAll(async () => {
  w = await makeWorld();
  const v1 = { ...district, "active.art20_9.centralProcurement.totalAmount": 31989283, "active.art20_5.licensing.decisions": 1 };
  const v2 = { ...district, "active.art20_9.centralProcurement.totalAmount": 1234.5678, "requests.newReceived.natural": null };
  ids = {
    gov: await report(w.gov.id, 2020, [{ state: "PUBLISHED", cells: district }]),
    dept: await report(w.dept.id, 2020, [{ state: "PUBLISHED", cells: v1 }, { state: "PUBLISHED", cells: v2 }, { state: "DRAFT", cells: {} }]),
    draft: await report(w.otherDept.id, 2020, [{ state: "DRAFT", cells: district }]),
    otherYear: await report(w.dept.id, 2019, [{ state: "PUBLISHED", cells: district }]),
  };
}, 120_000);

describe("report download data", () => {
  it("is the latest published revision, or an older published one by number", async () => {
    const latest = (await getReportForExport(ids.dept))!;
    expect([latest.revisionNumber, latest.isLatest, latest.sections.s1_overall]).toEqual([2, true, "第2版总体情况"]);
    expect(latest.cells["active.art20_9.centralProcurement.totalAmount"]).toBe(1234.5678);
    expect(latest.cells["requests.newReceived.natural"]).toBeNull();
    const older = (await getReportForExport(ids.dept, 1))!;
    expect([older.revisionNumber, older.isLatest, older.cells["active.art20_5.licensing.decisions"]]).toEqual([1, false, 1]);
    expect(latest.publishedAt).toEqual(older.publishedAt); // the first publication, whichever revision
  });

  it("is nothing for drafts, draft revisions and unknown reports", async () => {
    expect(await getReportForExport(ids.draft)).toBeNull();
    expect(await getReportForExport(ids.draft, 1)).toBeNull();
    expect(await getReportForExport(ids.dept, 3)).toBeNull(); // the correction in progress
    expect(await getReportForExport(ids.dept, 4)).toBeNull();
    expect(await getReportForExport(2_000_000_000)).toBeNull();
  });
});

describe("region rows", () => {
  it("knows regions by code", async () => {
    expect(await getExportRegion(w.county.code)).toMatchObject({ code: w.county.code });
    expect(await getExportRegion("000000")).toBeNull();
    expect(await getExportRegion("abc")).toBeNull();
  });

  it("pages through the year's published reports of the region and below by report id, exact decimals as text", async () => {
    const batches = [];
    for await (const b of publishedReportBatches(w.province.code, 2020, 1)) batches.push(b);
    const rows = batches.flat().filter((r) => r.regionCode === w.county.code);
    expect(batches.every((b) => b.length === 1)).toBe(true);
    expect(rows.map((r) => r.agencyId)).toEqual([w.gov.id, w.dept.id]);
    const [gov, dept] = rows as [(typeof rows)[0], (typeof rows)[0]];
    expect(gov).toMatchObject({ agency: w.gov.name, year: 2020, formatVersion: "2019", scope: "OWN" });
    expect(gov.cells.get("active.art20_9.centralProcurement.totalAmount")).toBe("31989283.0000");
    expect(gov.cells.get("active.art20_5.licensing.decisions")).toBe("37103.0000");
    expect(gov.cells.size).toBe(allKeys("2019").length);
    // the latest published revision, not the draft correction; a blank stays null
    expect(dept.cells.get("active.art20_9.centralProcurement.totalAmount")).toBe("1234.5678");
    expect(dept.cells.get("requests.newReceived.natural")).toBeNull();
  });

  it("gives the same rows whatever the batch size", async () => {
    const read = async (size: number) => {
      const out: number[] = [];
      for await (const b of publishedReportBatches(w.county.code, 2020, size)) out.push(...b.map((r) => r.agencyId));
      return out;
    };
    expect(await read(1)).toEqual(await read(250));
    expect(await read(2)).toEqual([w.gov.id, w.dept.id]);
  });

  it("is empty for a year without published reports", async () => {
    const batches = [];
    for await (const b of publishedReportBatches(w.county.code, 2023)) batches.push(b);
    expect(batches).toEqual([]);
  });
});
