/**
 * The importer end to end: the three real sample reports (every cell against expected/*.json), a hand-written HTML
 * report with rowspan/colspan tables, a .docx and a PDF generated from a synthetic report, other text encodings,
 * and the bad inputs (empty, scanned PDF, too large, not a report, binary garbage, zip bomb, truncated tables).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { deflateRawSync } from "node:zlib";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { allKeys, derivedKeys, leafKeys, type CellMap, type FormatVersion } from "../format";
import { isFatal, LIMITS, parseReport, type ImportResult } from ".";
import { CJK_FONT, expectedCells, renderDocx, renderHtml, renderPdf, syntheticReport } from "./fixtures/render";

const SAMPLES = path.join(__dirname, "../demo/samples");
const FIXTURES = path.join(__dirname, "fixtures");
const sample = (f: string) => readFileSync(path.join(SAMPLES, f));
const expected = (f: string) => JSON.parse(readFileSync(path.join(SAMPLES, f), "utf8")) as { year: number; formatVersion: FormatVersion; cells: CellMap };
const codes = (r: ImportResult) => r.problems.map((p) => p.code);

/** Every key of the expected file, compared: a null leaf matches the expected file's 0 for a blank source cell. */
function expectCells(r: ImportResult, exp: CellMap, v: FormatVersion) {
  expect(Object.keys(r.cells).sort()).toEqual([...allKeys(v)].sort());
  const derived = new Set(derivedKeys(v));
  const wrong: string[] = [];
  for (const [k, want] of Object.entries(exp)) {
    const got = r.cells[k];
    const ok = got === want || (got === null && want === 0 && !derived.has(k));
    if (!ok) wrong.push(`${k}: expected ${want}, got ${got}`);
  }
  expect(wrong).toEqual([]);
  for (const k of derived) expect(r.cells[k], k).not.toBeNull();
}

describe("sample reports (../demo/samples = /work/shared/reports)", () => {
  it("district-2020: one cell per line with trailing |, truncated headers, no 三/四/五 headings", async () => {
    const r = await parseReport({ buffer: sample("district-2020.txt"), filename: "district-2020.txt" });
    const exp = expected("district-2020.json");
    expect(r.year).toBe(2020);
    expect(r.formatVersion).toBe("2019");
    expect(r.agencyName).toBeNull(); // the report has no title line
    expect(r.scope).toBe("SUMMARY"); // "在汇总2020年度区政府各部门,各乡(镇)…的基础上编制"
    expectCells(r, exp.cells, "2019");
    expect(r.cells["active.art20_5.licensing.change"]).toBe(267); // "+267"
    expect(r.cells["active.art20_6.punishment.change"]).toBe(-47);
    expect(r.cells["active.art20_9.centralProcurement.totalAmount"]).toBe(31989283); // "31989283.00", 元
    expect(codes(r).filter((c) => c !== "SECTION" && c !== "AGENCY_NOT_FOUND")).toEqual([]);
    expect(r.sections.s1_overall.startsWith("(一)加强权力配置信息公开方面")).toBe(true);
    expect(r.sections.s1_overall.split("\n")).toHaveLength(13);
    expect(r.sections.s5_problems.startsWith("(一)存在的主要问题。")).toBe(true);
    expect(r.sections.s6_other.split("\n")[0]).toBe("人大代表建议和政协提案办理结果公开情况。");
    expect(JSON.stringify(r.sections)).not.toContain("37103");
    expect(isFatal(r)).toBe(false);
  });

  it("prefecture-2020: tab-separated tables, blank cells keep their position, money in 万", async () => {
    const r = await parseReport({ buffer: sample("prefecture-2020.txt") });
    const exp = expected("prefecture-2020.json");
    expect([r.year, r.formatVersion, r.agencyName, r.scope]).toEqual([2020, "2019", "大兴安岭地区", "SUMMARY"]);
    expectCells(r, exp.cells, "2019");
    expect(r.cells["active.art20_9.centralProcurement.totalAmount"]).toBe(345550000); // "34555 万" → 元
    // the five 行政复议 cells are blank before the ten 行政诉讼 numbers
    for (const k of ["upheld", "corrected", "other", "pending"]) expect(r.cells[`reviewLitigation.review.${k}`]).toBeNull();
    expect(r.cells["reviewLitigation.review.total"]).toBe(0); // computed, never null
    expect(r.cells["reviewLitigation.litigation.direct.upheld"]).toBe(3);
    expect(r.cells["requests.carriedOver.otherOrg"]).toBeNull();
    const blank = r.problems.find((p) => p.code === "BLANK_CELLS");
    expect(blank?.cells).toContain("requests.carriedOver.otherOrg");
    expect(codes(r)).toEqual(["BLANK_CELLS"]);
    expect(r.sections.s6_other).toContain("联系电话：0457-2730723");
    expect(r.sections.s1_overall).toContain("其中地本级 103 条；公开财政预算、决算信息 109 条");
  });

  it("town-2022: broken Markdown tables, stray characters, the old single （六） row in a 2021 report", async () => {
    const r = await parseReport({ buffer: sample("town-2022.txt") });
    const exp = expected("town-2022.json");
    expect([r.year, r.formatVersion, r.agencyName, r.scope]).toEqual([2022, "2021", "友谊县友谊镇人民政府", "OWN"]);
    expectCells(r, exp.cells, "2021");
    const old = r.problems.find((p) => p.code === "OTHER_ROW_2019_IN_2021");
    expect(old?.cells).toContain("requests.results.other.other.natural");
    expect(r.cells["requests.results.other.other.natural"]).toBe(0);
    expect(r.cells["requests.results.other.noCorrection.natural"]).toBeNull();
    expect(r.sections.s3_requests).toBe("2022年,友谊镇收到需要办理的依申请公开事项 0 项。");
    expect(r.sections.s6_other).toBe("无其他需要报告的事项。");
    expect(r.sections.s5_problems.split("\n")).toHaveLength(2);
  });

  it("sections are plain text with paragraphs separated by a single newline", async () => {
    const r = await parseReport({ buffer: sample("prefecture-2020.txt") });
    for (const t of Object.values(r.sections)) {
      expect(t).not.toMatch(/\n\n|\t|\|/);
    }
  });
});

