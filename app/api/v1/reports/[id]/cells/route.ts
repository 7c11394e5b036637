// GET /api/v1/reports/{id}/cells — the cell values of one published report (all, or ?keys=…).
import { idPath, reportCellsQuery } from "@/lib/api/endpoints";
import { preflight, respond } from "@/lib/api/http";
import { parsePathParam, parseQuery } from "@/lib/api/params";
import { getReportCells } from "@/lib/db/queries/api";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(request, (query) => {
    const { rev, keys } = parseQuery(reportCellsQuery, query);
    return getReportCells(parsePathParam(idPath, "id", id), rev, keys);
  });
}

export const OPTIONS = preflight;
