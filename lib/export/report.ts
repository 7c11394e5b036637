// What a single-report download is built from: plain data, so the builders run without a database or HTTP.
import { formatDate } from "@/lib/dates";
import type { CellMap, FormatVersion, SectionKey } from "@/lib/format";

export interface ExportReport {
  id: number;
  agencyName: string;
  year: number;
  formatVersion: FormatVersion;
  scope: "OWN" | "SUMMARY";
  /** the report's first publication (what the report page shows as 发布日期) */
  publishedAt: Date | null;
  revisionId: number;
  revisionNumber: number;
  /** when this revision was published (a correction is published later than the report first was) */
  revisionPublishedAt: Date | null;
  /** whether this revision is the one the public currently reads */
  isLatest: boolean;
  sections: Record<SectionKey, string>;
  cells: CellMap;
}

export function reportTitle(r: Pick<ExportReport, "agencyName" | "year">): string {
  return `${r.agencyName}${r.year}年政府信息公开工作年度报告`;
}

export const SCOPE_LABELS = { OWN: "本机关报告", SUMMARY: "汇总报告（本行政区域）" } as const;
export const VERSION_LABELS: Record<FormatVersion, string> = { "2019": "2019年试行格式", "2021": "2021年格式" };

/** Narrative text is stored as plain text; its paragraphs are its non-empty lines (as the web page shows it). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The 发布日期 / 版本 line printed under the title in every format. */
export function metaLine(r: ExportReport): string {
  const parts = [`报告类型：${SCOPE_LABELS[r.scope]}`, `表格格式：${VERSION_LABELS[r.formatVersion]}`];
  if (r.publishedAt) parts.push(`发布日期：${formatDate(r.publishedAt)}`);
  if (r.revisionNumber > 1 || !r.isLatest) parts.push(`第${r.revisionNumber}版${r.isLatest ? "（现行）" : "（历史版本）"}`);
  return parts.join("　");
}
