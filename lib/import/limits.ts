/**
 * Limits that keep one bad file from hanging or exhausting the importer. A real annual report is 20 KB–5 MB (a PDF
 * with a scanned seal or photos at the upper end), 10–40 pages and 5,000–100,000 characters; every limit leaves a
 * wide margin above that.
 */
export const LIMITS = {
  /** files above this are refused before they are read in full (the CLI checks the size with stat first) */
  maxFileBytes: 20 * 1024 * 1024,
  /** text to analyse (after HTML/PDF/.docx extraction) above this many characters is refused: a report is
   *  < 200,000; the analysis is linear but synchronous, about 2 s per million characters in the worst case */
  maxTextChars: 1_000_000,
  /** HTML source (a Word-exported page carries much markup; reading it costs ~60 ms per million characters) */
  maxHtmlChars: 12_000_000,
  /** .docx: sum of the uncompressed sizes of all zip entries */
  maxZipUncompressedBytes: 50 * 1024 * 1024,
  /** .docx: uncompressed / compressed, for the archive and for any entry larger than 1 MB uncompressed */
  maxZipRatio: 100,
  /** .docx: number of zip entries */
  maxZipEntries: 5_000,
  /** PDF: pages read; later pages are skipped with a problem */
  maxPdfPages: 300,
  /** per-file wall-clock limit used by the CLI */
  timeoutMs: 20_000,
} as const;

/** The refusal of a file from its size alone (size null: only known to exceed the limit), in the browser too. */
export function fileTooLargeMessage(size: number | null, maxBytes: number = LIMITS.maxFileBytes): string {
  const MB = 1024 * 1024;
  const what = size === null ? "文件" : `文件大小 ${(size / MB).toFixed(1)} MB，`;
  return `${what}超过上限 ${(maxBytes / MB).toFixed(0)} MB，未读取`;
}
