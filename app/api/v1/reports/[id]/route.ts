// GET /api/v1/reports/{id} — a published report in full: sections, cells, revisions (?rev=N for an older one).
import { idPath, reportQuery } from "@/lib/api/endpoints";
import { preflight, respond } from "@/lib/api/http";
import { parsePathParam, parseQuery } from "@/lib/api/params";
import { getReport } from "@/lib/db/queries/api";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(request, (query) => {
    const { rev } = parseQuery(reportQuery, query);
    return getReport(parsePathParam(idPath, "id", id), rev);
  });
}

export const OPTIONS = preflight;
