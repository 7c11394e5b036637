// GET /api/v1/agencies/{id} — one agency with its published reports.
import { idPath, noQuery } from "@/lib/api/endpoints";
import { preflight, respond } from "@/lib/api/http";
import { parsePathParam, parseQuery } from "@/lib/api/params";
import { getAgency } from "@/lib/db/queries/api";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(request, (query) => {
    parseQuery(noQuery, query);
    return getAgency(parsePathParam(idPath, "id", id));
  });
}

export const OPTIONS = preflight;
