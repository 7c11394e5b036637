// The one store of imported reports (CLI, clerk preview, bulk import) on the test database: nothing stored for an
// unreadable file, never over an existing report, never published, scope checked for every role.
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { makeWorld } from "@/test/db-fixtures";
import { computeDerived, leafKeys, validate } from "@/lib/format";
import { parseReport, type ImportResult } from "@/lib/import";
import { fileTooLarge } from "@/lib/import/within";
import { listImportAgencies, matchImportAgency, storeImportedReport, storeParsedReport } from "./import-draft";
import { listReviewQueue, publishReport } from "./review";
import { currentFilingYear } from "./queries/home";

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
let town: ImportResult;
beforeAll(async () => {
  w = await makeWorld();
  town = await parseReport({ buffer: readFileSync(path.resolve(__dirname, "../demo/samples/town-2022.txt")), filename: "town-2022.txt" });
}, 60_000);

const reportsOf = (agencyId: number) => w.db().report.count({ where: { agencyId } });
const withYear = (r: ImportResult, year: number): ImportResult => ({ ...r, year });

describe("storing imported reports", () => {
  it("stores nothing for a file that could not be read, is not a report, or names no year", async () => {
    const before = await reportsOf(w.gov.id);
    const garbage = await parseReport({ buffer: Buffer.from([0, 159, 146, 150, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0]) });
    const empty = await parseReport({ buffer: Buffer.alloc(0) });
    const notReport = await parseReport({ text: "关于召开安全生产会议的通知\n请各单位准时参加。" });
    for (const result of [garbage, empty, notReport, fileTooLarge(50 * 1024 * 1024)]) {
      const o = await storeParsedReport(w.admin, { agencyId: w.gov.id, file: "x", result, mode: "draft" });
      expect(o).toMatchObject({ ok: false, kind: "unreadable" });
      expect((o as { message: string }).message).toContain("未保存");
    }
    const noYear = await storeParsedReport(w.admin, { agencyId: w.gov.id, file: "x", result: { ...town, year: null }, mode: "draft" });
    expect(noYear).toMatchObject({ ok: false, kind: "unreadable" });
    expect(await reportsOf(w.gov.id)).toBe(before);
  });

  it("a clerk's import is a draft of their agency; a second import of the year overwrites nothing", async () => {
    const first = await storeParsedReport(w.clerk, { agencyId: w.dept.id, file: "town-2022.txt", result: town, mode: "draft" });
    expect(first).toMatchObject({ ok: true, status: "DRAFT", year: 2022 });
    if (!first.ok) throw new Error(first.message);
    const report = await w.db().report.findUniqueOrThrow({ where: { id: first.reportId }, include: { revisions: { include: { cells: true } } } });
    expect(report).toMatchObject({ agencyId: w.dept.id, status: "DRAFT", publishedRevisionId: null, firstPublishedAt: null, scope: "OWN", formatVersion: "2021" });
    expect(report.revisions.map((r) => r.state)).toEqual(["DRAFT"]);
    const cells = Object.fromEntries(report.revisions[0]!.cells.map((c) => [c.key, c.value === null ? null : Number(c.value)]));
    expect(cells["requests.newReceived.natural"]).toBe(town.cells["requests.newReceived.natural"]);
    // totals are computed by the store, not taken from anywhere else
    expect(cells["requests.newReceived.total"]).toBe(computeDerived("2021", town.cells)["requests.newReceived.total"]);
    const audit = await w.db().auditEvent.findMany({ where: { reportId: report.id } });
    expect(audit).toMatchObject([{ action: "IMPORTED", actorId: w.clerk.id, detail: { file: "town-2022.txt", mode: "draft", via: "web" } }]);

    const changed = { ...town, cells: { ...town.cells, "requests.newReceived.natural": 999 } };
    const again = await storeParsedReport(w.clerk, { agencyId: w.dept.id, file: "again.txt", result: changed, mode: "draft" });
    expect(again).toMatchObject({ ok: false, kind: "exists", reportId: first.reportId });
    const after = await w.db().cell.findFirstOrThrow({ where: { revisionId: report.revisions[0]!.id, key: "requests.newReceived.natural" } });
    expect(Number(after.value)).toBe(cells["requests.newReceived.natural"]);
    expect(await w.db().auditEvent.count({ where: { reportId: report.id } })).toBe(1);
  });

  it("never touches a published report of the same year", async () => {
    const published = await w.db().report.create({
      data: { agencyId: w.otherDept.id, year: 2021, formatVersion: "2021", scope: "OWN", status: "PUBLISHED", revisions: { create: { number: 1, state: "PUBLISHED", s1_overall: "原文" } } },
      include: { revisions: true },
    });
    const o = await storeParsedReport(w.supervisor, { agencyId: w.otherDept.id, file: "x", result: withYear(town, 2021), mode: "review" });
    expect(o).toMatchObject({ ok: false, kind: "exists", reportId: published.id });
    const now = await w.db().report.findUniqueOrThrow({ where: { id: published.id }, include: { revisions: true } });
    expect(now.status).toBe("PUBLISHED");
    expect(now.revisions).toEqual(published.revisions);
  });

  it("checks the caller's scope for every role, storing nothing on refusal", async () => {
    const before = await reportsOf(w.otherDept.id);
    const args = { agencyId: w.otherDept.id, file: "x", result: withYear(town, 2020) };
    expect(await storeParsedReport(w.clerk, { ...args, mode: "draft" })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await storeParsedReport(w.outsideSupervisor, { ...args, mode: "review" })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await storeParsedReport(w.otherClerk, { ...args, mode: "review" })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await storeParsedReport({ ...w.admin, banned: true }, { ...args, mode: "review" })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await storeParsedReport("cli", { ...args, mode: "review" })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await reportsOf(w.otherDept.id)).toBe(before);
    expect(await storeParsedReport(w.admin, { ...args, agencyId: 2_000_000_000, mode: "review" })).toMatchObject({ ok: false, kind: "notFound" });
  });

  it("bulk import puts a report without rule errors in the review queue; publishing is the supervisor's normal review", async () => {
    const o = await storeParsedReport(w.supervisor, { agencyId: w.gov.id, file: "town.txt", result: withYear(town, 2023), mode: "review" });
    expect(o).toMatchObject({ ok: true, status: "SUBMITTED" });
    if (!o.ok) throw new Error(o.message);
    const report = await w.db().report.findUniqueOrThrow({ where: { id: o.reportId }, include: { revisions: true } });
    expect(report).toMatchObject({ status: "SUBMITTED", publishedRevisionId: null, scope: "OWN" });
    expect(report.revisions[0]!.submittedAt).not.toBeNull();
    expect((await listReviewQueue(w.supervisor)).map((r) => r.report.id)).toContain(o.reportId);
    expect((await w.db().auditEvent.findMany({ where: { reportId: o.reportId }, orderBy: { id: "asc" } })).map((a) => a.action)).toEqual(["IMPORTED", "SUBMITTED"]);
    expect(await publishReport(w.supervisor, o.reportId, report.revisions[0]!.lockVersion)).toMatchObject({ ok: true });
  });

  it("bulk import of a report with a rule error makes a draft for the agency's clerk", async () => {
    const broken = { ...town, year: 2019, cells: { ...town.cells, "requests.results.granted.natural": (town.cells["requests.results.granted.natural"] ?? 0) + 50 } };
    expect(validate("2021", computeDerived("2021", broken.cells)).some((i) => i.severity === "error")).toBe(true);
    const o = await storeParsedReport(w.admin, { agencyId: w.gov.id, file: "broken.txt", result: broken, mode: "review" });
    expect(o).toMatchObject({ ok: true, status: "DRAFT" });
  });

  it("checks cells, sections and year with the form's schemas", async () => {
    const cells = Object.fromEntries(leafKeys("2021").map((k) => [k, 0]));
    const base = { agencyId: w.gov.id, year: 2020, formatVersion: "2021", scope: null, sections: { ...town.sections }, source: { file: "x", agencyName: null, problems: [] } };
    const bad = await storeImportedReport(w.admin, { ...base, cells: { ...cells, "requests.newReceived.natural": -3 } }, "draft");
    expect(bad).toMatchObject({ ok: false, kind: "invalid" });
    expect((bad as { fieldErrors: Record<string, string[]> }).fieldErrors["requests.newReceived.natural"]?.[0]).toMatch(/不能为负数/);
    const missing = await storeImportedReport(w.admin, { ...base, cells: { "requests.newReceived.natural": 1 } }, "draft");
    expect(missing).toMatchObject({ ok: false, kind: "invalid" });
    const nul = await storeImportedReport(w.admin, { ...base, cells, sections: { ...town.sections, s5_problems: "a\u0000b" } }, "draft");
    expect((nul as { fieldErrors: Record<string, string[]> }).fieldErrors.s5_problems).toBeDefined();
    const future = await storeImportedReport(w.admin, { ...base, cells, year: currentFilingYear() + 1 }, "draft");
    expect((future as { fieldErrors: Record<string, string[]> }).fieldErrors.year).toBeDefined();
    const noYear = await storeImportedReport(w.admin, { ...base, cells, year: undefined }, "draft");
    expect((noYear as { fieldErrors: Record<string, string[]> }).fieldErrors.year).toEqual(["请选择报告年度"]);
    expect(await w.db().report.count({ where: { agencyId: w.gov.id, year: 2020 } })).toBe(0);
  });

  it("offers and matches only agencies within the user's scope", async () => {
    expect((await listImportAgencies(w.supervisor)).map((a) => a.id).sort()).toEqual([w.gov.id, w.dept.id, w.otherDept.id].sort());
    expect((await listImportAgencies(w.clerk)).map((a) => a.id)).toEqual([w.dept.id]);
    expect((await listImportAgencies(w.outsideSupervisor)).map((a) => a.id)).not.toContain(w.dept.id);
    expect(await matchImportAgency(w.supervisor, w.dept.name)).toEqual({ id: w.dept.id, name: w.dept.name });
    expect(await matchImportAgency(w.outsideSupervisor, w.dept.name)).toBeNull();
    expect(await matchImportAgency(w.admin, w.otherDept.name)).toEqual({ id: w.otherDept.id, name: w.otherDept.name });
    // a report that names the county is its government's, not one of its departments'
    const place = w.county.name;
    const gov = await w.db().agency.create({ data: { name: `${place}人民政府`, kind: "GOVERNMENT", regionCode: w.county.code } });
    await w.db().agency.create({ data: { name: `${place}财政局`, kind: "DEPARTMENT", regionCode: w.county.code } });
    expect(await matchImportAgency(w.supervisor, place)).toEqual({ id: gov.id, name: gov.name });
    expect(await matchImportAgency(w.supervisor, `${place}局`)).toBeNull();
  });
});
