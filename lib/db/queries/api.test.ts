// The API's cell queries on the database (this folder also runs on PostgreSQL in CI): exact numbers read as text,
// blank as null, key filters, and nothing unpublished. The route handlers are tested in app/api/v1/api.test.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { makeWorld } from "@/test/db-fixtures";
import { leafKeys, type CellMap } from "@/lib/format";
import { replaceCells } from "../revision-cells";
import { prismaSql } from "../sql";
import { getReportCells, listCells, listReports } from "./api";

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
let publishedId: number;
let draftId: number;

async function report(agencyId: number, year: number, published: boolean, values: CellMap) {
  const r = await w.db().report.create({ data: { agencyId, year, formatVersion: "2019", scope: "OWN", status: published ? "PUBLISHED" : "SUBMITTED", firstPublishedAt: published ? new Date() : null } });
  const rev = await w.db().reportRevision.create({ data: { reportId: r.id, number: 1, state: published ? "PUBLISHED" : "SUBMITTED", publishedAt: published ? new Date() : null } });
  const leaves: CellMap = { ...Object.fromEntries(leafKeys("2019").map((k) => [k, 0])), ...values };
  await w.db().$transaction((tx) => replaceCells(prismaSql(tx), rev.id, "2019", leaves));
  if (published) await w.db().report.update({ where: { id: r.id }, data: { publishedRevisionId: rev.id } });
  return r.id;
}

beforeAll(async () => {
  w = await makeWorld();
  publishedId = await report(w.dept.id, 2020, true, {
    "active.art20_9.centralProcurement.totalAmount": 123456789012.3456,
    "active.art20_5.licensing.decisions": 1_000_000_000_000,
    "active.art20_5.licensing.change": -3,
    "requests.newReceived.natural": null,
  });
  draftId = await report(w.otherDept.id, 2020, false, { "requests.newReceived.natural": 5 });
}, 60_000);

const KEYS = ["active.art20_9.centralProcurement.totalAmount", "active.art20_5.licensing.decisions", "active.art20_5.licensing.change", "requests.newReceived.natural", "active.art20_8.fees.amount"];

describe("API cell queries", () => {
  it("read numeric(20,4) exactly as JSON numbers, blank as null, keys of another format left out", async () => {
    const { data } = await getReportCells(publishedId, undefined, KEYS);
    expect(data.cells).toEqual({
      "active.art20_5.licensing.decisions": 1_000_000_000_000,
      "active.art20_5.licensing.change": -3,
      "active.art20_9.centralProcurement.totalAmount": 123456789012.3456,
      "requests.newReceived.natural": null,
    });
    expect(JSON.stringify(data.cells)).toContain('"active.art20_9.centralProcurement.totalAmount":123456789012.3456');
    expect(data.units).toEqual({ "active.art20_9.centralProcurement.totalAmount": "元" });
  });

  it("list only published reports, with the same cells", async () => {
    const base = { region: w.county.code, year: 2020, limit: 500 } as const;
    const cells = await listCells({ ...base, keys: KEYS });
    expect(cells.data.map((r) => r.report_id)).toContain(publishedId);
    expect(cells.data.map((r) => r.report_id)).not.toContain(draftId);
    expect(cells.data.find((r) => r.report_id === publishedId)!.cells["active.art20_9.centralProcurement.totalAmount"]).toBe(123456789012.3456);
    expect((await listReports(base)).data.map((r) => r.id)).not.toContain(draftId);
    await expect(getReportCells(draftId, undefined, undefined)).rejects.toMatchObject({ status: 404, code: "not_found" });
  });
});
