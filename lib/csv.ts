// CSV as Excel opens it: UTF-8 with a byte-order mark, CRLF line ends, fields quoted when needed.
export const CSV_BOM = "\uFEFF";

export function csvField(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = String(v);
  // A leading =, +, - or @ would be read as a formula by spreadsheet programs.
  const safe = /^[=+\-@]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(fields: unknown[]): string {
  return fields.map(csvField).join(",") + "\r\n";
}
