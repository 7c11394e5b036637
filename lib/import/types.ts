/** Types of the report importer (lib/import). See README.md. */
import type { FormatVersion, SectionKey } from "../format/types";

export type Scope = "OWN" | "SUMMARY";

export type ImportSections = Record<SectionKey, string>;

/**
 * Something the importer could not read as the format says. `message` is Chinese and says what could not be read
 * and why; `cells` names the affected cell keys; `printed` quotes a printed value that was not used (a printed
 * total that disagrees with its parts).
 */
export interface Problem {
  code: ProblemCode;
  message: string;
  cells?: string[];
  printed?: number | null;
}

export type ProblemCode =
  // the file itself (fatal: nothing could be read — see FATAL_CODES)
  | "EMPTY_FILE"
  | "FILE_TOO_LARGE"
  | "TEXT_TOO_LONG"
  | "UNSUPPORTED_FORMAT"
  | "BINARY_CONTENT"
  | "ZIP_REFUSED"
  | "DOCX_UNREADABLE"
  | "PDF_UNREADABLE"
  | "PDF_NO_TEXT"
  | "TIMEOUT"
  // partial reads of the file
  | "PDF_PAGES_WITHOUT_TEXT"
  | "PDF_TOO_MANY_PAGES"
  | "TEXT_DECODING"
  // what the document says
  | "NOT_A_REPORT"
  | "YEAR_NOT_FOUND"
  | "AGENCY_NOT_FOUND"
  | "SCOPE_UNKNOWN"
  | "VERSION_FROM_YEAR"
  | "VERSION_CONFLICT"
  | "VERSION_UNKNOWN"
  | "SECTION"
  | "TABLE_NOT_FOUND"
  | "ROW_NOT_FOUND"
  | "ROW_INCOMPLETE"
  | "BLANKS_INFERRED"
  | "CELLS_UNCERTAIN"
  | "ROW_EXTRA_CELLS"
  | "CELL_UNREADABLE"
  | "BLANK_CELLS"
  | "OTHER_ROW_2019_IN_2021"
  | "OTHER_ROWS_2021_IN_2019"
  | "PRINTED_TOTAL_MISMATCH"
  | `RULE_${string}`;

export interface ImportResult {
  year: number | null;
  formatVersion: FormatVersion | null;
  agencyName: string | null;
  scope: Scope | null;
  /** the six narrative sections, plain text, paragraphs separated by "\n" */
  sections: ImportSections;
  /** every leaf and derived key of `formatVersion` (official order); null = blank; derived cells computed */
  cells: Record<string, number | null>;
  problems: Problem[];
}

export interface ParseInput {
  /** plain text (UTF-8 string already decoded) */
  text?: string;
  /** HTML source */
  html?: string;
  /** raw file content: the kind is detected from the bytes (PDF, .docx, HTML, text in any common encoding) */
  buffer?: Buffer | Uint8Array;
  /** only a hint (and a fallback for the year); content decides */
  filename?: string;
  /** only a hint; content decides */
  mime?: string;
}

export interface ParseOptions {
  /** refuse inputs larger than this many bytes (default LIMITS.maxFileBytes) */
  maxBytes?: number;
  /** abort a long PDF/.docx read (the CLI sets a per-file timeout) */
  signal?: AbortSignal;
}

/** The kind of content found in a buffer. */
export type InputKind = "pdf" | "docx" | "html" | "text";