describe("other text encodings", () => {
  const utf8 = sample("town-2022.txt");
  const check = async (buf: Buffer) => {
    const r = await parseReport({ buffer: buf });
    expect(r.agencyName).toBe("友谊县友谊镇人民政府");
    expectCells(r, expected("town-2022.json").cells, "2021");
    expect(r.problems.some((p) => p.code === "TEXT_DECODING")).toBe(false);
  };
  it("GBK/GB18030 (committed fixture)", () => check(readFileSync(path.join(FIXTURES, "town-2022.gbk.txt"))));
  it("UTF-8 with BOM", () => check(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])));
  it("UTF-16LE with BOM", () => check(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8.toString("utf8"), "utf16le")])));
  it("UTF-16BE with BOM", () => {
    const le = Buffer.from(utf8.toString("utf8"), "utf16le");
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) {
      be[i] = le[i + 1]!;
      be[i + 1] = le[i]!;
    }
    return check(Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
  });
  it("text passed as a string", async () => {
    const r = await parseReport({ text: utf8.toString("utf8") });
    expectCells(r, expected("town-2022.json").cells, "2021");
  });
});

// ---------------------------------------------------------------------------------------------------------------

/** The hand-written HTML fixture (fixtures/bureau-2023.html): leaf values as printed. */
const BUREAU: CellMap = (() => {
  const c: CellMap = {};
  for (const k of leafKeys("2021")) c[k] = 0;
  const row = (r: string, vals: (number | null)[]) =>
    ["natural", "commercial", "research", "socialWelfare", "legalService", "otherOrg"].forEach((col, i) => (c[`requests.${r}.${col}`] = vals[i]!));
  Object.assign(c, {
    "active.art20_1.normativeDocs.issued": 3,
    "active.art20_1.normativeDocs.repealed": 1,
    "active.art20_1.normativeDocs.inForce": 12,
    "active.art20_5.licensing.decisions": 1234, // "1,234"
    "active.art20_6.punishment.decisions": 25, // full-width "２５"
    "active.art20_8.fees.amount": 12.5, // 万元
    "reviewLitigation.review.upheld": 1,
    "reviewLitigation.review.pending": 1,
  });
  row("newReceived", [20, 3, 0, 0, 1, 0]);
  row("carriedOver", [2, 0, 0, 0, null, 0]);
  row("results.granted", [10, 1, 0, 0, 0, 0]);
  row("results.partial", [2, 0, 0, 0, 0, 0]);
  row("results.denied.thirdParty", [1, 0, 0, 0, 0, 0]);
  row("results.unable.notHeld", [4, 1, 0, 0, 1, 0]);
  row("results.unable.stillUnclear", [1, 0, 0, 0, 0, 0]);
  row("results.notProcessed.petition", [1, 0, 0, 0, 0, 0]);
  row("results.other.noCorrection", [1, 0, 0, 0, 0, 0]);
  row("carriedForward", [2, 1, 0, 0, 0, 0]);
  for (const k of ["upheld", "corrected", "other", "pending"]) c[`reviewLitigation.litigation.afterReview.${k}`] = null;
  return c;
})();

