/**
 * A published report as an Excel workbook: one sheet per table group (主动公开 / 依申请公开 / 复议诉讼) in the official
 * layout with merged cells, values as numbers (a blank cell stays empty, never 0); a sheet 正文 with the six
 * sections; and a sheet 数据 with one row per cell (key, label, value, unit) for machines.
 */
import ExcelJS from "exceljs";
import { SECTIONS, allKeys, cellDef, optionalKeys, type CellDef, type SectionKey } from "@/lib/format";
import { GRID_NAMES, columnShares, reportGrids, type Grid } from "./grid";
import { metaLine, paragraphs, reportTitle, type ExportReport } from "./report";

const THIN = { style: "thin" as const, color: { argb: "FF4B5563" } };
const BORDER = { top: THIN, bottom: THIN, left: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF3F4F6" } };
// widths in Excel's character units, the whole table
const TABLE_WIDTH: Record<Grid["id"], number> = { active: 90, requests: 130, reviewLitigation: 150 };
/** the grid starts below the title and section heading rows */
const FIRST_ROW = 4;
// Excel keeps at most 32,767 characters in a cell
const MAX_CELL_TEXT = 32_000;

export async function buildReportXlsx(r: ExportReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "nianbao";
  wb.title = reportTitle(r);
  wb.subject = "政府信息公开工作年度报告";
  for (const g of reportGrids(r.formatVersion, r.cells)) gridSheet(wb, r, g);
  textSheet(wb, r);
  dataSheet(wb, r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Number format that shows a value as the report prints it: 本年增/减 with its sign, 元 amounts with the unit. */
export function numFmtOf(def: CellDef): string | undefined {
  if (def.type === "signedInt") return "+0;-0;0";
  if (def.unit === "元") return 'General"元"';
  return undefined;
}

function gridSheet(wb: ExcelJS.Workbook, r: ExportReport, g: Grid) {
  const ws = wb.addWorksheet(g.name, { views: [{ showGridLines: false }], pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const shares = columnShares(g);
  shares.forEach((s, i) => (ws.getColumn(i + 1).width = Math.max(4, Math.round(s * TABLE_WIDTH[g.id]))));
  ws.mergeCells(1, 1, 1, g.columnCount);
  ws.getCell(1, 1).value = reportTitle(r);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: "center" };
  ws.getCell(2, 1).value = SECTIONS.find((s) => s.key === g.section)!.heading;
  ws.getCell(2, 1).font = { bold: true };

  // every position of the grid gets the border, so merged areas are outlined too
  for (let row = 0; row < g.rowCount; row++) {
    for (let col = 0; col < g.columnCount; col++) ws.getCell(FIRST_ROW + row, col + 1).border = BORDER;
  }
  const lines = Array.from({ length: g.rowCount }, () => 1);
  for (const c of g.cells) {
    const top = FIRST_ROW + c.row;
    const left = c.col + 1;
    if (c.rowSpan > 1 || c.colSpan > 1) ws.mergeCells(top, left, top + c.rowSpan - 1, left + c.colSpan - 1);
    const cell = ws.getCell(top, left);
    const isLabel = c.kind !== "value";
    if (isLabel) {
      cell.value = c.text;
      cell.fill = HEADER_FILL;
      cell.font = { bold: c.kind === "caption" };
    } else if (c.value !== null && c.value !== undefined) {
      cell.value = c.value;
      const fmt = numFmtOf(cellDef(r.formatVersion, c.key!)!);
      if (fmt) cell.numFmt = fmt;
    }
    const leftAligned = c.kind === "rowHeader" && c.rowSpan === 1;
    cell.alignment = { vertical: "middle", horizontal: leftAligned ? "left" : "center", wrapText: true };
    if (isLabel && c.rowSpan === 1) {
      // Excel does not grow rows that hold merged cells: give long labels their lines
      const width = shares.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0) * TABLE_WIDTH[g.id];
      lines[c.row] = Math.max(lines[c.row]!, Math.ceil((c.text.length * 2) / Math.max(2, width - 1)));
    }
  }
  lines.forEach((n, i) => (ws.getRow(FIRST_ROW + i).height = Math.max(18, n * 15)));
}

const SHEET_OF_SECTION: Partial<Record<SectionKey, string>> = { s2_active: GRID_NAMES.active, s3_requests: GRID_NAMES.requests, s4_reviewLitigation: GRID_NAMES.reviewLitigation };

function textSheet(wb: ExcelJS.Workbook, r: ExportReport) {
  const ws = wb.addWorksheet("正文", { views: [{ showGridLines: false }] });
  ws.getColumn(1).width = 110;
  const add = (text: string, font?: Partial<ExcelJS.Font>) => {
    const row = ws.addRow([text.slice(0, MAX_CELL_TEXT)]);
    row.getCell(1).alignment = { wrapText: true, vertical: "top" };
    if (font) row.getCell(1).font = font;
    row.height = Math.max(18, Math.ceil((text.length * 2) / 108) * 16);
  };
  add(reportTitle(r), { bold: true, size: 14 });
  add(metaLine(r), { color: { argb: "FF4B5563" } });
  for (const s of SECTIONS) {
    add(s.heading, { bold: true, size: 12 });
    const text = paragraphs(r.sections[s.key] ?? "");
    if (text.length === 0 && !s.hasTables) text.push("（无）");
    for (const p of text) for (let i = 0; i < p.length; i += MAX_CELL_TEXT) add(p.slice(i, i + MAX_CELL_TEXT));
    const sheet = SHEET_OF_SECTION[s.key];
    if (sheet) add(`（统计表见工作表“${sheet}”）`, { color: { argb: "FF4B5563" } });
  }
}

function dataSheet(wb: ExcelJS.Workbook, r: ExportReport) {
  const ws = wb.addWorksheet("数据", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = [
    { header: "key", width: 52 },
    { header: "label", width: 70 },
    { header: "value", width: 16 },
    { header: "unit", width: 8 },
  ];
  ws.getRow(1).font = { bold: true };
  const v = r.formatVersion;
  // optional local rows (2019 其他主动公开文件) only when the report has them
  const keys = [...allKeys(v), ...optionalKeys(v).filter((k) => r.cells[k] != null)];
  for (const key of keys) {
    const def = cellDef(v, key)!;
    ws.addRow([key, def.label, r.cells[key] ?? null, def.unit]);
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 4 } };
}
