// GET /api/v1/cell-keys — the cell dictionary of both formats (from lib/format; no database).
import { listCellKeys } from "@/lib/api/cell-keys";
import { cellKeysQuery } from "@/lib/api/endpoints";
import { preflight, respond } from "@/lib/api/http";
import { parseQuery } from "@/lib/api/params";

export async function GET(request: Request) {
  return respond(request, (query) => listCellKeys(parseQuery(cellKeysQuery, query)));
}

export const OPTIONS = preflight;
