// `--into-db --agency <id>`: stores each parsed report as a DRAFT of that agency's report for its year — never as
// published, and only where it overwrites nothing (an agency/year that already has a report is skipped with a
// message). Runs against DATABASE_URL or the running embedded database.
import { Prisma } from "../../lib/generated/prisma/client";
import { leafKeys, SECTION_KEYS } from "../../lib/format";
import type { ImportResult } from "../../lib/import";
import { createPrismaClient, type Db } from "../../lib/db/prisma";
import { requireDatabaseUrl } from "../../lib/db/url";
import { replaceCells } from "../../lib/db/revision-cells";

export interface StoreOutcome {
  stored: boolean;
  message: string;
  reportId?: number;
}

export async function storeDraft(prisma: Db, agencyId: number, file: string, r: ImportResult): Promise<StoreOutcome> {
  if (!r.formatVersion || r.year === null) return { stored: false, message: `${file}：未读出年度或表格格式，未保存。` };
  if (r.year < 2019) return { stored: false, message: `${file}：${r.year}年度早于2019年，平台不收录，未保存。` };
  const agency = await prisma.agency.findUnique({ where: { id: agencyId }, select: { id: true, kind: true, name: true } });
  if (!agency) return { stored: false, message: `机关编号 ${agencyId} 不存在，未保存。` };
  const version = r.formatVersion;
  const leaves = Object.fromEntries(leafKeys(version).map((k) => [k, r.cells[k] ?? null]));
  try {
    const reportId = await prisma.$transaction(async (tx) => {
      const report = await tx.report.create({
        data: {
          agencyId,
          year: r.year!,
          formatVersion: version,
          scope: r.scope ?? (agency.kind === "GOVERNMENT" ? "SUMMARY" : "OWN"),
          status: "DRAFT",
        },
      });
      const revision = await tx.reportRevision.create({
        data: { reportId: report.id, number: 1, state: "DRAFT", ...Object.fromEntries(SECTION_KEYS.map((k) => [k, r.sections[k] ?? ""])) },
      });
      await replaceCells(tx, revision.id, version, leaves);
      await tx.auditEvent.create({
        data: {
          action: "IMPORTED",
          reportId: report.id,
          revisionId: revision.id,
          detail: { file, agencyName: r.agencyName, problems: r.problems.map((p) => p.code) },
        },
      });
      return report.id;
    });
    return { stored: true, reportId, message: `${file}：已保存为 ${agency.name} ${r.year}年度报告的草稿（报告编号 ${reportId}），请登录后核对并提交。` };
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      return { stored: false, message: `${file}：${agency.name} 已有${r.year}年度报告，为避免覆盖，未保存。` };
    }
    throw e;
  }
}

export function databaseSink(agencyId: number) {
  const prisma = createPrismaClient(requireDatabaseUrl(), { poolSize: 2 });
  let failures = 0;
  return {
    get failures() {
      return failures;
    },
    async accept(file: string, result: ImportResult) {
      const outcome = await storeDraft(prisma, agencyId, file, result);
      if (!outcome.stored) failures++;
      console.error(outcome.message);
    },
    async close() {
      await prisma.$disconnect();
    },
  };
}
