// The HTTP side of every /api/v1 route: JSON bodies, a weak ETag from the body's hash with 304 for a matching
// If-None-Match, one-minute public caching, CORS for any origin (open data, no credentials), and errors in the one
// JSON shape — an unexpected exception becomes a 500 without a stack trace (logged here, on the server).
import { createHash } from "node:crypto";
import { ApiError, INTERNAL_ERROR_MESSAGE, type ErrorBody } from "./errors";

export const CACHE_CONTROL = "public, max-age=60";
export const JSON_TYPE = "application/json; charset=utf-8";

const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  // ETag is not a CORS-safelisted response header: a script on another origin may read it only if exposed.
  "Access-Control-Expose-Headers": "ETag",
} as const;

/** Weak, because the same JSON could be sent compressed or not: byte-for-byte equality is not promised. */
export function weakEtag(body: string): string {
  return `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** RFC 9110 If-None-Match: "*" or a list of entity tags, compared weakly (W/ prefixes ignored). */
export function ifNoneMatchMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  if (header.trim() === "*") return true;
  const wanted = opaque(etag);
  return (header.match(/(?:W\/)?"[^"]*"/g) ?? []).some((tag) => opaque(tag) === wanted);
}

export function errorResponse(status: number, body: ErrorBody): Response {
  return new Response(JSON.stringify(body), {
    status,
    // An error may be fixed a moment later (a report being published): never cache one.
    headers: { "Content-Type": JSON_TYPE, "Cache-Control": "no-store", ...CORS_HEADERS },
  });
}

/** A 200 with the payload as JSON, or a 304 when the client already holds this exact body. */
export function jsonResponse(request: Request, payload: unknown): Response {
  const body = JSON.stringify(payload);
  const etag = weakEtag(body);
  const headers = { ETag: etag, "Cache-Control": CACHE_CONTROL, ...CORS_HEADERS };
  if (ifNoneMatchMatches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, "Content-Type": JSON_TYPE } });
}

/**
 * Runs one endpoint: `produce` validates the request (throwing ApiError for a 400/404) and returns the payload.
 * Anything else thrown is a bug or an outage: logged with the request line, answered with a bare 500.
 */
export async function respond(request: Request, produce: (query: URLSearchParams) => Promise<unknown> | unknown): Promise<Response> {
  let url: URL | null = null;
  try {
    url = new URL(request.url);
    return jsonResponse(request, await produce(url.searchParams));
  } catch (e) {
    if (e instanceof ApiError) return errorResponse(e.status, e.toBody());
    console.error(`[api] ${request.method} ${url ? url.pathname + url.search : request.url} failed:`, e);
    return errorResponse(500, { error: { code: "internal_error", message: INTERNAL_ERROR_MESSAGE } });
  }
}

/** CORS preflight (a browser sends one before a cross-origin request carrying If-None-Match). */
export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "If-None-Match",
      "Access-Control-Max-Age": "86400",
    },
  });
}
