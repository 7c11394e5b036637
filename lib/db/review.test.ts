import { describe, it, expect, beforeAll } from "vitest";
import { makeWorld } from "@/test/db-fixtures";
import { leafKeys, type CellMap } from "@/lib/format";
import { saveDraft, startReport, submitReport } from "./reports";
import { listReviewQueue, publishReport, returnReport, startCorrection } from "./review";
import { filingStatus, rollUp } from "./queries/oversight";

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
beforeAll(async () => {
  w = await makeWorld();
}, 60_000);

const sections = { s1_overall: "总体", s2_active: "", s3_requests: "", s4_reviewLitigation: "", s5_problems: "", s6_other: "" };
const cellsWith = (v: "2019" | "2021", extra: CellMap = {}): CellMap => ({ ...Object.fromEntries(leafKeys(v).map((k) => [k, 0])), ...extra });

async function submitted(year: number, extra: CellMap = {}) {
  const r = await startReport(w.clerk, w.dept.id, year);
  if (!r.ok) throw new Error("start");
  const rev = await w.db().reportRevision.findFirstOrThrow({ where: { reportId: r.reportId }, orderBy: { number: "desc" } });
  const s = await submitReport(w.clerk, { reportId: r.reportId, lockVersion: rev.lockVersion, cells: cellsWith(year >= 2021 ? "2021" : "2019", extra), sections, explanations: {} });
  if (!s.ok) throw new Error(JSON.stringify(s));
  const after = await w.db().reportRevision.findFirstOrThrow({ where: { reportId: r.reportId }, orderBy: { number: "desc" } });
  return { reportId: r.reportId, lockVersion: after.lockVersion };
}

describe("supervisor decisions", () => {
  it("shows a submission only to supervisors of its region", async () => {
    const { reportId } = await submitted(2023);
    expect((await listReviewQueue(w.supervisor)).map((q) => q.report.id)).toContain(reportId);
    expect((await listReviewQueue(w.outsideSupervisor)).map((q) => q.report.id)).not.toContain(reportId);
    expect(await listReviewQueue(w.clerk)).toEqual([]);
  });

  it("refuses outsiders and clerks, and an empty return comment, changing nothing", async () => {
    const { reportId, lockVersion } = await submitted(2022);
    expect(await publishReport(w.outsideSupervisor, reportId, lockVersion)).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await publishReport(w.clerk, reportId, lockVersion)).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await returnReport(w.outsideSupervisor, reportId, lockVersion, { overall: "x", sections: {} })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await returnReport(w.supervisor, reportId, lockVersion, { overall: "  ", sections: { s1_overall: "" } })).toMatchObject({ ok: false, kind: "invalid" });
    expect(await startCorrection(w.outsideSupervisor, reportId, "想改一下这个报告")).toMatchObject({ ok: false, kind: "forbidden" });
    const report = await w.db().report.findUniqueOrThrow({ where: { id: reportId } });
    expect(report.status).toBe("SUBMITTED");
    expect(await w.db().reviewComment.count({ where: { revision: { reportId } } })).toBe(0);
  });

  it("lets exactly one of two simultaneous decisions through", async () => {
    const { reportId, lockVersion } = await submitted(2021);
    const results = await Promise.all([
      publishReport(w.supervisor, reportId, lockVersion),
      returnReport(w.admin, reportId, lockVersion, { overall: "请修改", sections: {} }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.kind === "stale")).toHaveLength(1);
    const events = await w.db().auditEvent.findMany({ where: { reportId, action: { in: ["PUBLISHED", "RETURNED"] } } });
    expect(events).toHaveLength(1);
  });

  it("returns with comments per round, publishes, and corrects through a new reviewed revision", async () => {
    const first = await submitted(2020, { "requests.newReceived.natural": 3, "requests.results.granted.natural": 3 });
    expect(await returnReport(w.supervisor, first.reportId, first.lockVersion, { overall: "请补充说明", sections: { s1_overall: "总体情况过简" } })).toMatchObject({ ok: true });
    const comments = await w.db().reviewComment.findMany({ where: { revision: { reportId: first.reportId } }, orderBy: { id: "asc" } });
    expect(comments.map((c) => [c.section, c.body, c.round])).toEqual([
      [null, "请补充说明", 1],
      ["s1_overall", "总体情况过简", 1],
    ]);
    const again = await submitted(2020, { "requests.newReceived.natural": 3, "requests.results.granted.natural": 3 });
    expect(await publishReport(w.supervisor, again.reportId, again.lockVersion)).toMatchObject({ ok: true });
    const published = await w.db().report.findUniqueOrThrow({ where: { id: again.reportId }, include: { publishedRevision: true } });
    expect(published.status).toBe("PUBLISHED");
    expect(published.publishedRevision?.number).toBe(1);
    expect(published.firstPublishedAt).not.toBeNull();

    expect(await startCorrection(w.clerk, again.reportId, "短")).toMatchObject({ ok: false, kind: "invalid" });
    expect(await startCorrection(w.clerk, again.reportId, "新收申请数有误")).toMatchObject({ ok: true, revisionNumber: 2 });
    // While the correction is open, the public pointer still names revision 1.
    expect((await w.db().report.findUniqueOrThrow({ where: { id: again.reportId } })).publishedRevisionId).toBe(published.publishedRevisionId);
    const fixed = await submitted(2020, { "requests.newReceived.natural": 4, "requests.results.granted.natural": 4 });
    expect(await publishReport(w.supervisor, fixed.reportId, fixed.lockVersion)).toMatchObject({ ok: true });
    const after = await w.db().report.findUniqueOrThrow({ where: { id: again.reportId }, include: { publishedRevision: true } });
    expect(after.publishedRevision?.number).toBe(2);
    expect(after.firstPublishedAt).toEqual(published.firstPublishedAt);
    const v1 = await w.db().cell.findUniqueOrThrow({ where: { revisionId_key: { revisionId: published.publishedRevisionId!, key: "requests.newReceived.natural" } } });
    expect(v1.value?.toString()).toBe("3");
    const actions = (await w.db().auditEvent.findMany({ where: { reportId: again.reportId }, orderBy: { id: "asc" } })).map((a) => a.action);
    // The resubmission after the return changed nothing, so it left no SAVED event.
    expect(actions).toEqual(["CREATED", "SAVED", "SUBMITTED", "RETURNED", "SUBMITTED", "PUBLISHED", "CORRECTION_STARTED", "SAVED", "SUBMITTED", "PUBLISHED"]);
  });

  it("sums published own reports of the region in SQL and lists who is missing", async () => {
    const year = 2024;
    const a = await submitted(year, { "requests.newReceived.natural": 2, "requests.results.granted.natural": 2, "active.art20_8.fees.amount": 1.25 });
    await publishReport(w.supervisor, a.reportId, a.lockVersion);
    const r = await rollUp(w.county.code, year);
    expect(r.cells["requests.newReceived.natural"]).toBe(2);
    expect(r.cells["requests.newReceived.total"]).toBe(2);
    expect(r.cells["active.art20_8.fees.amount"]).toBe(1.25);
    expect(r.included.map((i) => i.agencyId)).toEqual([w.dept.id]);
    expect(r.missing.map((m) => m.agencyId)).toEqual([w.otherDept.id]);
    const status = await filingStatus(w.county.code, year, new Date("2030-01-01"));
    const byAgency = Object.fromEntries(status.map((s) => [s.agencyId, s]));
    expect(byAgency[w.dept.id]).toMatchObject({ state: "PUBLISHED" });
    expect(byAgency[w.otherDept.id]).toMatchObject({ state: "NONE", overdue: true, onTime: false });
  });
});
