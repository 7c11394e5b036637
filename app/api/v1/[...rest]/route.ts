// Any other path under /api/v1: a JSON 404 in the API's error shape rather than the site's HTML 404 page.
import { notFound } from "@/lib/api/errors";
import { preflight, respond } from "@/lib/api/http";

export async function GET(request: Request) {
  return respond(request, () => {
    throw notFound("没有这个接口，可用的接口见 /api/v1/openapi.json");
  });
}

export const OPTIONS = preflight;
