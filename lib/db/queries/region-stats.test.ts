// RegionStat / RegionYearStat are kept by triggers (prisma/migrations/*_region_stats). After every kind of change
// they must equal a count from scratch over Agency and Report, which is what the region pages showed before.
import { beforeAll, describe, expect, it } from "vitest";
import { makeWorld, uniqueSuffix } from "@/test/db-fixtures";
import { deadlineFor } from "@/lib/deadlines";
import { regionRange } from "./region-scope";
import { listChildRegions, publishedPerYear } from "./public";

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
let township: { code: string };
beforeAll(async () => {
  w = await makeWorld();
  township = await w.db().region.create({ data: { code: `${w.county.code}001`, name: `测试镇${uniqueSuffix()}`, level: 4, parentCode: w.county.code } });
}, 60_000);

/** The figures counted from scratch, as the region pages used to (the code and everything under it). */
async function recount(code: string) {
  const range = regionRange(code);
  const [totals] = await w.db().$queryRaw<{ agencies: number; published: number }[]>`
    SELECT (SELECT count(*)::int FROM "Agency" a WHERE a."regionCode" >= ${range.gte} AND a."regionCode" <= ${range.lte}) AS agencies,
           (SELECT count(*)::int FROM "Report" r JOIN "Agency" a ON a.id = r."agencyId"
             WHERE a."regionCode" >= ${range.gte} AND a."regionCode" <= ${range.lte} AND r."publishedRevisionId" IS NOT NULL) AS published`;
  const perYear = await w.db().$queryRaw<{ year: number; published: number; onTime: number }[]>`
    SELECT r.year, count(*)::int AS published,
           count(*) FILTER (WHERE nianbao_on_time(a.kind, a."regionCode", r.year, r."firstPublishedAt"))::int AS "onTime"
    FROM "Report" r JOIN "Agency" a ON a.id = r."agencyId"
    WHERE a."regionCode" >= ${range.gte} AND a."regionCode" <= ${range.lte} AND r."publishedRevisionId" IS NOT NULL
    GROUP BY r.year ORDER BY r.year DESC`;
  return { ...totals!, perYear };
}

async function stats(code: string) {
  const row = await w.db().regionStat.findUnique({ where: { code } });
  return { agencies: row?.agencies ?? 0, published: row?.published ?? 0, perYear: await publishedPerYear(code) };
}

async function expectConsistent(...codes: string[]) {
  for (const code of codes) expect(await stats(code), code).toEqual(await recount(code));
}

async function publish(agencyId: number, year: number, at: Date) {
  const report = await w.db().report.create({ data: { agencyId, year, formatVersion: year >= 2021 ? "2021" : "2019", scope: "OWN", status: "SUBMITTED" } });
  const rev = await w.db().reportRevision.create({ data: { reportId: report.id, number: 1, state: "PUBLISHED", publishedAt: at } });
  await w.db().report.update({ where: { id: report.id }, data: { status: "PUBLISHED", publishedRevisionId: rev.id, firstPublishedAt: at } });
  return { reportId: report.id, revisionId: rev.id };
}

