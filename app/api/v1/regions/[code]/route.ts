// GET /api/v1/regions/{code} — one region with its ancestors.
import { noQuery, regionCodePath } from "@/lib/api/endpoints";
import { preflight, respond } from "@/lib/api/http";
import { parsePathParam, parseQuery } from "@/lib/api/params";
import { getRegion } from "@/lib/db/queries/api";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return respond(request, (query) => {
    parseQuery(noQuery, query);
    return getRegion(parsePathParam(regionCodePath, "code", code));
  });
}

export const OPTIONS = preflight;
