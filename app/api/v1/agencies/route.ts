// GET /api/v1/agencies — agencies of a region (and everything under it), by kind or name.
import { agenciesQuery } from "@/lib/api/endpoints";
import { preflight, respond } from "@/lib/api/http";
import { parseQuery } from "@/lib/api/params";
import { listAgencies } from "@/lib/db/queries/api";

export async function GET(request: Request) {
  return respond(request, (query) => listAgencies(parseQuery(agenciesQuery, query)));
}

export const OPTIONS = preflight;
