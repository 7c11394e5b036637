// The region-and-year CSV: UTF-8 with BOM and CRLF (as Excel opens it), a header row of keys, a second header row
// of Chinese labels, then one row per report (columns.ts). Blank cells and cells the report's version lacks are
// empty; numbers are the exact decimals ("31989283", "1.25").
import { CSV_BOM, csvLine } from "@/lib/csv";
import { HEADER_KEYS, HEADER_LABELS } from "./columns";
import { cellValues, metaValues, type ExportRow } from "./rows";
import { batchedTextStream } from "./text-stream";

export function csvHeader(): string {
  return CSV_BOM + csvLine([...HEADER_KEYS]) + csvLine([...HEADER_LABELS]);
}

export function csvRow(r: ExportRow): string {
  return csvLine([...metaValues(r), ...cellValues(r)]);
}

export function csvStream(batches: AsyncIterable<ExportRow[]>): ReadableStream<Uint8Array> {
  return batchedTextStream(batches, { head: csvHeader(), item: csvRow, tail: "" });
}
