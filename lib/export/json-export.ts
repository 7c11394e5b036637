// The region-and-year JSON: one array (what json.load / JSON.parse / pandas.read_json read in one go), one object per
// report: { agency, agency_id, region_code, year, format_version, scope, published_at, cells: { key: number|null } }.
// `cells` holds every key of the report's own format version (null = blank); numbers are written from the
// database's decimal text, so the file holds exactly the stored value.
import { allKeys, isFormatVersion } from "@/lib/format";
import { META_COLUMNS } from "./columns";
import { metaValues, trimDecimal, type ExportRow } from "./rows";
import { batchedTextStream } from "./text-stream";

export function jsonRow(r: ExportRow): string {
  const meta = metaValues(r);
  const fields = META_COLUMNS.map((c, i) => `${JSON.stringify(c.key)}:${JSON.stringify(meta[i] ?? null)}`);
  const keys = isFormatVersion(r.formatVersion) ? allKeys(r.formatVersion) : [];
  // trimDecimal gives a plain decimal ("-6", "1.25"), which is a valid JSON number as it stands
  const cells = keys.map((k) => `${JSON.stringify(k)}:${trimDecimal(r.cells.get(k) ?? null) ?? "null"}`);
  return `{${fields.join(",")},"cells":{${cells.join(",")}}}`;
}

export function jsonStream(batches: AsyncIterable<ExportRow[]>): ReadableStream<Uint8Array> {
  return batchedTextStream(batches, { head: "[", item: (r, i) => (i === 0 ? "\n" : ",\n") + jsonRow(r), tail: "\n]\n" });
}