describe("HTML (hand-written fixture with rowspan/colspan, layout table, site chrome)", () => {
  for (const [name, label] of [
    ["bureau-2023.html", "UTF-8"],
    ["bureau-2023.gbk.html", "GB2312 declared in <meta>"],
  ] as const) {
    it(`${name} (${label})`, async () => {
      const r = await parseReport({ buffer: readFileSync(path.join(FIXTURES, name)) });
      expect([r.year, r.formatVersion, r.agencyName, r.scope]).toEqual([2023, "2021", "示例县教育局", "OWN"]);
      for (const k of leafKeys("2021")) expect(r.cells[k], k).toBe(BUREAU[k]);
      // totals computed; the printed 结转下年度 总计 "4" disagrees with 2 + 1 and is quoted, not used
      expect(r.cells["requests.carriedForward.total"]).toBe(3);
      expect(r.cells["requests.results.total.total"]).toBe(23);
      expect(r.cells["reviewLitigation.review.total"]).toBe(2);
      expect(r.cells["reviewLitigation.litigation.afterReview.total"]).toBe(0);
      const mismatch = r.problems.filter((p) => p.code === "PRINTED_TOTAL_MISMATCH");
      expect(mismatch).toHaveLength(1);
      expect(mismatch[0]!.printed).toBe(4);
      expect(mismatch[0]!.cells).toContain("requests.carriedForward.total");
      expect(mismatch[0]!.message).toMatch(/已采用计算值 3/);
      const blank = r.problems.find((p) => p.code === "BLANK_CELLS");
      expect(blank?.cells?.sort()).toEqual(
        ["requests.carriedOver.legalService", ...["upheld", "corrected", "other", "pending"].map((k) => `reviewLitigation.litigation.afterReview.${k}`)].sort(),
      );
      expect(codes(r).sort()).toEqual(["BLANK_CELLS", "PRINTED_TOTAL_MISMATCH"]);
      expect(r.sections.s1_overall.split("\n")).toEqual([
        "2023年，示例县教育局认真贯彻落实《条例》，全年主动公开政府信息 356 条。",
        "（一）主动公开。我局围绕教育重点工作，及时公开招生入学、学生资助等信息。",
        "（二）依申请公开。全年共收到政府信息公开申请24件，均在法定期限内答复。",
      ]);
      expect(r.sections.s6_other).toBe("本年度未收取信息处理费。人大代表建议和政协提案办理结果均已公开。");
      const all = JSON.stringify(r.sections);
      for (const junk of ["不应出现", "首页", "主办单位", "ICP", "网站标识码", "_hmt"]) expect(all).not.toContain(junk);
    });
  }

  it("html passed as a string", async () => {
    const r = await parseReport({ html: readFileSync(path.join(FIXTURES, "bureau-2023.html"), "utf8") });
    expect(r.cells["active.art20_5.licensing.decisions"]).toBe(1234);
  });
});

// ---------------------------------------------------------------------------------------------------------------

const CASES: { v: FormatVersion; blanks: string[]; text?: Record<string, string> }[] = [
  {
    v: "2019",
    blanks: ["reviewLitigation.review.upheld", "reviewLitigation.review.corrected", "requests.carriedOver.otherOrg", "requests.results.partial.natural"],
    text: { "active.art20_9.centralProcurement.totalAmount": "123.45万元", "active.art20_5.licensing.decisions": "1,234" },
  },
  { v: "2021", blanks: ["requests.results.partial.research", "reviewLitigation.litigation.afterReview.pending"] },
];

function fixture(c: (typeof CASES)[number]) {
  const r = syntheticReport(c.v, { blanks: c.blanks });
  if (c.text) {
    r.text = c.text;
    r.values["active.art20_9.centralProcurement.totalAmount"] = 1234500;
    r.values["active.art20_5.licensing.decisions"] = 1234;
  }
  return r;
}

