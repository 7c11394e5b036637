import { describe, it, expect, beforeAll } from "vitest";
import mammoth from "mammoth";
import { SECTIONS } from "@/lib/format";
import { buildReportDocx } from "./docx";
import { sampleReport } from "./test-report";

describe("report Word document", () => {
  let html: string;
  beforeAll(async () => {
    const docx = await buildReportDocx(sampleReport("district-2020.txt"));
    expect(docx.subarray(0, 2).toString()).toBe("PK");
    html = (await mammoth.convertToHtml({ buffer: docx })).value;
  }, 60_000);

  it("has the title and the six section headings in order, with their paragraphs", () => {
    expect(html).toContain("白城市洮北区人民政府2020年政府信息公开工作年度报告");
    const positions = SECTIONS.map((s) => html.indexOf(`<h1>${s.heading}</h1>`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).toContain("(一)加强权力配置信息公开方面");
  });

  it("holds the figures in real tables, in the official layout with merged cells", () => {
    const tables = html.match(/<table>[\s\S]*?<\/table>/g) ?? [];
    expect(tables).toHaveLength(3);
    const [active, requests, review] = tables as [string, string, string];
    expect(active).toMatch(/<t[dh]><p>37103<\/p><\/t[dh]>/);
    expect(active).toContain("31989283元");
    // section 二: a caption row per 第二十条 item across the grid, the narrower items' last column widened
    expect(active).toMatch(/<t[dh] colspan="4"><p>(<strong>)?第二十条第（九）项/);
    expect(active).toMatch(/<t[dh] colspan="2"><p>31989283元<\/p>/);
    // the request table: 勾稽 note in the 3×3 corner, 三、本年度办理结果 over its 20 rows (2019 format)
    expect(requests).toMatch(/colspan="3" rowspan="3"><p>（本列数据的勾稽关系为/);
    expect(requests).toMatch(/rowspan="20"><p>三、本年度办理结果<\/p>/);
    expect(review).toMatch(/colspan="10"><p>行政诉讼<\/p>/);
  });
});
