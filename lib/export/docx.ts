/**
 * A published report as a Word document: title, report type / format / date, the six sections as headings with
 * their paragraphs, and the three table groups as real Word tables in the official layout (merged cells from the
 * grid's rowSpan/colSpan; column header rows repeat on a new page; rows are not split across pages).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { SECTIONS } from "@/lib/format";
import { columnShares, gridRows, reportGrids, type Grid, type GridCell } from "./grid";
import { metaLine, paragraphs, reportTitle, type ExportReport } from "./report";

// A4 with 2.5 cm / 2 cm margins, in twentieths of a point
const PAGE = { width: 11906, height: 16838, marginX: 1134, marginY: 1418 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.marginX;
const FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "宋体" };
const HEADING_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "黑体" };

export async function buildReportDocx(r: ExportReport): Promise<Buffer> {
  const title = reportTitle(r);
  const grids = reportGrids(r.formatVersion, r.cells);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(title)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: metaLine(r), size: 18, color: "4B5563" })] }),
  ];
  for (const s of SECTIONS) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(s.heading)] }));
    const text = paragraphs(r.sections[s.key] ?? "");
    if (text.length === 0 && !s.hasTables) text.push("（无）");
    for (const p of text) children.push(new Paragraph({ indent: { firstLine: 420 }, spacing: { after: 80, line: 360 }, children: [new TextRun(p)] }));
    for (const g of grids.filter((x) => x.section === s.key)) {
      children.push(gridTable(g), new Paragraph({ children: [] }));
    }
  }
  const doc = new Document({
    title,
    creator: r.agencyName,
    description: "政府信息公开工作年度报告",
    styles: {
      default: { document: { run: { font: FONT, size: 21 } } },
      paragraphStyles: [
        {
          id: "Title",
          name: "Title",
          basedOn: "Normal",
          next: "Normal",
          run: { font: HEADING_FONT, size: 36, bold: true },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        {
          id: "Heading1",
          name: "Heading 1",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { font: HEADING_FONT, size: 28, bold: true },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.marginY, bottom: PAGE.marginY, left: PAGE.marginX, right: PAGE.marginX },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: "374151" };

function gridTable(g: Grid): Table {
  const widths = columnShares(g).map((s) => Math.round(s * CONTENT_WIDTH));
  const size = g.id === "reviewLitigation" ? 15 : 18; // half-points: 7.5 pt for the 15-column table, else 9 pt
  const rows = gridRows(g).map(
    (cells, r) =>
      new TableRow({
        children: cells.map((c) => gridCell(c, widths, size, g)),
        tableHeader: r < g.headerRowCount,
        cantSplit: true,
        keepNext: g.keepWithNext[r] ?? false,
      }),
  );
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
  });
}

function gridCell(c: GridCell, widths: number[], size: number, g: Grid): TableCell {
  const width = widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
  const left = c.kind === "rowHeader" && c.rowSpan === 1 && g.id !== "reviewLitigation";
  return new TableCell({
    rowSpan: c.rowSpan,
    columnSpan: c.colSpan,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 40, right: 40, top: 20, bottom: 20 },
    ...(c.kind === "value" ? {} : { shading: { type: ShadingType.CLEAR, color: "auto", fill: "F3F4F6" } }),
    children: [
      new Paragraph({
        alignment: left ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: [new TextRun({ text: c.text, size, bold: c.kind === "caption" })],
      }),
    ],
  });
}
