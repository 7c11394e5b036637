import { describe, it, expect, beforeAll } from "vitest";
import { makeWorld } from "@/test/db-fixtures";
import { deadlineFor, isOnTime } from "@/lib/deadlines";
import { getAgencyPublic, getPublishedReport, publishedPerYear } from "./public";

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
beforeAll(async () => {
  w = await makeWorld();
}, 60_000);

async function published(agencyId: number, year: number, at: Date) {
  const report = await w.db().report.create({ data: { agencyId, year, formatVersion: year >= 2021 ? "2021" : "2019", scope: "OWN", status: "PUBLISHED", firstPublishedAt: at } });
  const rev = await w.db().reportRevision.create({ data: { reportId: report.id, number: 1, state: "PUBLISHED", publishedAt: at } });
  await w.db().report.update({ where: { id: report.id }, data: { publishedRevisionId: rev.id } });
  return report.id;
}

describe("public figures", () => {
  it("counts on-time publications in SQL exactly as lib/deadlines judges them, to the millisecond", async () => {
    const year = 2022;
    const deptDeadline = deadlineFor("DEPARTMENT", year);
    const govDeadline = deadlineFor("GOVERNMENT", year);
    await published(w.dept.id, year, deptDeadline); // the last millisecond of 31 January, Shanghai: on time
    await published(w.otherDept.id, year, new Date(deptDeadline.getTime() + 1)); // 1 ms late
    await published(w.gov.id, year, new Date(govDeadline.getTime() - 60_000)); // a government: 31 March
    expect([isOnTime(deptDeadline, deptDeadline), isOnTime(new Date(deptDeadline.getTime() + 1), deptDeadline)]).toEqual([true, false]);
    const rows = await publishedPerYear(w.county.code);
    expect(rows.find((r) => r.year === year)).toEqual({ year, published: 3, onTime: 2 });
  });

  it("never returns an unpublished report, by id or by revision", async () => {
    const report = await w.db().report.create({ data: { agencyId: w.dept.id, year: 2019, formatVersion: "2019", scope: "OWN", status: "SUBMITTED" } });
    await w.db().reportRevision.create({ data: { reportId: report.id, number: 1, state: "SUBMITTED" } });
    expect(await getPublishedReport(report.id)).toBeNull();
    expect(await getPublishedReport(report.id, 1)).toBeNull();
  });

  it("returns a published report with its agency, published revisions and the chosen revision's text", async () => {
    const first = new Date(Date.UTC(2021, 0, 20, 2, 30, 0, 123));
    const second = new Date(Date.UTC(2021, 5, 1, 8, 0, 0, 456));
    const report = await w.db().report.create({ data: { agencyId: w.dept.id, year: 2020, formatVersion: "2019", scope: "OWN", status: "DRAFT", firstPublishedAt: first } });
    const r1 = await w.db().reportRevision.create({ data: { reportId: report.id, number: 1, state: "PUBLISHED", publishedAt: first, s1_overall: "第一版" } });
    const r2 = await w.db().reportRevision.create({ data: { reportId: report.id, number: 2, state: "PUBLISHED", publishedAt: second, reason: "更正数据错误。", s1_overall: "第二版", s6_other: "其他" } });
    await w.db().reportRevision.create({ data: { reportId: report.id, number: 3, state: "DRAFT", reason: "再次更正中。", s1_overall: "草稿" } });
    await w.db().report.update({ where: { id: report.id }, data: { publishedRevisionId: r2.id } });

    const latest = await getPublishedReport(report.id);
    expect(latest).toEqual({
      report: {
        id: report.id,
        year: 2020,
        scope: "OWN",
        formatVersion: "2019",
        firstPublishedAt: first,
        publishedRevisionId: r2.id,
        agency: { id: w.dept.id, name: w.dept.name, kind: "DEPARTMENT", regionCode: w.county.code, parent: { id: w.gov.id, name: w.gov.name } },
        revisions: [
          { id: r2.id, number: 2, reason: "更正数据错误。", publishedAt: second },
          { id: r1.id, number: 1, reason: null, publishedAt: first },
        ],
      },
      revision: { id: r2.id, number: 2, reason: "更正数据错误。", publishedAt: second, s1_overall: "第二版", s2_active: "", s3_requests: "", s4_reviewLitigation: "", s5_problems: "", s6_other: "其他" },
      isLatest: true,
    });
    const older = await getPublishedReport(report.id, 1);
    expect(older?.revision).toMatchObject({ id: r1.id, number: 1, s1_overall: "第一版" });
    expect(older?.isLatest).toBe(false);
    // a draft correction is never shown, nor a revision that does not exist
    expect(await getPublishedReport(report.id, 3)).toBeNull();
    expect(await getPublishedReport(report.id, 9)).toBeNull();
    // a government has no parent
    const gov = await w.db().report.create({ data: { agencyId: w.gov.id, year: 2020, formatVersion: "2019", scope: "SUMMARY", status: "PUBLISHED", firstPublishedAt: first } });
    const g1 = await w.db().reportRevision.create({ data: { reportId: gov.id, number: 1, state: "PUBLISHED", publishedAt: first } });
    await w.db().report.update({ where: { id: gov.id }, data: { publishedRevisionId: g1.id } });
    expect((await getPublishedReport(gov.id))?.report.agency).toMatchObject({ kind: "GOVERNMENT", parent: null });
    expect((await getPublishedReport(gov.id))?.report.scope).toBe("SUMMARY");
  });

  it("returns an agency with its parent, the agencies under it by name, and its reports newest first", async () => {
    const gov = await getAgencyPublic(w.gov.id);
    expect(gov).toMatchObject({ id: w.gov.id, name: w.gov.name, kind: "GOVERNMENT", regionCode: w.county.code, parent: null });
    expect(gov!.children).toEqual(
      [w.dept, w.otherDept].map((a) => ({ id: a.id, name: a.name, kind: "DEPARTMENT" })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    );
    const dept = await getAgencyPublic(w.otherDept.id);
    expect(dept!.parent).toEqual({ id: w.gov.id, name: w.gov.name });
    const at = new Date(Date.UTC(2024, 0, 15, 3, 4, 5, 678));
    const published = await w.db().report.create({ data: { agencyId: w.otherDept.id, year: 2023, formatVersion: "2021", scope: "OWN", status: "PUBLISHED", firstPublishedAt: at } });
    const rev = await w.db().reportRevision.create({ data: { reportId: published.id, number: 1, state: "PUBLISHED", publishedAt: at } });
    await w.db().report.update({ where: { id: published.id }, data: { publishedRevisionId: rev.id } });
    const draft = await w.db().report.create({ data: { agencyId: w.otherDept.id, year: 2024, formatVersion: "2021", scope: "OWN" } });
    const reports = (await getAgencyPublic(w.otherDept.id))!.reports;
    expect(reports.map((r) => r.year)).toEqual([...reports.map((r) => r.year)].sort((a, b) => b - a));
    expect(reports.slice(0, 2)).toEqual([
      { id: draft.id, year: 2024, scope: "OWN", formatVersion: "2021", firstPublishedAt: null, publishedRevision: null },
      { id: published.id, year: 2023, scope: "OWN", formatVersion: "2021", firstPublishedAt: at, publishedRevision: { number: 1, publishedAt: at } },
    ]);
    expect(await getAgencyPublic(-1)).toBeNull();
  });
});
