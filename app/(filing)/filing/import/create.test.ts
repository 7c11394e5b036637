// 「创建草稿」 of the clerk's import preview: the clerk's own agency only, whatever the page sends; the corrected cells
// and the chosen year are checked again; an existing report is named, never overwritten.
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { makeWorld } from "@/test/db-fixtures";
import { leafKeys } from "@/lib/format";
import { parseReport, type ImportResult } from "@/lib/import";
import { createFromForm } from "./create";

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
let town: ImportResult;
beforeAll(async () => {
  w = await makeWorld();
  town = await parseReport({ buffer: readFileSync(path.resolve(__dirname, "../../../../lib/demo/samples/town-2022.txt")) });
}, 60_000);

function form(year: string, edit: Record<string, number | null> = {}, extra: Record<string, unknown> = {}) {
  const cells = Object.fromEntries(leafKeys("2021").map((k) => [k, town.cells[k] ?? null]));
  const fd = new FormData();
  fd.set("year", year);
  fd.set(
    "payload",
    JSON.stringify({ formatVersion: "2021", scope: "OWN", cells: { ...cells, ...edit }, sections: town.sections, source: { file: "town.txt", agencyName: town.agencyName, problems: [] }, ...extra }),
  );
  return fd;
}

describe("creating a draft from the import preview", () => {
  it("creates the clerk's own draft with the corrected cells, ignoring any agency the page names", async () => {
    const r = await createFromForm(w.clerk, form("2022", { "requests.carriedOver.natural": 4 }, { agencyId: w.otherDept.id }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const report = await w.db().report.findUniqueOrThrow({ where: { id: r.reportId }, include: { revisions: { include: { cells: true } } } });
    expect(report).toMatchObject({ agencyId: w.dept.id, year: 2022, status: "DRAFT" });
    expect(Number(report.revisions[0]!.cells.find((c) => c.key === "requests.carriedOver.natural")!.value)).toBe(4);
  });

  it("names the existing report instead of overwriting it", async () => {
    const r = await createFromForm(w.clerk, form("2022", { "requests.carriedOver.natural": 9 }));
    expect(r).toMatchObject({ ok: false, state: { existingReportId: expect.any(Number), message: expect.stringContaining("未保存") } });
  });

  it("returns every field error: year missing, a bad cell; nothing stored", async () => {
    const noYear = await createFromForm(w.clerk, form("", {}));
    expect(noYear).toMatchObject({ ok: false, state: { fieldErrors: { year: ["请选择报告年度"] } } });
    const badCell = await createFromForm(w.clerk, form("2020", { "requests.newReceived.natural": 1.5 }));
    expect(badCell).toMatchObject({ ok: false, state: { fieldErrors: { "requests.newReceived.natural": [expect.stringContaining("应为整数")] } } });
    const junk = new FormData();
    junk.set("payload", "{not json");
    expect(await createFromForm(w.clerk, junk)).toMatchObject({ ok: false, state: { fieldErrors: { form: expect.any(Array) } } });
    expect(await w.db().report.count({ where: { agencyId: w.dept.id, year: 2020 } })).toBe(0);
  });

  it("refuses anyone but a clerk with an agency", async () => {
    expect(await createFromForm(null, form("2019"))).toMatchObject({ ok: false });
    expect(await createFromForm(w.supervisor, form("2019"))).toMatchObject({ ok: false, state: { message: expect.stringContaining("批量导入") } });
    expect(await createFromForm(w.admin, form("2019"))).toMatchObject({ ok: false });
    expect(await w.db().report.count({ where: { year: 2019, agencyId: { in: [w.dept.id, w.gov.id, w.otherDept.id] } } })).toBe(0);
  });
});
