/**
 * What the import screens say about a parse result: whether anything can be stored, what was and was not found,
 * where each problem belongs, and which agency a report's name means. Pure (no database, no parser), so the
 * browser's preview and the server's checks give the same answers.
 */
import { SECTIONS, cellDef, leafKeys, sectionTables, type FormatVersion, type SectionKey } from "../format";
import { FATAL_CODES } from "./codes";
import type { ImportResult, Problem } from "./types";

/**
 * Why nothing of this result may be stored, or null when it may: a file that could not be read at all, or a
 * readable file that is not an annual report.
 */
export function importBlocker(r: Pick<ImportResult, "problems">): string | null {
  const fatal = r.problems.find((p) => FATAL_CODES.has(p.code));
  if (fatal) return fatal.message;
  return r.problems.find((p) => p.code === "NOT_A_REPORT")?.message ?? null;
}

const TABLE_GROUPS: readonly { section: SectionKey; name: string }[] = [
  { section: "s2_active", name: "主动公开情况表" },
  { section: "s3_requests", name: "政府信息公开申请情况表" },
  { section: "s4_reviewLitigation", name: "行政复议、行政诉讼情况表" },
];

/** What was and was not found in a file, as short Chinese phrases for the message shown with the result. */
export function importFindings(r: ImportResult): { found: string[]; missing: string[] } {
  const found: string[] = [];
  const missing: string[] = [];
  if (r.year !== null) found.push(`年度 ${r.year}`);
  else missing.push("报告年度");
  if (r.agencyName) found.push(`机关名称“${r.agencyName}”`);
  else missing.push("机关名称（报告标题）");
  if (r.formatVersion) found.push(`${r.formatVersion} 年版表格格式`);
  else missing.push("表格格式（2019 年版或 2021 年版）");
  const sections = SECTIONS.filter((s) => (r.sections[s.key] ?? "").trim() !== "");
  if (sections.length > 0) found.push(`正文 ${sections.length} 个部分`);
  const absent = SECTIONS.filter((s) => !s.hasTables && (r.sections[s.key] ?? "").trim() === "");
  if (absent.length > 0) missing.push(`正文“${absent.map((s) => s.heading).join("”“")}”`);
  if (r.formatVersion) {
    const v = r.formatVersion;
    for (const g of TABLE_GROUPS) {
      const keys = sectionTables(v, g.section).flatMap((t) => leafKeys(v).filter((k) => cellDef(v, k)!.tableId === t.id));
      const filled = keys.filter((k) => r.cells[k] !== null && r.cells[k] !== undefined).length;
      if (filled > 0) found.push(`${g.name} ${filled} 个数值`);
      else missing.push(g.name);
    }
  } else {
    missing.push("统计表");
  }
  return { found, missing };
}

/** Problems the preview lists. RULE_* problems were found on the printed figures; the preview checks the current
 *  figures live with the same rules instead, so listing both would show stale copies. */
export function previewProblems(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => !p.code.startsWith("RULE_"));
}

/** Where a problem belongs: the cells it names (that exist in the version) and their section, or the section a
 *  heading in its message names (the section splitter's problems), or nowhere in particular. */
export function placeProblem(version: FormatVersion | null, p: Problem): { section: SectionKey | null; cells: string[] } {
  const cells = version ? (p.cells ?? []).filter((k) => cellDef(version, k)) : [];
  if (cells.length > 0) return { section: sectionOfTable(cellDef(version!, cells[0]!)!.tableId), cells };
  const named = SECTIONS.find((s) => p.message.includes(s.heading));
  return { section: named?.key ?? null, cells: [] };
}

function sectionOfTable(tableId: string): SectionKey {
  return tableId.startsWith("active.") ? "s2_active" : tableId === "requests" ? "s3_requests" : "s4_reviewLitigation";
}

function normalizeName(name: string): string {
  return name.normalize("NFKC").replace(/[\s\u3000"“”'‘’]/g, "");
}

/**
 * The agency a report's printed name means, among the candidates (the agencies the user may import for): the one
 * with the same name, else the only one whose name is the printed name with a region in front ("洮北区人民政府" →
 * 白城市洮北区人民政府) or, for a bare region name, its government ("大兴安岭地区" → 大兴安岭地区行政公署, not
 * 大兴安岭地区教育局). Never a broader or a merely similar name: "××县人民政府办公室" is not the county government
 * because the office is not registered. Two or more equally good candidates are no match: the user chooses.
 */
export function matchAgencyName<T extends { name: string }>(printed: string | null, candidates: readonly T[]): T | null {
  if (!printed) return null;
  const p = normalizeName(printed);
  if (p.length < 2) return null;
  const exact = candidates.filter((c) => normalizeName(c.name) === p);
  if (exact.length > 0) return exact.length === 1 ? exact[0]! : null;
  const near = candidates.filter((c) => {
    const n = normalizeName(c.name);
    return n.endsWith(p) || GOVERNMENT_SUFFIXES.some((suffix) => n.endsWith(p + suffix));
  });
  return near.length === 1 ? near[0]! : null;
}

/** What follows a region's name in its government's name. */
export const GOVERNMENT_SUFFIXES = ["人民政府", "行政公署"] as const;

/** What the parse route answers for one upload (app/api/import/parse). */
export interface ParsedUpload {
  file: string;
  result: ImportResult;
  /** why nothing of it can be stored (importBlocker), or null */
  blocker: string | null;
  /** the agency in the user's scope its printed name means (bulk import only) */
  match: { id: number; name: string } | null;
}

/** What 「创建草稿」 of the clerk's import answers when it stores nothing (app/(filing)/filing/import). */
export interface CreateImportState {
  message: string;
  /** keyed by "year", a cell key, a section key or "form" */
  fieldErrors: Record<string, string[]>;
  /** the report that already exists for the agency and year (nothing was overwritten) */
  existingReportId: number | null;
}
