// One parse under a wall-clock limit, shared by the CLI and the upload routes. The timer abandons the asynchronous
// PDF/.docx readers (a PDF read is cancelled through the signal); the synchronous text analysis is bounded by
// LIMITS instead (see README "Limits"). An exception from a reader becomes a problem, never a crash.
import { LIMITS, fileTooLargeMessage } from "./limits";
import { failed } from "./parse";
import type { ImportResult } from "./types";

export async function parseWithin(work: (signal: AbortSignal) => Promise<ImportResult>, timeoutMs: number = LIMITS.timeoutMs): Promise<ImportResult> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ImportResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(failed("TIMEOUT", `读取超过 ${timeoutMs / 1000} 秒，已放弃（文件可能过于复杂或已损坏）`));
    }, timeoutMs);
  });
  const run = work(controller.signal).catch((e: unknown) =>
    failed("UNSUPPORTED_FORMAT", `读取时出错：${String((e as Error)?.message ?? e).slice(0, 200)}`),
  );
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The refusal of a file from its size alone, before it is read (size null: only known to exceed the limit). */
export function fileTooLarge(size: number | null, maxBytes: number = LIMITS.maxFileBytes): ImportResult {
  return failed("FILE_TOO_LARGE", fileTooLargeMessage(size, maxBytes));
}
