/**
 * A published report as an A4 PDF: title, report type / format / date, the six sections in order with their
 * narrative, and the three table groups drawn as ruled tables in the official layout (pdf-table.ts). Text is set in
 * Noto Sans CJK SC, embedded as a subset, so it renders and extracts as Chinese everywhere.
 */
import { SECTIONS } from "@/lib/format";
import { reportGrids } from "./grid";
import { drawGrid, gridHeight, type TableArea } from "./pdf-table";
import { registerCjkFonts } from "./pdf-fonts";
import { createPdfDoc, pdfBytes, type PdfDoc } from "./pdfkit-doc";
import { metaLine, paragraphs, reportTitle, type ExportReport } from "./report";

const MARGIN = { top: 60, bottom: 60, left: 50, right: 50 };
const BODY_SIZE = 10.5;
const TEXT = "#111827";
const MUTED = "#4b5563";

export async function buildReportPdf(r: ExportReport): Promise<Buffer> {
  const title = reportTitle(r);
  const doc = createPdfDoc({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    compress: true,
    lang: "zh-CN",
    displayTitle: true,
    info: { Title: title, Author: r.agencyName, Subject: "政府信息公开工作年度报告", Creator: "nianbao" },
  });
  const done = pdfBytes(doc);
  registerCjkFonts(doc);
  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const bottom = doc.page.height - MARGIN.bottom;
  const area: TableArea = {
    left,
    width,
    bottom,
    pageTop: MARGIN.top,
    newPage: () => {
      doc.addPage();
      return MARGIN.top;
    },
  };

  doc.font("cjk-bold").fontSize(17).fillColor(TEXT).text(title, left, MARGIN.top, { width, align: "center", lineGap: 4 });
  doc.y += 6;
  doc.font("cjk").fontSize(9).fillColor(MUTED).text(metaLine(r), left, doc.y, { width, align: "center" });
  doc.y += 14;

  const grids = reportGrids(r.formatVersion, r.cells);
  for (const s of SECTIONS) {
    const text = paragraphs(r.sections[s.key] ?? "");
    // as the web page: a table section without narrative shows just its tables; other sections say （无）
    if (text.length === 0 && !s.hasTables) text.push("（无）");
    const tables = grids.filter((x) => x.section === s.key);
    // what must follow the heading on its page: three lines of text, or the table when there is no text
    const first = tables[0];
    const keep = text.length === 0 && first ? Math.min(gridHeight(doc, first, width), bottom - MARGIN.top - 40) : 3 * BODY_SIZE * 1.8;
    heading(doc, s.heading, area, keep);
    doc.font("cjk").fontSize(BODY_SIZE).fillColor(TEXT);
    for (const p of text) doc.text(p, left, doc.y, { width, indent: BODY_SIZE * 2, lineGap: 5, paragraphGap: 4 });
    for (const g of tables) {
      doc.y = drawGrid(doc, g, doc.y + 6, area) + 10;
    }
    doc.y += 6;
  }

  pageFurniture(doc, title);
  doc.end();
  return done;
}

/** A section heading, moved to the next page rather than left alone at the foot of one. */
function heading(doc: PdfDoc, text: string, area: TableArea, keepWithNext: number) {
  doc.font("cjk-bold").fontSize(13);
  const h = doc.heightOfString(text, { width: area.width });
  if (doc.y + h + 11 + keepWithNext > area.bottom) doc.y = area.newPage();
  doc.fillColor(TEXT).text(text, area.left, doc.y, { width: area.width });
  doc.y += 5;
}

/** Page numbers on every page and the title at the top of every page but the first. */
function pageFurniture(doc: PdfDoc, title: string) {
  const { start, count } = doc.bufferedPageRange();
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing in the margin would make pdfkit start a new page: lift the bottom margin while doing it.
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font("cjk").fontSize(8).fillColor(MUTED);
    doc.text(`第 ${i + 1} 页　共 ${count} 页`, MARGIN.left, doc.page.height - MARGIN.bottom / 2 - 4, { width, align: "center", lineBreak: false });
    if (i > start) {
      doc.text(title, MARGIN.left, MARGIN.top / 2 - 4, { width, align: "center", lineBreak: false });
      doc.lineWidth(0.5).strokeColor("#9ca3af").moveTo(MARGIN.left, MARGIN.top / 2 + 8).lineTo(MARGIN.left + width, MARGIN.top / 2 + 8).stroke();
    }
    doc.page.margins.bottom = saved;
  }
}
