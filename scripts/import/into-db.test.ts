import { describe, it, expect, beforeAll } from "vitest";
import fs from "node:fs";
import { makeWorld } from "@/test/db-fixtures";
import { parseReport } from "@/lib/import";
import { createPrismaClient } from "@/lib/db/prisma";
import { storeDraft } from "./into-db";

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
beforeAll(async () => {
  w = await makeWorld();
}, 60_000);

describe("import --into-db", () => {
  it("stores a parsed report as a draft, never published, and never over an existing report", async () => {
    const text = fs.readFileSync(new URL("../../../shared/reports/town-2022.txt", import.meta.url), "utf8");
    const parsed = await parseReport({ text, filename: "town-2022.txt" });
    const prisma = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 1 });
    try {
      const first = await storeDraft(prisma, w.dept.id, "town-2022.txt", parsed);
      expect(first.stored).toBe(true);
      const report = await prisma.report.findUniqueOrThrow({ where: { id: first.reportId! }, include: { revisions: { include: { cells: true } } } });
      expect(report).toMatchObject({ year: 2022, formatVersion: "2021", status: "DRAFT", publishedRevisionId: null });
      expect(report.revisions).toHaveLength(1);
      expect(report.revisions[0]!.state).toBe("DRAFT");
      expect(report.revisions[0]!.s1_overall).toContain("友谊镇");
      expect(report.revisions[0]!.cells).toHaveLength(200);

      const second = await storeDraft(prisma, w.dept.id, "town-2022.txt", parsed);
      expect(second).toMatchObject({ stored: false });
      expect(second.message).toContain("未保存");
      expect(await prisma.report.count({ where: { agencyId: w.dept.id, year: 2022 } })).toBe(1);
      expect(await prisma.auditEvent.count({ where: { reportId: first.reportId!, action: "IMPORTED" } })).toBe(1);

      expect(await storeDraft(prisma, 2_000_000_000, "x.txt", parsed)).toMatchObject({ stored: false });
    } finally {
      await prisma.$disconnect();
    }
  });
});
