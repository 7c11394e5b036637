import "server-only";
// Storing an imported report — the one code path of the import CLI (`--into-db --agency`), the clerk's import
// preview and the supervisors' bulk import. An import only ever creates a new report: never over an existing
// report of that agency and year, never published. Cells and sections pass the same zod schemas as the form;
// totals are computed here, never taken from the file or the client. See docs/decisions.md "Import".
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { computeDerived, formatForYear, leafKeys, optionalKeys, validate, type CellMap, type FormatVersion } from "@/lib/format";
import { canBulkImport, canImportReport, type Actor } from "@/lib/auth/roles";
import { GOVERNMENT_SUFFIXES, importBlocker, matchAgencyName } from "@/lib/import/preview";
import type { ImportResult } from "@/lib/import/types";
import { db } from "./client";
import { regionRange } from "./queries/region-scope";
import { currentFilingYear } from "./queries/home";
import { parseCellsAndSections, previousYearCells } from "./reports";
import { replaceCells } from "./revision-cells";
import { prismaSql } from "./sql";

/** Who stores: a signed-in user (checked against the agency), or the CLI, which holds the database credentials. */
export type Importer = Actor | "cli";

/**
 * "draft": a DRAFT for the agency's clerk to check and submit (the clerk's own import, the CLI).
 * "review": bulk import by a supervisor or administrator — a report without rule errors goes straight to the
 * review queue (SUBMITTED) so the supervisor publishes it through the normal review; one with rule errors becomes
 * a DRAFT for the agency's clerk to correct.
 */
export type ImportMode = "draft" | "review";

export interface ImportInput {
  agencyId: unknown;
  year: unknown;
  formatVersion: unknown;
  scope?: unknown;
  /** leaf cells (derived ones are accepted and dropped), as cellsSchema takes them */
  cells: unknown;
  sections: unknown;
  /** where it came from, for the audit trail */
  source: unknown;
}

export type ImportOutcome =
  | { ok: true; reportId: number; status: "DRAFT" | "SUBMITTED"; agencyName: string; year: number; message: string }
  | { ok: false; kind: "exists"; reportId: number; message: string }
  | { ok: false; kind: "notFound" | "forbidden" | "unreadable"; message: string }
  | { ok: false; kind: "invalid"; message: string; fieldErrors: Record<string, string[]> };

function metaSchema() {
  const maxYear = currentFilingYear();
  return z.object({
    agencyId: z.number({ error: "请选择机关" }).int().positive({ error: "请选择机关" }),
    year: z
      .number({ error: "请选择报告年度" })
      .int({ error: "请选择报告年度" })
      .min(2019, { error: "平台收录2019年度起的报告" })
      .max(maxYear, { error: `${maxYear + 1}年度的报告尚不能填报，请检查年度` }),
    formatVersion: z.enum(["2019", "2021"], { error: "表格格式应为2019年版或2021年版" }),
    scope: z.enum(["OWN", "SUMMARY"]).nullable().optional(),
    source: z.object({
      file: z.string().max(500),
      agencyName: z.string().max(500).nullable(),
      problems: z.array(z.string().max(100)).max(1000),
    }),
  });
}

/** Stores an import as a new report of the agency (see ImportMode), or says why not. Nothing is written on refusal. */
export async function storeImportedReport(importer: Importer, input: ImportInput, mode: ImportMode): Promise<ImportOutcome> {
  const meta = metaSchema().safeParse(input);
  if (!meta.success) {
    const fieldErrors = z.flattenError(meta.error).fieldErrors as Record<string, string[]>;
    return { ok: false, kind: "invalid", message: "有内容未通过检查，未保存。请按提示修改。", fieldErrors };
  }
  const { agencyId, year, formatVersion: version, scope, source } = meta.data;
  const agency = await db().agency.findUnique({ where: { id: agencyId }, select: { id: true, name: true, kind: true, regionCode: true } });
  if (!agency) return { ok: false, kind: "notFound", message: `机关编号 ${agencyId} 不存在，未保存。` };
  if (importer !== "cli") {
    if (!canImportReport(importer, agency)) return { ok: false, kind: "forbidden", message: `您无权为“${agency.name}”导入报告。` };
    if (mode === "review" && !canBulkImport(importer)) return { ok: false, kind: "forbidden", message: "只有审核人和管理员可以批量导入。" };
  } else if (mode !== "draft") {
    return { ok: false, kind: "forbidden", message: "命令行导入只能保存为草稿。" };
  }
  const existing = await db().report.findUnique({ where: { agencyId_year: { agencyId, year } }, select: { id: true } });
  if (existing) return existsOutcome(existing.id, agency.name, year);

  const parsed = parseCellsAndSections(version, input.cells, input.sections);
  if (!parsed.ok) return { ok: false, kind: "invalid", message: "有内容未通过检查，未保存。请按提示修改。", fieldErrors: parsed.fieldErrors };

  const status = mode === "review" && !(await hasRuleErrors(version, parsed.cells, agencyId, year)) ? "SUBMITTED" : "DRAFT";
  const actorId = importer === "cli" ? null : importer.id;
  try {
    const reportId = await db().$transaction(async (tx) => {
      const report = await tx.report.create({
        data: { agencyId, year, formatVersion: version, scope: scope ?? (agency.kind === "GOVERNMENT" ? "SUMMARY" : "OWN"), status },
      });
      const revision = await tx.reportRevision.create({
        data: { reportId: report.id, number: 1, state: status, submittedAt: status === "SUBMITTED" ? new Date() : null, ...parsed.sections },
      });
      await replaceCells(prismaSql(tx), revision.id, version, parsed.cells);
      await tx.auditEvent.create({
        data: { action: "IMPORTED", reportId: report.id, revisionId: revision.id, actorId, detail: { ...source, mode, via: importer === "cli" ? "cli" : "web" } },
      });
      if (status === "SUBMITTED") {
        await tx.auditEvent.create({
          data: { action: "SUBMITTED", reportId: report.id, revisionId: revision.id, actorId, detail: { from: "IMPORTED", to: "SUBMITTED" } },
        });
      }
      return report.id;
    });
    const message =
      status === "SUBMITTED"
        ? `已导入 ${agency.name} ${year}年度报告，已进入待审核列表（报告编号 ${reportId}）。`
        : `已保存为 ${agency.name} ${year}年度报告的草稿（报告编号 ${reportId}），请核对后提交。`;
    return { ok: true, reportId, status, agencyName: agency.name, year, message };
  } catch (e) {
    // Another import or 「开始填报」 created the report meanwhile: the unique (agency, year) index keeps theirs.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const again = await db().report.findUnique({ where: { agencyId_year: { agencyId, year } }, select: { id: true } });
      if (again) return existsOutcome(again.id, agency.name, year);
    }
    throw e;
  }
}