async function checkGenerated(buf: Buffer, c: (typeof CASES)[number]) {
  const f = fixture(c);
  const r = await parseReport({ buffer: buf });
  expect([r.year, r.formatVersion, r.agencyName]).toEqual([f.year, c.v, f.agency]);
  expect(r.scope).toBe(c.v === "2019" ? "SUMMARY" : "OWN");
  const exp = expectedCells(f);
  const wrong = Object.keys(exp).filter((k) => r.cells[k] !== exp[k]).map((k) => `${k}: ${r.cells[k]} ≠ ${exp[k]}`);
  expect(wrong).toEqual([]);
  expect(Object.keys(r.cells).sort()).toEqual([...allKeys(c.v)].sort());
  expect(codes(r)).toEqual(["BLANK_CELLS"]);
  expect(r.problems[0]!.cells?.sort()).toEqual([...c.blanks].sort());
  expect(r.sections.s1_overall.split("\n")).toEqual(f.sections.s1_overall);
  expect(r.sections.s5_problems).toBe(f.sections.s5_problems.join("\n"));
  expect(r.sections.s6_other).toBe("本年度未收取信息处理费。");
}

describe("generated HTML and .docx (tables with rowspan/colspan from lib/format's layout)", () => {
  for (const c of CASES) {
    it(`HTML, ${c.v} format`, () => checkGenerated(Buffer.from(renderHtml(fixture(c))), c));
    it(`.docx through mammoth, ${c.v} format`, async () => checkGenerated(await renderDocx(fixture(c)), c));
  }
});

const hasFont = existsSync(CJK_FONT);
describe("generated PDF (pdfkit, Noto Sans CJK)", () => {
  if (!hasFont) {
    it.skip(`skipped: the CJK font ${CJK_FONT} is missing — apt-get install -y fonts-noto-cjk (CI installs it)`, () => {});
    return;
  }
  for (const c of CASES) {
    it(`PDF text layer, ${c.v} format: wrapped labels, blank cells by column position, page numbers`, async () => {
      await checkGenerated(await renderPdf(fixture(c)), c);
    });
  }
});

