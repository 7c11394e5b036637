import { beforeAll, describe, expect, it } from "vitest";
import { makeWorld } from "@/test/db-fixtures";
import { Prisma } from "@/lib/generated/prisma/client";

// RevisionValues is kept by statement triggers on Cell (prisma/migrations/*_revision_values): whatever writes cells,
// the object of each revision equals its cells.
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  w = await makeWorld();
}, 60_000);

async function valuesOf(revisionId: number) {
  const row = await w.db().revisionValues.findUnique({ where: { revisionId } });
  return row?.cells ?? null;
}

describe("RevisionValues", () => {
  it("follows inserts, updates and deletes of cells, in bulk too, blanks as null", async () => {
    const report = await w.db().report.create({ data: { agencyId: w.dept.id, year: 2023, formatVersion: "2021", scope: "OWN" } });
    const [a, b] = await Promise.all([1, 2].map((number) => w.db().reportRevision.create({ data: { reportId: report.id, number } })));
    expect(await valuesOf(a!.id)).toBeNull();

    await w.db().cell.createMany({
      data: [
        { revisionId: a!.id, key: "requests.newReceived.natural", value: new Prisma.Decimal("12") },
        { revisionId: a!.id, key: "active.art20_8.fees.amount", value: new Prisma.Decimal("1234.5") },
        { revisionId: a!.id, key: "requests.carriedOver.natural", value: null },
        { revisionId: b!.id, key: "requests.newReceived.natural", value: new Prisma.Decimal("3") },
      ],
    });
    expect(await valuesOf(a!.id)).toEqual({ "requests.newReceived.natural": 12, "active.art20_8.fees.amount": 1234.5, "requests.carriedOver.natural": null });
    expect(await valuesOf(b!.id)).toEqual({ "requests.newReceived.natural": 3 });

    await w.db().cell.update({ where: { revisionId_key: { revisionId: a!.id, key: "requests.newReceived.natural" } }, data: { value: new Prisma.Decimal("13") } });
    expect(await valuesOf(a!.id)).toMatchObject({ "requests.newReceived.natural": 13 });

    await w.db().cell.deleteMany({ where: { revisionId: a!.id, key: "active.art20_8.fees.amount" } });
    expect(Object.keys((await valuesOf(a!.id)) as object).sort()).toEqual(["requests.carriedOver.natural", "requests.newReceived.natural"]);

    await w.db().cell.deleteMany({ where: { revisionId: b!.id } });
    expect(await valuesOf(b!.id)).toBeNull();

    await w.db().reportRevision.delete({ where: { id: a!.id } });
    expect(await valuesOf(a!.id)).toBeNull();
  });

  it("keeps exact decimals", async () => {
    const report = await w.db().report.create({ data: { agencyId: w.otherDept.id, year: 2023, formatVersion: "2021", scope: "OWN" } });
    const rev = await w.db().reportRevision.create({ data: { reportId: report.id, number: 1 } });
    await w.db().cell.create({ data: { revisionId: rev.id, key: "active.art20_8.fees.amount", value: new Prisma.Decimal("31989283.0001") } });
    const [row] = await w.db().$queryRaw<{ v: string }[]>`SELECT cells ->> 'active.art20_8.fees.amount' AS v FROM "RevisionValues" WHERE "revisionId" = ${rev.id}`;
    expect(row!.v).toBe("31989283.0001");
  });
});
