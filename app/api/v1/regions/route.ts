// GET /api/v1/regions — the regions under a parent, or of one level (provinces by default).
import { regionsQuery } from "@/lib/api/endpoints";
import { preflight, respond } from "@/lib/api/http";
import { parseQuery } from "@/lib/api/params";
import { listRegions } from "@/lib/db/queries/api";

export async function GET(request: Request) {
  return respond(request, (query) => listRegions(parseQuery(regionsQuery, query)));
}

export const OPTIONS = preflight;
