import { describe, it, expect, beforeAll } from "vitest";
import pg from "pg";
import { makeWorld } from "@/test/db-fixtures";
import { leafKeys, type CellMap } from "@/lib/format";
import { getWorkingReport, saveDraft, startReport, startSummaryFromRollUp, submitReport } from "./reports";

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
beforeAll(async () => {
  w = await makeWorld();
}, 60_000);

const emptySections = { s1_overall: "", s2_active: "", s3_requests: "", s4_reviewLitigation: "", s5_problems: "", s6_other: "" };

function zeros(version: "2019" | "2021"): CellMap {
  return Object.fromEntries(leafKeys(version).map((k) => [k, 0]));
}

async function publishedReport(agencyId: number, year: number, cells: CellMap, actor = w.clerk) {
  // Last year's report as the supervisor would have published it (publishing is another module's job).
  const r = await startReport(actor, agencyId, year);
  if (!r.ok) throw new Error("start failed");
  const rev = await w.db().reportRevision.findFirstOrThrow({ where: { reportId: r.reportId } });
  const saved = await saveDraft(actor, { reportId: r.reportId, lockVersion: rev.lockVersion, cells, sections: emptySections, explanations: {} });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  await w.db().reportRevision.update({ where: { id: rev.id }, data: { state: "PUBLISHED", publishedAt: new Date() } });
  await w.db().report.update({ where: { id: r.reportId }, data: { status: "PUBLISHED", publishedRevisionId: rev.id, firstPublishedAt: new Date() } });
  return r.reportId;
}

