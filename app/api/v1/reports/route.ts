// GET /api/v1/reports — published reports, filtered by region, year, kind, format, scope or agency.
import { reportsQuery } from "@/lib/api/endpoints";
import { preflight, respond } from "@/lib/api/http";
import { parseQuery } from "@/lib/api/params";
import { listReports } from "@/lib/db/queries/api";

export async function GET(request: Request) {
  return respond(request, (query) => listReports(parseQuery(reportsQuery, query)));
}

export const OPTIONS = preflight;