describe("text laid out with spaces (pdftotext -layout of the generated PDFs, committed fixtures)", () => {
  // fixtures/synthetic-<v>.pdftotext-layout.txt = `pdftotext -layout` of renderPdf(fixture(CASES[i])): if the
  // synthetic generator changes, regenerate them.
  for (const c of CASES) {
    it(`${c.v}: blank cells placed by column position; the 复议/诉讼 row is best effort`, async () => {
      const f = fixture(c);
      const r = await parseReport({ buffer: readFileSync(path.join(FIXTURES, `synthetic-${c.v}.pdftotext-layout.txt`)) });
      expect([r.year, r.formatVersion, r.agencyName]).toEqual([f.year, c.v, f.agency]);
      const exp = expectedCells(f);
      const wrong = Object.keys(exp)
        .filter((k) => !k.startsWith("reviewLitigation.") && r.cells[k] !== exp[k])
        .map((k) => `${k}: ${r.cells[k]} ≠ ${exp[k]}`);
      expect(wrong).toEqual([]);
      // the review row's header positions are not kept by pdftotext; whatever is wrong there is flagged
      const reviewWrong = Object.keys(exp).filter((k) => k.startsWith("reviewLitigation.") && r.cells[k] !== exp[k]);
      if (reviewWrong.length > 0) {
        expect(r.problems.some((p) => p.cells?.some((k) => k.startsWith("reviewLitigation.")) && p.code !== "BLANK_CELLS")).toBe(true);
      }
      expect(r.sections.s6_other).toBe("本年度未收取信息处理费。");
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------

/** A minimal zip writer for the zip-bomb tests: entries given as raw deflate data with declared sizes. */
function zip(entries: { name: string; data: Buffer; method?: number; declared?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const method = e.method ?? 8;
    const declared = e.declared ?? e.data.length;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(method, 8);
    lh.writeUInt32LE(e.data.length, 18);
    lh.writeUInt32LE(declared, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt32LE(e.data.length, 20);
    ch.writeUInt32LE(declared, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, e.data);
    centrals.push(ch, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const CONTENT_TYPES = Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');

describe("bad input: a clear problem, never a hang or a crash", () => {
  it("empty file", async () => {
    const r = await parseReport({ buffer: Buffer.alloc(0) });
    expect(codes(r)).toEqual(["EMPTY_FILE"]);
    expect(isFatal(r)).toBe(true);
    expect(r.cells).toEqual({});
    const ws = await parseReport({ buffer: Buffer.from(" \n\t\n  ") });
    expect(codes(ws)).toEqual(["EMPTY_FILE"]);
  });

  it("image-only PDF (no text layer)", async () => {
    const { default: PDFDocument } = await import("pdfkit");
    const doc = new PDFDocument({ size: "A4" });
    const chunks: Buffer[] = [];
    doc.on("data", (c) => chunks.push(c));
    const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
    doc.rect(50, 50, 400, 600).fill("#888888");
    doc.addPage();
    doc.rect(80, 80, 300, 300).fill("#444444");
    doc.end();
    await done;
    const r = await parseReport({ buffer: Buffer.concat(chunks), filename: "scan.pdf" });
    expect(codes(r)).toEqual(["PDF_NO_TEXT"]);
    expect(r.problems[0]!.message).toBe("PDF 没有文字层（可能是扫描件），无法读取");
    expect(isFatal(r)).toBe(true);
  });

  it("a 50 MB file is refused by its size, before parsing", async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x41);
    const t0 = Date.now();
    const r = await parseReport({ buffer: big });
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(codes(r)).toEqual(["FILE_TOO_LARGE"]);
    expect(r.problems[0]!.message).toMatch(/50\.0 MB.*20 MB/);
    expect(LIMITS.maxFileBytes).toBe(20 * 1024 * 1024);
  });

  it("text too long for a report", async () => {
    const r = await parseReport({ text: "政府信息公开".repeat(600_000) });
    expect(codes(r)).toEqual(["TEXT_TOO_LONG"]);
  });

  it("not a report: says that neither the tables nor the headings were found", async () => {
    for (const text of [
      "春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。\n床前明月光，疑是地上霜。",
      '{"name": "nianbao", "version": "0.1.0", "year": 2022}',
      "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\nSed do eiusmod tempor incididunt.",
    ]) {
      const r = await parseReport({ text });
      expect(codes(r)).toEqual(["NOT_A_REPORT"]);
      expect(r.problems[0]!.message).toMatch(/未找到年度报告的统计表格.*和章节标题/);
      expect(r.formatVersion).toBeNull();
      expect(r.cells).toEqual({});
      expect(isFatal(r)).toBe(false);
    }
  });

  it("binary garbage", async () => {
    const r = await parseReport({ buffer: randomBytes(200_000) });
    expect(codes(r)).toEqual(["BINARY_CONTENT"]);
    expect(isFatal(r)).toBe(true);
    const pdfish = await parseReport({ buffer: Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(50_000)]) });
    expect(codes(pdfish)).toEqual(["PDF_UNREADABLE"]);
    const zipish = await parseReport({ buffer: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(50_000)]) });
    expect(codes(zipish)).toEqual(["ZIP_REFUSED"]);
    const png = await parseReport({ buffer: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(1000)]) });
    expect(codes(png)).toEqual(["UNSUPPORTED_FORMAT"]);
    const doc = await parseReport({ buffer: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(1000)]) });
    expect(codes(doc)).toEqual(["UNSUPPORTED_FORMAT"]);
    expect(doc.problems[0]!.message).toMatch(/\.docx/);
  });

  describe("zip bomb posing as .docx (refused before mammoth unzips it)", () => {
    it("declared uncompressed size over the limit", async () => {
      const data = deflateRawSync(Buffer.from("<w:document/>"));
      const r = await parseReport({ buffer: zip([{ name: "[Content_Types].xml", data: CONTENT_TYPES, method: 0 }, { name: "word/document.xml", data, declared: 2_000_000_000 }]) });
      expect(codes(r)).toEqual(["ZIP_REFUSED"]);
      expect(r.problems[0]!.message).toMatch(/压缩/);
    });
    it("compression ratio over 100:1", async () => {
      const data = deflateRawSync(Buffer.alloc(8 * 1024 * 1024, 0x20));
      const r = await parseReport({ buffer: zip([{ name: "word/document.xml", data, declared: 8 * 1024 * 1024 }]) });
      expect(codes(r)).toEqual(["ZIP_REFUSED"]);
      expect(r.problems[0]!.message).toMatch(/压缩比超过 100:1/);
    });
    it("an entry that inflates to more than its declared size", async () => {
      const data = deflateRawSync(Buffer.alloc(4 * 1024 * 1024, 0x20));
      const t0 = Date.now();
      const r = await parseReport({ buffer: zip([{ name: "word/document.xml", data, declared: 1000 }]) });
      expect(Date.now() - t0).toBeLessThan(2000);
      expect(codes(r)).toEqual(["ZIP_REFUSED"]);
      expect(r.problems[0]!.message).toMatch(/超过目录声明的大小/);
    });
    it("a zip that is not a Word document", async () => {
      const xml = Buffer.from("<workbook/>");
      const r = await parseReport({ buffer: zip([{ name: "xl/workbook.xml", data: deflateRawSync(xml), declared: xml.length }]) });
      expect(codes(r)).toEqual(["UNSUPPORTED_FORMAT"]);
      expect(r.problems[0]!.message).toMatch(/Excel/);
    });
  });

  describe("a report cut off mid-table", () => {
    const text = sample("prefecture-2020.txt").toString("utf8");
    it("cut after a row: later rows and the review table are blank and listed", async () => {
      const cut = text.slice(0, text.indexOf("5.属于三类内部事务信息"));
      const r = await parseReport({ text: cut });
      expect(r.formatVersion).toBe("2019");
      expect(r.cells["requests.results.denied.thirdParty.natural"]).toBe(0);
      expect(r.cells["requests.newReceived.total"]).toBe(18);
      expect(r.cells["requests.results.denied.internalAffairs.natural"]).toBeNull();
      expect(r.cells["requests.carriedForward.natural"]).toBeNull();
      expect(r.cells["reviewLitigation.litigation.direct.upheld"]).toBeNull();
      expect(r.cells["reviewLitigation.litigation.direct.total"]).toBe(0); // computed from blanks
      const rows = r.problems.filter((p) => p.code === "ROW_NOT_FOUND");
      expect(rows.length).toBeGreaterThanOrEqual(12);
      expect(rows.flatMap((p) => p.cells)).toContain("requests.carriedForward.natural");
      expect(rows[0]!.message).toMatch(/未找到“.*”一行/);
      const table = r.problems.find((p) => p.code === "TABLE_NOT_FOUND");
      expect(table?.cells).toContain("reviewLitigation.review.upheld");
      // every leaf that is null is listed in some problem
      const listed = new Set(r.problems.flatMap((p) => p.cells ?? []));
      for (const k of leafKeys("2019")) if (r.cells[k] === null) expect(listed.has(k), k).toBe(true);
    });
    it("cut inside a row: the missing cells of that row are listed", async () => {
      const at = text.indexOf("4.保护第三方合法权益");
      const cut = `${text.slice(0, at)}4.保护第三方合法权益\t0\t0\t0`;
      const r = await parseReport({ text: cut });
      const inc = r.problems.find((p) => p.code === "ROW_INCOMPLETE");
      expect(inc?.cells).toEqual(["socialWelfare", "legalService", "otherOrg"].map((c) => `requests.results.denied.thirdParty.${c}`));
      expect(r.cells["requests.results.denied.thirdParty.research"]).toBe(0);
      expect(r.cells["requests.results.denied.thirdParty.otherOrg"]).toBeNull();
    });
  });

  it("an unreadable cell is blank and quoted", async () => {
    const text = sample("prefecture-2020.txt").toString("utf8").replace("规范性文件\t55\t55\t171", "规范性文件\t55\t5.5\t171");
    const r = await parseReport({ text });
    const p = r.problems.find((x) => x.code === "CELL_UNREADABLE");
    expect(p?.cells).toEqual(["active.art20_1.normativeDocs.newlyPublished"]);
    expect(p?.message).toMatch(/“5\.5”.*应为整数/);
    expect(r.cells["active.art20_1.normativeDocs.newlyPublished"]).toBeNull();
  });

  it("printed values that break a rule are reported (validate on the printed cells)", async () => {
    // 本年新收 自然人 17 → 19: the 总计 column then disagrees with its row, and the column no longer balances
    const text = sample("prefecture-2020.txt").toString("utf8").replace("一、本年新收政府信息公开申请数量\t\t17", "一、本年新收政府信息公开申请数量\t\t19");
    const r = await parseReport({ text });
    const mismatch = r.problems.find((p) => p.code === "PRINTED_TOTAL_MISMATCH");
    expect(mismatch?.printed).toBe(18);
    expect(r.cells["requests.newReceived.total"]).toBe(20);
    expect(r.cells["requests.newReceived.natural"]).toBe(19);
  });
});
