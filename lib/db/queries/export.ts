import "server-only";
import { isFormatVersion } from "@/lib/format";
import type { ExportReport } from "@/lib/export/report";
import type { ExportRow } from "@/lib/export/rows";
import { db } from "../client";
import { getRevisionCells } from "./cells";
import { getPublishedReport } from "./public";
import { isRegionCode, regionRange } from "./region-scope";

// Data for the downloads. Like public.ts, only published revisions ever leave these functions.

/** A published report (latest published revision, or revision `revisionNumber` if that one is published). */
export async function getReportForExport(id: number, revisionNumber?: number): Promise<ExportReport | null> {
  const found = await getPublishedReport(id, revisionNumber);
  if (!found) return null;
  const { report, revision, isLatest } = found;
  if (!isFormatVersion(report.formatVersion)) return null;
  return {
    id: report.id,
    agencyName: report.agency.name,
    year: report.year,
    formatVersion: report.formatVersion,
    scope: report.scope,
    publishedAt: report.firstPublishedAt,
    revisionId: revision.id,
    revisionNumber: revision.number,
    revisionPublishedAt: revision.publishedAt,
    isLatest,
    sections: {
      s1_overall: revision.s1_overall,
      s2_active: revision.s2_active,
      s3_requests: revision.s3_requests,
      s4_reviewLitigation: revision.s4_reviewLitigation,
      s5_problems: revision.s5_problems,
      s6_other: revision.s6_other,
    },
    cells: await getRevisionCells(revision.id),
  };
}

export async function getExportRegion(code: string): Promise<{ code: string; name: string } | null> {
  if (!isRegionCode(code)) return null;
  return db().region.findUnique({ where: { code }, select: { code: true, name: true } });
}

export const EXPORT_BATCH_SIZE = 250;

interface ReportRow {
  id: number;
  agency_id: number;
  agency: string;
  region_code: string;
  year: number;
  format_version: string;
  scope: string;
  first_published_at: Date | null;
  /** {"key": "decimal text" | null, …} of the published revision */
  cells: string | null;
}

/**
 * The published reports of a year by agencies in the region and below, in report-id order, a batch at a time:
 * keyset pagination over the report id (no OFFSET, so every batch costs the same). Each report's cells come along
 * as one JSON object built in SQL, with the values as text so that numeric(20,4) never passes through a float: one
 * row per report instead of one per cell keeps the driver's work (and the memory of a batch) small. Only one batch
 * is held at a time.
 */
export async function* publishedReportBatches(code: string, year: number, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<ExportRow[]> {
  const range = regionRange(code);
  let after = 0;
  for (;;) {
    const reports = await db().$queryRaw<ReportRow[]>`
      SELECT r.id, a.id AS agency_id, a.name AS agency, a."regionCode" AS region_code, r.year,
             r."formatVersion" AS format_version, r.scope::text AS scope, r."firstPublishedAt" AS first_published_at,
             (SELECT json_object_agg(c.key, c.value::text)::text FROM "Cell" c WHERE c."revisionId" = r."publishedRevisionId") AS cells
      FROM "Report" r JOIN "Agency" a ON a.id = r."agencyId"
      WHERE a."regionCode" >= ${range.gte} AND a."regionCode" <= ${range.lte}
        AND r.year = ${year} AND r."publishedRevisionId" IS NOT NULL AND r.id > ${after}
      ORDER BY r.id
      LIMIT ${batchSize}`;
    if (reports.length === 0) return;
    yield reports.map((r) => ({
      agency: r.agency,
      agencyId: r.agency_id,
      regionCode: r.region_code,
      year: r.year,
      formatVersion: r.format_version,
      scope: r.scope,
      publishedAt: r.first_published_at,
      cells: new Map(Object.entries(r.cells ? (JSON.parse(r.cells) as Record<string, string | null>) : {})),
    }));
    after = reports.at(-1)!.id;
    if (reports.length < batchSize) return;
  }
}
