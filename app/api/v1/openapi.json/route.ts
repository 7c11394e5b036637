// GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from the schemas the routes validate with.
import { noQuery } from "@/lib/api/endpoints";
import { preflight, respond } from "@/lib/api/http";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { parseQuery } from "@/lib/api/params";

export async function GET(request: Request) {
  return respond(request, (query) => {
    parseQuery(noQuery, query);
    return buildOpenApiDocument();
  });
}

export const OPTIONS = preflight;
