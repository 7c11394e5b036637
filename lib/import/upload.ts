/**
 * An uploaded report, as the import routes receive it: the raw file as the request body (not multipart, so the
 * size can be counted while reading and the upload cut off at the limit), its name in the `x-file-name` header
 * (URI-encoded), or pasted text with `?source=paste`. The parse runs under the per-file time limit, and at most
 * PARSE_SLOTS parses run at once in a server process, so a burst of uploads cannot starve the pages.
 */
import { LIMITS } from "./limits";
import { parseReport } from "./parse";
import type { ImportResult } from "./types";
import { fileTooLarge, parseWithin } from "./within";

export const PARSE_SLOTS = 2;
/** uploads waiting for a slot beyond this are told to retry */
export const PARSE_QUEUE = 20;

/**
 * False for a browser request sent from another site (its Origin names another host). The session cookie is
 * SameSite=Lax already; this is the same check Next.js makes for server actions, for the upload routes.
 */
export function fromSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Reads a body up to `maxBytes`; past it the stream is cancelled, so a 50 MB upload costs at most the limit. */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<{ ok: true; bytes: Buffer } | { ok: false; size: number | null }> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await request.body?.cancel().catch(() => {});
    return { ok: false, size: declared };
  }
  if (!request.body) return { ok: true, bytes: Buffer.alloc(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false, size: null };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: Buffer.concat(chunks, total) };
}

/** The file name a client sent: its last path part, bounded; only a hint for the parser and a label for people. */
export function uploadFileName(request: Request): string {
  let name = request.headers.get("x-file-name") ?? "";
  try {
    name = decodeURIComponent(name);
  } catch {
    // a malformed escape: keep the header as sent
  }
  name = name.split(/[\\/]/).pop() ?? "";
  return name.replace(/[\u0000-\u001f]/g, "").slice(0, 255) || "（未命名）";
}

let running = 0;
const waiting: (() => void)[] = [];

/** Runs `work` when one of PARSE_SLOTS is free; null when PARSE_QUEUE uploads already wait. */
export async function inParseSlot<T>(work: () => Promise<T>): Promise<T | null> {
  if (running >= PARSE_SLOTS) {
    if (waiting.length >= PARSE_QUEUE) return null;
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  try {
    return await work();
  } finally {
    // hand the slot straight to the next waiter, or free it
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** Reads and parses an upload. `busy`: too many uploads at once, nothing was parsed. */
export async function parseUpload(request: Request): Promise<{ file: string; result: ImportResult } | { busy: true }> {
  const file = uploadFileName(request);
  const paste = new URL(request.url).searchParams.get("source") === "paste";
  const body = await readLimitedBody(request, LIMITS.maxFileBytes);
  if (!body.ok) return { file, result: fileTooLarge(body.size) };
  const bytes = body.bytes;
  const result = await inParseSlot(() =>
    parseWithin((signal) =>
      // Pasted text is UTF-8 from the browser; a file's encoding is detected from its bytes.
      paste ? parseReport({ text: bytes.toString("utf8"), filename: file }, { signal }) : parseReport({ buffer: bytes, filename: file }, { signal }),
    ),
  );
  return result === null ? { busy: true } : { file, result };
}