describe("report working copy on the database", () => {
  it("starts a report in its year's format, pre-filled from last year's carry-over", async () => {
    const last = zeros("2021");
    Object.assign(last, { "requests.newReceived.natural": 5, "requests.results.granted.natural": 2, "requests.carriedForward.natural": 3 });
    await publishedReport(w.dept.id, 2023, last);
    const started = await startReport(w.clerk, w.dept.id, 2024);
    expect(started).toMatchObject({ ok: true, created: true });
    if (!started.ok) return;
    const working = await getWorkingReport(w.clerk, started.reportId);
    if (!working || working === "forbidden") throw new Error("not readable");
    expect(working.report.formatVersion).toBe("2021");
    expect(working.cells["requests.carriedOver.natural"]).toBe(3);
    expect(working.cells["requests.carriedOver.total"]).toBe(3);
    expect(working.cells["requests.newReceived.natural"]).toBeNull();
    expect(working.revision.prefilled).toContain("requests.carriedOver.natural");
    // Starting again opens the same report rather than a second one.
    expect(await startReport(w.clerk, w.dept.id, 2024)).toMatchObject({ ok: true, reportId: started.reportId, created: false });
  });

  it("keeps blank distinct from 0 and money exact to four places", async () => {
    const r = await startReport(w.clerk, w.dept.id, 2020);
    if (!r.ok) throw new Error();
    const cells: CellMap = Object.fromEntries(leafKeys("2019").map((k) => [k, null]));
    cells["active.art20_9.centralProcurement.totalAmount"] = 31989283.1234;
    cells["requests.newReceived.natural"] = 0;
    const rev = await w.db().reportRevision.findFirstOrThrow({ where: { reportId: r.reportId } });
    const saved = await saveDraft(w.clerk, { reportId: r.reportId, lockVersion: rev.lockVersion, cells, sections: emptySections, explanations: {} });
    expect(saved.ok).toBe(true);
    const raw = await w.db().cell.findMany({ where: { revisionId: rev.id, key: { in: ["active.art20_9.centralProcurement.totalAmount", "requests.newReceived.natural", "requests.newReceived.commercial", "requests.newReceived.total"] } } });
    const byKey = Object.fromEntries(raw.map((c) => [c.key, c.value?.toString() ?? null]));
    expect(byKey).toEqual({
      "active.art20_9.centralProcurement.totalAmount": "31989283.1234",
      "requests.newReceived.natural": "0",
      "requests.newReceived.commercial": null,
      "requests.newReceived.total": "0",
    });
    const sum = await w.db().$queryRaw<{ s: string }[]>`SELECT sum(value)::text AS s FROM "Cell" WHERE "revisionId" = ${rev.id} AND key LIKE 'active.art20_9.%'`;
    expect(sum[0]!.s).toBe("31989283.1234");
  });

  it("lets exactly one of two saves from the same version win; the other gets the winner's copy", async () => {
    const r = await startReport(w.clerk, w.dept.id, 2022);
    if (!r.ok) throw new Error();
    const rev = await w.db().reportRevision.findFirstOrThrow({ where: { reportId: r.reportId } });
    const mine = { ...zeros("2021"), "requests.newReceived.natural": 1 };
    const theirs = { ...zeros("2021"), "requests.newReceived.natural": 2 };
    const [a, b] = await Promise.all([
      saveDraft(w.clerk, { reportId: r.reportId, lockVersion: rev.lockVersion, cells: mine, sections: emptySections, explanations: {} }),
      saveDraft(w.clerk, { reportId: r.reportId, lockVersion: rev.lockVersion, cells: theirs, sections: { ...emptySections, s1_overall: "对方" }, explanations: {} }),
    ]);
    const wins = [a, b].filter((x) => x.ok);
    const conflicts = [a, b].filter((x) => !x.ok && x.kind === "conflict");
    expect(wins).toHaveLength(1);
    expect(conflicts).toHaveLength(1);
    const conflict = conflicts[0]!;
    if (conflict.ok || conflict.kind !== "conflict") throw new Error();
    const winnerValue = a.ok ? 1 : 2;
    expect(conflict.current.cells["requests.newReceived.natural"]).toBe(winnerValue);
    expect(conflict.current.lockVersion).toBe(rev.lockVersion + 1);
  });

  it("makes a save that waited for another writer's row lock a conflict, never a write over its changes", async () => {
    const r = await startReport(w.otherClerk, w.otherDept.id, 2025);
    if (!r.ok) throw new Error();
    const rev = await w.db().reportRevision.findFirstOrThrow({ where: { reportId: r.reportId } });
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      // another writer holds the revision, then changes a cell and moves the version on
      await other.query("BEGIN");
      await other.query(`SELECT id FROM "ReportRevision" WHERE id = $1 FOR UPDATE`, [rev.id]);
      const save = saveDraft(w.otherClerk, { reportId: r.reportId, lockVersion: rev.lockVersion, cells: { ...zeros("2021"), "requests.newReceived.natural": 1 }, sections: emptySections, explanations: {} });
      await new Promise((resolve) => setTimeout(resolve, 300)); // the save is now waiting for the lock
      await other.query(`UPDATE "Cell" SET value = 5 WHERE "revisionId" = $1 AND key = 'requests.newReceived.natural'`, [rev.id]);
      await other.query(`UPDATE "ReportRevision" SET "lockVersion" = "lockVersion" + 1 WHERE id = $1`, [rev.id]);
      await other.query("COMMIT");
      const outcome = await save;
      expect(outcome).toMatchObject({ ok: false, kind: "conflict", current: { lockVersion: rev.lockVersion + 1 } });
      if (outcome.ok || outcome.kind !== "conflict") throw new Error();
      expect(outcome.current.cells["requests.newReceived.natural"]).toBe(5);
      const cell = await w.db().cell.findUniqueOrThrow({ where: { revisionId_key: { revisionId: rev.id, key: "requests.newReceived.natural" } } });
      expect(Number(cell.value)).toBe(5);
    } finally {
      await other.query("ROLLBACK").catch(() => {});
      await other.end();
    }
  });

  it("writes only the cells a save changed, keeps every key and RevisionValues in step, and audits the change", async () => {
    const r = await startReport(w.clerk, w.dept.id, 2025);
    if (!r.ok) throw new Error();
    const rev = await w.db().reportRevision.findFirstOrThrow({ where: { reportId: r.reportId } });
    const first = await saveDraft(w.clerk, { reportId: r.reportId, lockVersion: rev.lockVersion, cells: zeros("2021"), sections: emptySections, explanations: {} });
    if (!first.ok) throw new Error(JSON.stringify(first));
    const keysBefore = (await w.db().cell.count({ where: { revisionId: rev.id } }));
    // xmin is the transaction that last wrote a row: rows the second save does not touch keep the first save's
    const xminOf = async () =>
      Object.fromEntries(
        (await w.db().$queryRaw<{ key: string; x: string }[]>`SELECT key, xmin::text AS x FROM "Cell" WHERE "revisionId" = ${rev.id}`).map((c) => [c.key, c.x]),
      );
    const before = await xminOf();
    const cells = { ...zeros("2021"), "requests.newReceived.natural": 7, "requests.results.granted.natural": 7 };
    const second = await saveDraft(w.clerk, { reportId: r.reportId, lockVersion: first.lockVersion, cells, sections: { ...emptySections, s2_active: "新内容" }, explanations: { "X-1": "已核实" } });
    if (!second.ok) throw new Error(JSON.stringify(second));
    expect(second.lockVersion).toBe(first.lockVersion + 1);
    const after = await xminOf();
    const rewritten = Object.keys(after).filter((k) => after[k] !== before[k]).sort();
    // the two leaves and the totals they feed, nothing else
    expect(rewritten).toContain("requests.newReceived.natural");
    expect(rewritten).toContain("requests.newReceived.total");
    expect(rewritten).toContain("requests.results.granted.total");
    expect(rewritten).not.toContain("requests.newReceived.commercial");
    expect(rewritten.length).toBeLessThan(12);
    expect(await w.db().cell.count({ where: { revisionId: rev.id } })).toBe(keysBefore);
    const values = await w.db().$queryRaw<{ cells: Record<string, number | null> }[]>`SELECT cells FROM "RevisionValues" WHERE "revisionId" = ${rev.id}`;
    expect(values[0]!.cells["requests.newReceived.total"]).toBe(7);
    const stored = await w.db().reportRevision.findUniqueOrThrow({ where: { id: rev.id } });
    expect(stored).toMatchObject({ s2_active: "新内容", explanations: { "X-1": "已核实" }, lockVersion: second.lockVersion });
    const audit = await w.db().auditEvent.findFirstOrThrow({ where: { revisionId: rev.id }, orderBy: { id: "desc" } });
    expect(audit.action).toBe("SAVED");
    expect(audit.detail).toMatchObject({ cells: { "requests.newReceived.natural": [0, 7] }, sections: ["s2_active"] });
    // the audit lists exactly the cells whose rows were rewritten
    expect(Object.keys((audit.detail as { cells: object }).cells).sort()).toEqual(rewritten);
    // times are stored in UTC whatever the database session's time zone (as the ORM's own writes are)
    expect(Math.abs(stored.updatedAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(Math.abs(audit.at.getTime() - Date.now())).toBeLessThan(60_000);
    expect(new Date(second.savedAt).getTime()).toBe(stored.updatedAt.getTime());

    // an unchanged save writes no cell and leaves no audit entry, but still moves the version on
    const third = await saveDraft(w.clerk, { reportId: r.reportId, lockVersion: second.lockVersion, cells, sections: { ...emptySections, s2_active: "新内容" }, explanations: { "X-1": "已核实" } });
    expect(third).toMatchObject({ ok: true, lockVersion: second.lockVersion + 1 });
    expect(await xminOf()).toEqual(after);
    expect((await w.db().auditEvent.findFirstOrThrow({ where: { revisionId: rev.id }, orderBy: { id: "desc" } })).id).toBe(audit.id);

    // a missing cell row is put back, a stray one removed, and a pre-filled cell the clerk changes is no longer marked
    await w.db().$executeRaw`DELETE FROM "Cell" WHERE "revisionId" = ${rev.id} AND key = 'requests.newReceived.commercial'`;
    await w.db().$executeRaw`INSERT INTO "Cell" ("revisionId", key, value) VALUES (${rev.id}, 'not.a.key', 5)`;
    await w.db().reportRevision.update({ where: { id: rev.id }, data: { prefilled: ["requests.newReceived.natural", "requests.newReceived.legal"] } });
    const fourth = await saveDraft(w.clerk, { reportId: r.reportId, lockVersion: third.ok ? third.lockVersion : -1, cells: { ...cells, "requests.newReceived.natural": 8 }, sections: { ...emptySections, s2_active: "新内容", s6_other: "其他" }, explanations: {} });
    expect(fourth).toMatchObject({ ok: true });
    expect(await w.db().cell.count({ where: { revisionId: rev.id } })).toBe(keysBefore);
    expect(await w.db().cell.findUnique({ where: { revisionId_key: { revisionId: rev.id, key: "requests.newReceived.commercial" } } })).toMatchObject({ value: expect.anything() });
    expect(await w.db().cell.count({ where: { revisionId: rev.id, key: "not.a.key" } })).toBe(0);
    expect((await w.db().reportRevision.findUniqueOrThrow({ where: { id: rev.id } })).prefilled).toEqual(["requests.newReceived.legal"]);
    const last = await w.db().auditEvent.findFirstOrThrow({ where: { revisionId: rev.id }, orderBy: { id: "desc" } });
    expect(last.detail).toEqual({
      cells: { "requests.newReceived.natural": [7, 8], "requests.newReceived.total": [7, 8], "not.a.key": [5, null], "requests.newReceived.commercial": [null, 0] },
      sections: ["s6_other"],
    });

    // a figure cleared is stored blank (not 0) and audited as such
    if (!fourth.ok) throw new Error();
    const fifth = await saveDraft(w.clerk, { reportId: r.reportId, lockVersion: fourth.lockVersion, cells: { ...cells, "requests.newReceived.natural": null }, sections: { ...emptySections, s2_active: "新内容", s6_other: "其他" }, explanations: {} });
    expect(fifth).toMatchObject({ ok: true });
    const cleared = await w.db().cell.findUniqueOrThrow({ where: { revisionId_key: { revisionId: rev.id, key: "requests.newReceived.natural" } } });
    expect(cleared.value).toBeNull();
    const fifthAudit = await w.db().auditEvent.findFirstOrThrow({ where: { revisionId: rev.id }, orderBy: { id: "desc" } });
    expect((fifthAudit.detail as { cells: Record<string, unknown> }).cells["requests.newReceived.natural"]).toEqual([8, null]);
  });

  it("a summary started from the roll-up moves the version on, so a save from before it is a conflict", async () => {
    const started = await startSummaryFromRollUp(w.supervisor, w.county.code, 2024, { "requests.newReceived.natural": 3 });
    if (!started.ok || !("reportId" in started)) throw new Error(JSON.stringify(started));
    const rev = await w.db().reportRevision.findFirstOrThrow({ where: { reportId: started.reportId } });
    expect(rev.lockVersion).toBe(1);
    expect(rev.prefilled).toEqual(["requests.newReceived.natural"]);
    const cell = await w.db().cell.findUniqueOrThrow({ where: { revisionId_key: { revisionId: rev.id, key: "requests.newReceived.total" } } });
    expect(Number(cell.value)).toBe(3);
    const govClerk = { ...w.clerk, agencyId: w.gov.id };
    const stale = await saveDraft(govClerk, { reportId: started.reportId, lockVersion: 0, cells: zeros("2021"), sections: emptySections, explanations: {} });
    expect(stale).toMatchObject({ ok: false, kind: "conflict", current: { lockVersion: 1 } });
  });

  it("refuses invalid cells and HTML-free narrative stays as typed, storing nothing on refusal", async () => {
    const r = await startReport(w.clerk, w.dept.id, 2021);
    if (!r.ok) throw new Error();
    const rev = await w.db().reportRevision.findFirstOrThrow({ where: { reportId: r.reportId } });
    const bad = { ...zeros("2021"), "requests.newReceived.natural": -1, "requests.carriedOver.natural": 1.5 };
    const refused = await saveDraft(w.clerk, { reportId: r.reportId, lockVersion: rev.lockVersion, cells: bad, sections: emptySections, explanations: {} });
    expect(refused).toMatchObject({ ok: false, kind: "invalid" });
    if (refused.ok || refused.kind !== "invalid") throw new Error();
    expect(Object.keys(refused.fieldErrors)).toEqual(expect.arrayContaining(["requests.newReceived.natural", "requests.carriedOver.natural"]));
    const after = await w.db().reportRevision.findUniqueOrThrow({ where: { id: rev.id } });
    expect(after.lockVersion).toBe(rev.lockVersion);

    const script = "<script>alert(1)</script>\n第二段";
    const ok = await saveDraft(w.clerk, { reportId: r.reportId, lockVersion: rev.lockVersion, cells: zeros("2021"), sections: { ...emptySections, s1_overall: script }, explanations: {} });
    expect(ok.ok).toBe(true);
    expect((await w.db().reportRevision.findUniqueOrThrow({ where: { id: rev.id } })).s1_overall).toBe(script);
  });

  it("submits only a complete, balanced report, then makes it read-only for the clerk", async () => {
    const r = await startReport(w.clerk, w.dept.id, 2019);
    if (!r.ok) throw new Error();
    let lock = (await w.db().reportRevision.findFirstOrThrow({ where: { reportId: r.reportId } })).lockVersion;
    const unbalanced = { ...zeros("2019"), "requests.newReceived.natural": 4 };
    const blocked = await submitReport(w.clerk, { reportId: r.reportId, lockVersion: lock, cells: unbalanced, sections: emptySections, explanations: {} });
    expect(blocked).toMatchObject({ ok: false, kind: "blocked" });
    if (blocked.ok || blocked.kind !== "blocked") throw new Error();
    expect(blocked.errors.map((e) => e.ruleId)).toContain("REQ-BALANCE");

    const withBlank = { ...zeros("2019"), "requests.newReceived.research": null };
    const blank = await submitReport(w.clerk, { reportId: r.reportId, lockVersion: lock, cells: withBlank, sections: emptySections, explanations: {} });
    if (blank.ok || blank.kind !== "blocked") throw new Error("expected blocked");
    expect(blank.blanks).toEqual(["requests.newReceived.research"]);

    const good = { ...zeros("2019"), "requests.newReceived.natural": 4, "requests.results.granted.natural": 4 };
    const submitted = await submitReport(w.clerk, { reportId: r.reportId, lockVersion: lock, cells: good, sections: emptySections, explanations: {} });
    expect(submitted).toEqual({ ok: true, reportId: r.reportId });
    lock = (await w.db().reportRevision.findFirstOrThrow({ where: { reportId: r.reportId } })).lockVersion;
    const late = await saveDraft(w.clerk, { reportId: r.reportId, lockVersion: lock, cells: good, sections: emptySections, explanations: {} });
    expect(late).toMatchObject({ ok: false, kind: "readOnly" });
    const audit = await w.db().auditEvent.findMany({ where: { reportId: r.reportId }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["CREATED", "SAVED", "SUBMITTED"]);
  });
});

describe("authorization matrix: role × scope × action", () => {
  it("denies every action outside the caller's scope", async () => {
    const r = await startReport(w.clerk, w.dept.id, 2025);
    if (!r.ok) throw new Error();
    const rev = await w.db().reportRevision.findFirstOrThrow({ where: { reportId: r.reportId } });
    const draft = { reportId: r.reportId, lockVersion: rev.lockVersion, cells: zeros("2021"), sections: emptySections, explanations: {} };

    const expectations: [string, () => Promise<unknown>, string][] = [
      ["other clerk reads", () => getWorkingReport(w.otherClerk, r.reportId), "forbidden"],
      ["outside supervisor reads", () => getWorkingReport(w.outsideSupervisor, r.reportId), "forbidden"],
      ["other clerk saves", () => saveDraft(w.otherClerk, draft), "forbidden"],
      ["outside supervisor saves", () => saveDraft(w.outsideSupervisor, draft), "forbidden"],
      ["supervisor in scope saves a clerk's draft", () => saveDraft(w.supervisor, draft), "readOnly"],
      ["admin saves a clerk's draft", () => saveDraft(w.admin, draft), "readOnly"],
      ["other clerk submits", () => submitReport(w.otherClerk, draft), "forbidden"],
      ["supervisor submits for the clerk", () => submitReport(w.supervisor, draft), "readOnly"],
      ["other clerk starts a report for this agency", () => startReport(w.otherClerk, w.dept.id, 2026), "forbidden"],
      ["outside supervisor starts a report here", () => startReport(w.outsideSupervisor, w.gov.id, 2025), "forbidden"],
      ["admin starts a report", () => startReport(w.admin, w.gov.id, 2025), "forbidden"],
    ];
    for (const [what, act, expected] of expectations) {
      const result = await act();
      const kind = result === "forbidden" ? "forbidden" : (result as { kind?: string }).kind;
      expect(kind, what).toBe(expected);
    }
    // Nothing any of them did changed the draft.
    const after = await w.db().reportRevision.findUniqueOrThrow({ where: { id: rev.id } });
    expect(after.lockVersion).toBe(rev.lockVersion);
    expect(await w.db().report.count({ where: { agencyId: w.gov.id, year: 2025 } })).toBe(0);

    // …and the permitted ones succeed.
    expect(await getWorkingReport(w.supervisor, r.reportId)).toMatchObject({ editable: false });
    expect(await getWorkingReport(w.admin, r.reportId)).toMatchObject({ editable: false });
    expect(await saveDraft(w.clerk, draft)).toMatchObject({ ok: true });
  });

  it("lets nobody edit a published revision", async () => {
    // Years before 2019 have no format: starting one fails cleanly and stores nothing.
    expect(await startReport(w.clerk, w.dept.id, 2017)).toMatchObject({ ok: false, kind: "invalid" });
    const pub = await publishedReport(w.otherDept.id, 2023, zeros("2021"), w.otherClerk);
    const rev = await w.db().reportRevision.findFirstOrThrow({ where: { reportId: pub } });
    for (const actor of [w.clerk, w.otherClerk, w.supervisor, w.admin]) {
      const res = await saveDraft(actor, { reportId: pub, lockVersion: rev.lockVersion, cells: zeros("2021"), sections: emptySections, explanations: {} });
      expect(["forbidden", "readOnly"]).toContain((res as { kind?: string }).kind);
    }
  });
});
