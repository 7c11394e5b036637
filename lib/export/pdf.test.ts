import { describe, it, expect, beforeAll } from "vitest";
import { existsSync } from "node:fs";
import { SECTIONS } from "@/lib/format";
import { reportGrids } from "./grid";
import { buildReportPdf } from "./pdf";
import { drawGrid } from "./pdf-table";
import { registerCjkFonts } from "./pdf-fonts";
import { createPdfDoc, pdfBytes } from "./pdfkit-doc";
import { sampleReport } from "./test-report";
import { darkPixelShare, hasPoppler, horizontalRules, pdfText } from "./test-helpers";

const FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
const ready = hasPoppler && existsSync(FONT);
if (!ready) console.warn("PDF export tests skipped: they need fonts-noto-cjk and poppler-utils (apt-get install -y fonts-noto-cjk poppler-utils)");

describe.skipIf(!ready)("report PDF", () => {
  let pdf: Buffer;
  let text: string;
  // table labels wrap inside their cells (三、本年度办理结果 stands one character per line): compare without spaces
  let flat: string;
  beforeAll(async () => {
    pdf = await buildReportPdf(sampleReport("district-2020.txt"));
    text = pdfText(pdf);
    flat = text.replace(/\s+/g, "");
  }, 60_000);

  it("is an A4 PDF whose text layer reads back as Chinese: title, report type, sections in order, figures", () => {
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(text).toContain("白城市洮北区人民政府2020年政府信息公开工作年度报告");
    expect(text).toContain("汇总报告（本行政区域）");
    const positions = SECTIONS.map((s) => text.indexOf(s.heading));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const figure of ["37103", "286151", "+267", "-47", "31989283元", "第二十条第（九）项", "申请人情况", "三、本年度办理结果"]) expect(flat).toContain(figure);
    expect(text).toContain("按照《关于征求省级权责清单事项动态调整意见的函》");
  });

  it("embeds the CJK font as a subset, not the 19 MB collection", () => {
    const raw = pdf.toString("latin1");
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
    expect(pdf.length).toBeLessThan(600_000);
  });

  it("renders pages with ink on them: text and ruled tables, not blank pages", () => {
    const pages = Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(pdf.toString("latin1"))?.[1] ?? 0);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let p = 1; p <= pages; p++) expect(darkPixelShare(pdf, p), `page ${p}`).toBeGreaterThan(0.005);
  });

  it("draws the tables as ruled grids: a horizontal rule per table row", () => {
    const pages = Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(pdf.toString("latin1"))?.[1] ?? 0);
    const pageWith = (s: string) => [...Array(pages).keys()].map((i) => i + 1).find((p) => pdfText(pdf, { first: p, last: p }).includes(s))!;
    // 第二十条: 5 items × (caption + header) + 8 rows = 18 rows, 19 rules; the request table: 3 header + 23 body rows
    expect(horizontalRules(pdf, pageWith("第二十条第（一）项"))).toBeGreaterThanOrEqual(19);
    expect(horizontalRules(pdf, pageWith("申请人情况"))).toBeGreaterThanOrEqual(24);
  });

  it("numbers every page", () => {
    expect(flat).toMatch(/第1页共\d+页/);
  });

  it("prints the 2021 format's tables for a 2021 report", async () => {
    const t = pdfText(await buildReportPdf(sampleReport("town-2022.txt"))).replace(/\s+/g, "");
    expect(t).toContain("本年收费金额（单位：万元）");
    expect(t).toContain("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请");
  }, 60_000);
});

describe.skipIf(!ready)("PDF table page breaks", () => {
  it("keeps rows whole and repeats the column header rows on the next page", async () => {
    const doc = createPdfDoc({
      size: "A4",
      margins: { top: 60, bottom: 60, left: 50, right: 50 },
      bufferPages: false,
      compress: true,
      lang: "zh-CN",
      displayTitle: false,
      info: { Title: "t", Author: "a", Subject: "s", Creator: "c" },
    });
    const done = pdfBytes(doc);
    registerCjkFonts(doc);
    const g = reportGrids("2019", sampleReport().cells).find((x) => x.id === "requests")!;
    // a short page: the request table needs three
    drawGrid(doc, g, 300, { left: 50, width: 495, bottom: 450, pageTop: 60, newPage: () => (doc.addPage(), 60) });
    doc.end();
    const pdf = await done;
    const pages = [1, 2, 3].map((p) => pdfText(pdf, { first: p, last: p }));
    for (const p of pages) expect(p).toContain("申请人情况"); // the header on every page
    expect(pages.join("")).toContain("四、结转下年度继续办理");
    // a row group is not cut when it need not be: （三）不予公开's eight rows share a page
    const withGroup = pages.filter((p) => p.includes("1.属于国家秘密"));
    expect(withGroup).toHaveLength(1);
    expect(withGroup[0]).toContain("8.属于行政查询事项");
  }, 60_000);
});
