"use client";
// The browser side of the import routes: one request per file, the raw file as the body (see lib/import/upload),
// with a client-side time limit so a stalled request ends with a message instead of a spinner forever.
import { SECTION_KEYS } from "@/lib/format";
import { LIMITS, fileTooLargeMessage } from "@/lib/import/limits";
import type { ParsedUpload } from "@/lib/import/preview";
import type { ImportResult } from "@/lib/import/types";
import type { ImportOutcome } from "@/lib/db/import-draft";

/** the file inputs of both import screens */
export const FILE_INPUT =
  "mt-1 block w-full text-sm file:mr-3 file:rounded file:border file:border-slate-400 file:bg-white file:px-3 file:py-1.5 file:text-sm hover:file:bg-slate-50";

export type Answer<T> = { ok: true; data: T } | { ok: false; error: string };

/** upload time and a wait for a parse slot on top of the server's own per-file limit */
const CLIENT_TIMEOUT_MS = LIMITS.timeoutMs + 60_000;

async function post<T>(url: string, body: Blob | string, fileName: string): Promise<Answer<T>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), CLIENT_TIMEOUT_MS);
  try {
    const res = await fetch(url, {
      method: "POST",
      body,
      headers: {
        "content-type": typeof body === "string" ? "text/plain; charset=utf-8" : "application/octet-stream",
        "x-file-name": encodeURIComponent(fileName),
      },
      signal: controller.signal,
    });
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      return { ok: false, error: `服务器返回了无法识别的结果（HTTP ${res.status}），请稍后重试。` };
    }
    if (!res.ok) return { ok: false, error: (json as { error?: string } | null)?.error ?? `服务器错误（HTTP ${res.status}），请稍后重试。` };
    return { ok: true, data: json as T };
  } catch {
    return controller.signal.aborted
      ? { ok: false, error: `服务器在 ${CLIENT_TIMEOUT_MS / 1000} 秒内没有读完，已放弃。请稍后重试或换用其他格式的文件。` }
      : { ok: false, error: "网络错误，未能上传。请检查网络后重试。" };
  } finally {
    clearTimeout(timer);
  }
}

/** A file over the size limit is refused here without uploading it (the server refuses it too). */
function refusedLocally(fileName: string, size: number): ParsedUpload {
  const message = fileTooLargeMessage(size);
  const result: ImportResult = {
    year: null,
    formatVersion: null,
    agencyName: null,
    scope: null,
    sections: Object.fromEntries(SECTION_KEYS.map((k) => [k, ""])) as ImportResult["sections"],
    cells: {},
    problems: [{ code: "FILE_TOO_LARGE", message }],
  };
  return { file: fileName, result, blocker: message, match: null };
}

export function fileLabel(file: File): string {
  return file.webkitRelativePath || file.name;
}

/** Parses a file on the server (nothing is stored); `match`: also find the agency its title names. */
export async function parseFile(file: File, match = false): Promise<Answer<ParsedUpload>> {
  if (file.size > LIMITS.maxFileBytes) return { ok: true, data: refusedLocally(fileLabel(file), file.size) };
  return post<ParsedUpload>(`/api/import/parse${match ? "?match=1" : ""}`, file, file.name);
}

export async function parsePastedText(text: string): Promise<Answer<ParsedUpload>> {
  return post<ParsedUpload>("/api/import/parse?source=paste", text, "粘贴的文字");
}

/** Bulk import: the server parses the file again and stores it for the agency (see docs/decisions.md "Import"). */
export async function importFileFor(file: File, agencyId: number, year: number | null): Promise<Answer<ImportOutcome>> {
  const params = new URLSearchParams({ agency: String(agencyId) });
  if (year !== null) params.set("year", String(year));
  return post<ImportOutcome>(`/review/import/file?${params}`, file, file.name);
}
