import { describe, it, expect, beforeAll } from "vitest";
import { makeWorld } from "@/test/db-fixtures";
import { deadlineFor, isOnTime } from "@/lib/deadlines";
import { getPublishedReport, publishedPerYear } from "./public";

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
});
