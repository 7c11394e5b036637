// One report as a row of the region-and-year data downloads. Cell values travel as the database's decimal text
// (never through a float), so money stays exact in every format.
import { allKeys, isFormatVersion } from "@/lib/format";
import { cellColumns } from "./columns";

export interface ExportRow {
  agency: string;
  agencyId: number;
  regionCode: string;
  year: number;
  formatVersion: string;
  scope: string;
  /** the report's first publication */
  publishedAt: Date | null;
  /** cell key → decimal text as stored ("31989283.0000"), null = blank */
  cells: ReadonlyMap<string, string | null>;
}

/** "31989283.0000" → "31989283", "1.2500" → "1.25", "-6.0000" → "-6"; null stays null. */
export function trimDecimal(text: string | null): string | null {
  if (text === null) return null;
  if (text.endsWith(".0000")) return text.slice(0, -5); // counts, the common case: no regular expressions
  if (!text.includes(".")) return text;
  const t = text.replace(/0+$/, "").replace(/\.$/, "");
  return t === "-0" ? "0" : t;
}

/** ISO 8601 in Beijing time, e.g. "2021-01-29T10:12:00+08:00". */
export function shanghaiIso(d: Date | null): string | null {
  if (!d) return null;
  return new Date(d.getTime() + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, "+08:00");
}

/** The seven report fields in column order (published_at as text). */
export function metaValues(r: ExportRow): (string | number | null)[] {
  return [r.agency, r.agencyId, r.regionCode, r.year, r.formatVersion, r.scope, shanghaiIso(r.publishedAt)];
}

const keysOfVersion = new Map<string, ReadonlySet<string>>();

/** The keys a report of this version has (empty for an unknown version). */
export function versionKeys(version: string): ReadonlySet<string> {
  let s = keysOfVersion.get(version);
  if (!s) {
    s = new Set(isFormatVersion(version) ? allKeys(version) : []);
    keysOfVersion.set(version, s);
  }
  return s;
}

/** Every cell column's value for this row: trimmed decimal text, or null where blank or not in the version. */
export function cellValues(r: ExportRow): (string | null)[] {
  const own = versionKeys(r.formatVersion);
  return cellColumns().map((c) => (own.has(c.key) ? trimDecimal(r.cells.get(c.key) ?? null) : null));
}
