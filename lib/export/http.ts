// Response headers of the downloads: a UTF-8 file name browsers keep (RFC 6266 filename* with an ASCII fallback for
// old clients), the content type, and caching — published content changes only with a new revision.
export const CONTENT_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
} as const;

export type DownloadFormat = keyof typeof CONTENT_TYPES;

/** RFC 5987 percent-encoding: encodeURIComponent leaves ' ( ) * ! unencoded, which attr-char does not allow. */
function encodeRfc5987(s: string): string {
  return encodeURIComponent(s).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function contentDisposition(filename: string, asciiFallback: string): string {
  const safe = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${safe}"; filename*=UTF-8''${encodeRfc5987(filename)}`;
}

export const PUBLIC_CACHE = "public, max-age=300";

export function downloadHeaders(format: DownloadFormat, filename: string, asciiFallback: string, etag?: string): Headers {
  const h = new Headers({
    "content-type": CONTENT_TYPES[format],
    "content-disposition": contentDisposition(filename, asciiFallback),
    "cache-control": PUBLIC_CACHE,
    "x-content-type-options": "nosniff",
  });
  if (etag) h.set("etag", etag);
  return h;
}

/**
 * A weak validator (the bytes of a regenerated PDF differ in their creation date, the content does not): the report,
 * the revision shown and when it was published, and the format.
 */
export function reportEtag(r: { id: number; revisionId: number; revisionPublishedAt: Date | null }, format: DownloadFormat): string {
  return `W/"report-${r.id}-${r.revisionId}-${r.revisionPublishedAt?.getTime() ?? 0}-${format}"`;
}

/** Whether the client's If-None-Match already names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function isNotModified(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => bare(t) === bare(etag));
}

export function textResponse(status: number, message: string): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