describe("region statistics kept by triggers", () => {
  it("counts agencies and published reports of a region and everything under it, per year and on time", async () => {
    expect(await stats(w.county.code)).toMatchObject({ agencies: 3, published: 0, perYear: [] });
    const town = await w.db().agency.create({ data: { name: `测试镇人民政府${uniqueSuffix()}`, kind: "TOWNSHIP", regionCode: township.code, parentId: w.gov.id } });
    const dl = deadlineFor("DEPARTMENT", 2022);
    await publish(w.dept.id, 2022, dl); // on time to the millisecond
    await publish(w.otherDept.id, 2022, new Date(dl.getTime() + 1)); // late
    await publish(w.gov.id, 2022, new Date(deadlineFor("GOVERNMENT", 2022).getTime() - 60_000));
    await publish(town.id, 2023, new Date(deadlineFor("TOWNSHIP", 2023).getTime() + 86_400_000)); // late without an override
    // a report that is not published does not count
    const draft = await w.db().report.create({ data: { agencyId: w.dept.id, year: 2024, formatVersion: "2021", scope: "OWN" } });
    await w.db().reportRevision.create({ data: { reportId: draft.id, number: 1 } });

    expect(await publishedPerYear(w.county.code)).toEqual([
      { year: 2023, published: 1, onTime: 0 },
      { year: 2022, published: 3, onTime: 2 },
    ]);
    expect(await stats(township.code)).toMatchObject({ agencies: 1, published: 1 });
    await expectConsistent(w.county.code, township.code);
    const children = await listChildRegions({ code: w.county.code, level: 3 });
    expect(children).toEqual([{ code: township.code, name: expect.any(String), agencies: 1, published: 1 }]);
  });

  it("follows corrections, withdrawn publication, changed dates, deletions and moves", async () => {
    const { reportId } = await publish(w.dept.id, 2020, new Date(deadlineFor("DEPARTMENT", 2020).getTime() - 1000));
    // a published correction moves the pointer to revision 2: still one published report, first published as before
    const rev2 = await w.db().reportRevision.create({ data: { reportId, number: 2, state: "PUBLISHED", publishedAt: new Date() } });
    await w.db().report.update({ where: { id: reportId }, data: { publishedRevisionId: rev2.id } });
    await expectConsistent(w.county.code);
    // a later first-publication date makes it late
    await w.db().report.update({ where: { id: reportId }, data: { firstPublishedAt: new Date(deadlineFor("DEPARTMENT", 2020).getTime() + 1000) } });
    expect((await publishedPerYear(w.county.code)).find((r) => r.year === 2020)).toEqual({ year: 2020, published: 1, onTime: 0 });
    // withdrawn, then deleted
    await w.db().report.update({ where: { id: reportId }, data: { publishedRevisionId: null } });
    expect((await publishedPerYear(w.county.code)).find((r) => r.year === 2020)).toBeUndefined();
    await w.db().report.delete({ where: { id: reportId } });
    await expectConsistent(w.county.code, township.code);

    // an agency moving to the township takes its published reports along; a change of kind changes their deadline
    const before = await stats(township.code);
    await w.db().agency.update({ where: { id: w.otherDept.id }, data: { regionCode: township.code, kind: "TOWNSHIP" } });
    const after = await stats(township.code);
    expect(after.agencies).toBe(before.agencies + 1);
    expect(after.published).toBe(before.published + 1);
    await expectConsistent(w.county.code, township.code);
    await w.db().agency.update({ where: { id: w.otherDept.id }, data: { regionCode: w.county.code, kind: "DEPARTMENT" } });
    expect(await stats(township.code)).toEqual(before);
    await expectConsistent(w.county.code, township.code);
  });

  it("recounts on-time publications when an administrator sets or removes a deadline", async () => {
    const late = (await stats(township.code)).perYear.find((r) => r.year === 2023)!;
    expect(late).toEqual({ year: 2023, published: 1, onTime: 0 });
    // a later deadline for the county's townships makes the township's 2023 report on time
    await w.db().deadlineOverride.create({ data: { regionCode: w.county.code, year: 2023, deadline: new Date(deadlineFor("TOWNSHIP", 2023).getTime() + 7 * 86_400_000) } });
    expect((await publishedPerYear(township.code)).find((r) => r.year === 2023)).toEqual({ year: 2023, published: 1, onTime: 1 });
    await expectConsistent(w.county.code, township.code);
    // departments keep the 31 January deadline; the override is for townships, street offices and others only
    expect((await publishedPerYear(w.county.code)).find((r) => r.year === 2022)).toEqual({ year: 2022, published: 3, onTime: 2 });
    await w.db().deadlineOverride.delete({ where: { regionCode_year: { regionCode: w.county.code, year: 2023 } } });
    expect((await publishedPerYear(township.code)).find((r) => r.year === 2023)).toEqual({ year: 2023, published: 1, onTime: 0 });
    await expectConsistent(w.county.code, township.code);
  });

  it("handles statements that change many reports at once", async () => {
    const made = [] as number[];
    for (const year of [2019, 2021]) {
      const r = await w.db().report.create({ data: { agencyId: w.otherDept.id, year, formatVersion: year >= 2021 ? "2021" : "2019", scope: "OWN" } });
      const rev = await w.db().reportRevision.create({ data: { reportId: r.id, number: 1, state: "PUBLISHED", publishedAt: new Date() } });
      await w.db().report.update({ where: { id: r.id }, data: { publishedRevisionId: rev.id } });
      made.push(r.id);
    }
    await w.db().report.updateMany({ where: { id: { in: made } }, data: { firstPublishedAt: new Date(Date.UTC(2019, 0, 1)) } });
    await expectConsistent(w.county.code);
    await w.db().report.deleteMany({ where: { id: { in: made } } });
    await expectConsistent(w.county.code);
  });
});
