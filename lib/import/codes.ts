// Which problems mean a file could not be read at all. Apart from parse.ts (which pulls in the PDF and .docx
// readers) so that the browser's import preview can use it.
import type { ImportResult, ProblemCode } from "./types";

/** Problems after which nothing of the file could be read. */
export const FATAL_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  "EMPTY_FILE",
  "FILE_TOO_LARGE",
  "TEXT_TOO_LONG",
  "UNSUPPORTED_FORMAT",
  "BINARY_CONTENT",
  "ZIP_REFUSED",
  "DOCX_UNREADABLE",
  "PDF_UNREADABLE",
  "PDF_NO_TEXT",
  "TIMEOUT",
]);

/** True when the file could not be read at all (the CLI exits with 1). */
export function isFatal(result: Pick<ImportResult, "problems">): boolean {
  return result.problems.some((p) => FATAL_CODES.has(p.code));
}
