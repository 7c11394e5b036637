/**
 * The region-and-year XLSX, written with exceljs's streaming WorkbookWriter: sheet 数据 has the CSV's columns and
 * two header rows (keys, Chinese labels), then a row per report with numbers as numbers and blanks empty; sheet
 * 字段说明 is the data dictionary (key, label, unit, type, derived, versions). Rows are committed as they are
 * written, and neither a shared-string table nor styles are kept, so memory does not grow with the number of reports.
 */
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { HEADER_KEYS, HEADER_LABELS, META_COLUMNS, cellColumns } from "./columns";
import { cellValues, metaValues, type ExportRow } from "./rows";

const TYPE_LABELS = { int: "整数", signedInt: "整数（可为负）", decimal: "小数（最多4位）", text: "文本", integer: "整数", datetime: "日期时间（ISO 8601）" } as const;

// Bytes written but not yet taken by the client above which writing waits.
const MAX_BACKLOG = 2 * 1024 * 1024;

/**
 * Bytes written but not yet taken by the client: what waits in our PassThrough, and what waits inside exceljs — a
 * worksheet writes into an internal buffer piped to the zip without heeding back-pressure, so that buffer must be
 * watched too (exceljs 4.4 internals; if they change, only our own buffer is watched).
 */
function backlog(sheet: object, out: PassThrough): number {
  // archiver's PassThrough comes from the readable-stream package: read its state fields, which every version has
  type StreamState = { _writableState?: { length?: number }; _readableState?: { length?: number } };
  const inner = (sheet as { _stream?: { pipes?: StreamState[] } })._stream?.pipes?.[0];
  const innerBytes = (inner?._writableState?.length ?? 0) + (inner?._readableState?.length ?? 0);
  return innerBytes + out.writableLength + out.readableLength;
}

const tick = () => new Promise((r) => setTimeout(r, 5));

export function xlsxStream(batches: AsyncIterable<ExportRow[]>, title: string): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  void write(batches, title, out).catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

async function write(batches: AsyncIterable<ExportRow[]>, title: string, out: PassThrough) {
  // no styles: they triple the time per row (measured), and a data sheet needs none
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  wb.creator = "nianbao";
  wb.title = title;
  // both sheets are created first so that 数据 is the first tab; the dictionary is written after the data
  const data = wb.addWorksheet("数据", { views: [{ state: "frozen", ySplit: 2, xSplit: 1 }] });
  const dict = wb.addWorksheet("字段说明");

  data.getColumn(1).width = 28;
  data.addRow([...HEADER_KEYS]).commit();
  data.addRow([...HEADER_LABELS]).commit();
  for await (const batch of batches) {
    for (const r of batch) {
      const cells = cellValues(r).map((v) => (v === null ? null : Number(v)));
      data.addRow([...metaValues(r), ...cells]).commit();
    }
    // hold the database back while the zip or the client is slower than we are; stop when the client has gone
    while (backlog(data, out) > MAX_BACKLOG && !out.destroyed) await tick();
    if (out.destroyed) return;
  }
  data.commit();

  dict.columns = [
    { header: "key", width: 52 },
    { header: "label", width: 80 },
    { header: "unit", width: 8 },
    { header: "type", width: 18 },
    { header: "derived", width: 10 },
    { header: "versions", width: 12 },
  ];
  for (const c of META_COLUMNS) dict.addRow([c.key, `${c.label}：${c.description}`, null, TYPE_LABELS[c.type], null, "2019,2021"]).commit();
  // derived: a total the portal computes from its parts (总计, （七）总计), never typed in
  for (const c of cellColumns()) dict.addRow([c.key, c.label, c.unit, TYPE_LABELS[c.type], c.derived ? "是" : "否", c.versions.join(",")]).commit();
  dict.commit();
  await wb.commit();
}
