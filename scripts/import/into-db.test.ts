// `import --into-db --agency` as a user runs it (a child process on the test database): it stores through
// lib/db/import-draft, as the web import does — a draft, never published, never over an existing report.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld } from "@/test/db-fixtures";

const ROOT = path.resolve(__dirname, "../..");
const TOWN = path.join(ROOT, "lib/demo/samples/town-2022.txt");

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
let dir: string;
beforeAll(async () => {
  w = await makeWorld();
  dir = mkdtempSync(path.join(tmpdir(), "nianbao-into-db-"));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts/import.ts"), ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL }, maxBuffer: 64 * 1024 * 1024, timeout: 90_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("import --into-db --agency", () => {
  it("stores a parsed report as a draft, never published, and never over an existing report", async () => {
    const first = await run([TOWN, "--json", "--into-db", "--agency", String(w.dept.id)]);
    expect(first.stderr).toContain("已保存为");
    expect(first.code).toBe(0);
    const report = await w.db().report.findUniqueOrThrow({
      where: { agencyId_year: { agencyId: w.dept.id, year: 2022 } },
      include: { revisions: { include: { cells: true } } },
    });
    expect(report).toMatchObject({ year: 2022, formatVersion: "2021", status: "DRAFT", publishedRevisionId: null, firstPublishedAt: null });
    expect(report.revisions).toHaveLength(1);
    expect(report.revisions[0]!.state).toBe("DRAFT");
    expect(report.revisions[0]!.s1_overall).toContain("友谊镇");
    expect(report.revisions[0]!.cells).toHaveLength(200);
    const audit = await w.db().auditEvent.findMany({ where: { reportId: report.id } });
    expect(audit.map((a) => a.action)).toEqual(["IMPORTED"]);
    expect(audit[0]!.actorId).toBeNull();
    expect(audit[0]!.detail).toMatchObject({ via: "cli", mode: "draft", agencyName: "友谊县友谊镇人民政府" });

    const second = await run([TOWN, "--into-db", "--agency", String(w.dept.id)]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain("为避免覆盖，未保存");
    expect(await w.db().report.count({ where: { agencyId: w.dept.id, year: 2022 } })).toBe(1);
    expect(await w.db().auditEvent.count({ where: { reportId: report.id } })).toBe(1);
  }, 120_000);

  it("stores nothing for an unreadable file or an agency that does not exist", async () => {
    const garbage = path.join(dir, "garbage.docx");
    writeFileSync(garbage, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0xff, 0xfe, 0, 1, 2, 3]));
    const before = await w.db().report.count({ where: { agencyId: w.otherDept.id } });
    const bad = await run([garbage, "--into-db", "--agency", String(w.otherDept.id)]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("未保存");
    const nowhere = await run([TOWN, "--into-db", "--agency", "2000000000"]);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toContain("机关编号 2000000000 不存在");
    expect(await w.db().report.count({ where: { agencyId: w.otherDept.id } })).toBe(before);
  }, 120_000);
});
