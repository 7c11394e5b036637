// GET /api/v1/cells — chosen cells of many published reports, one row per report (for researchers).
import { cellsQuery } from "@/lib/api/endpoints";
import { preflight, respond } from "@/lib/api/http";
import { parseQuery } from "@/lib/api/params";
import { listCells } from "@/lib/db/queries/api";

export async function GET(request: Request) {
  return respond(request, (query) => listCells(parseQuery(cellsQuery, query)));
}

export const OPTIONS = preflight;