function existsOutcome(reportId: number, agencyName: string, year: number): ImportOutcome {
  return { ok: false, kind: "exists", reportId, message: `${agencyName} 已有${year}年度报告，为避免覆盖，未保存。` };
}

async function hasRuleErrors(version: FormatVersion, cells: CellMap, agencyId: number, year: number): Promise<boolean> {
  const previous = await previousYearCells(agencyId, year);
  return validate(version, computeDerived(version, cells), { previous: previous ?? undefined }).some((i) => i.severity === "error");
}

/**
 * A parse result as it came from the file (the CLI, the bulk import): refused when the file could not be read or
 * is not a report, or when no year is known (`year` overrides the one read); the cells are the version's leaves.
 */
export async function storeParsedReport(
  importer: Importer,
  args: { agencyId: number; file: string; result: ImportResult; year?: number | null; mode: ImportMode },
): Promise<ImportOutcome> {
  const r = args.result;
  const blocker = importBlocker(r);
  if (blocker) return { ok: false, kind: "unreadable", message: `${blocker}。未保存。` };
  const year = args.year ?? r.year;
  if (year === null) return { ok: false, kind: "unreadable", message: "未能读出报告年度，未保存。请在导入时选择年度。" };
  const version = r.formatVersion ?? (Number.isInteger(year) && year >= 2019 ? formatForYear(year) : "2021");
  const cells: CellMap = {};
  for (const k of leafKeys(version)) cells[k] = r.formatVersion === version ? (r.cells[k] ?? null) : null;
  for (const k of optionalKeys(version)) if (r.cells[k] !== undefined && r.cells[k] !== null) cells[k] = r.cells[k];
  return storeImportedReport(
    importer,
    {
      agencyId: args.agencyId,
      year,
      formatVersion: version,
      scope: r.scope,
      cells,
      sections: r.sections,
      source: { file: args.file.slice(0, 500), agencyName: r.agencyName?.slice(0, 500) ?? null, problems: r.problems.map((p) => p.code).slice(0, 1000) },
    },
    args.mode,
  );
}

/** Where agencies an importer may import for are: everything for administrators, the region for supervisors. */
function scopeWhere(actor: Actor): Prisma.AgencyWhereInput | null {
  if (actor.banned) return null;
  if (actor.role === "ADMIN") return {};
  if (actor.role === "SUPERVISOR") return actor.regionCode ? { regionCode: regionRange(actor.regionCode) } : null;
  return actor.agencyId ? { id: actor.agencyId } : null;
}

/** The agencies a user may import for (the bulk import's choice), in region order. */
export async function listImportAgencies(actor: Actor, limit = 5000) {
  const where = scopeWhere(actor);
  if (!where) return [];
  return db().agency.findMany({
    where,
    orderBy: [{ regionCode: "asc" }, { name: "asc" }],
    take: limit,
    select: { id: true, name: true, regionCode: true },
  });
}

/** The agency within the user's scope that a report's printed name means (matchAgencyName), or null. */
export async function matchImportAgency(actor: Actor, printed: string | null): Promise<{ id: number; name: string } | null> {
  const where = scopeWhere(actor);
  const name = printed?.replace(/\s+/g, "");
  if (!where || !name || name.length < 2) return null;
  // The candidates matchAgencyName weighs: names ending with the printed one, and its government's.
  const [ending, governments] = await Promise.all([
    db().agency.findMany({ where: { AND: [where, { name: { endsWith: name } }] }, take: 20, select: { id: true, name: true } }),
    db().agency.findMany({
      where: { AND: [where, { OR: GOVERNMENT_SUFFIXES.map((suffix) => ({ name: { endsWith: name + suffix } })) }] },
      take: 5,
      select: { id: true, name: true },
    }),
  ]);
  const candidates = [...new Map([...ending, ...governments].map((a) => [a.id, a])).values()];
  return matchAgencyName(name, candidates);
}
