// GET /reports/[id]/download/{pdf,docx,xlsx}[?rev=N]: a published report as a file. Anything not published (or
// not a report, or a malformed id or revision) is a 404, exactly as the report page answers it.
import { getReportForExport } from "@/lib/db/queries/export";
import { buildReportDocx } from "@/lib/export/docx";
import { cachedFile } from "@/lib/export/file-cache";
import { downloadHeaders, isNotModified, reportEtag, textResponse } from "@/lib/export/http";
import { buildReportPdf } from "@/lib/export/pdf";
import { reportTitle, type ExportReport } from "@/lib/export/report";
import { buildReportXlsx } from "@/lib/export/xlsx-report";
import { parseId } from "@/lib/params";

const BUILDERS = { pdf: buildReportPdf, docx: buildReportDocx, xlsx: buildReportXlsx } as const satisfies Record<string, (r: ExportReport) => Promise<Buffer>>;

type Context = { params: Promise<{ id: string; format: string }> };

export async function GET(request: Request, { params }: Context) {
  const { id: rawId, format } = await params;
  if (!Object.hasOwn(BUILDERS, format)) return textResponse(404, "未找到该文件");
  const f = format as keyof typeof BUILDERS;
  const id = parseId(rawId);
  const revParam = new URL(request.url).searchParams.get("rev");
  const rev = revParam === null ? undefined : parseId(revParam);
  if (!id || rev === null) return textResponse(404, "未找到该报告");
  const report = await getReportForExport(id, rev);
  if (!report) return textResponse(404, "未找到该报告");

  const etag = reportEtag(report, f);
  const suffix = report.isLatest ? "" : `（第${report.revisionNumber}版）`;
  const headers = downloadHeaders(f, `${reportTitle(report)}${suffix}.${f}`, `report-${report.id}-${report.year}-r${report.revisionNumber}.${f}`, etag);
  if (isNotModified(request, etag)) return new Response(null, { status: 304, headers });
  const bytes = await cachedFile(etag, () => BUILDERS[f](report));
  headers.set("content-length", String(bytes.length));
  return new Response(new Uint8Array(bytes), { headers });
}
