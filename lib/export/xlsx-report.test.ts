import { describe, it, expect } from "vitest";
import ExcelJS from "exceljs";
import { allKeys } from "@/lib/format";
import { buildReportXlsx } from "./xlsx-report";
import { sampleReport } from "./test-report";

async function load(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

function findCell(ws: ExcelJS.Worksheet, match: (v: ExcelJS.CellValue) => boolean): ExcelJS.Cell | undefined {
  let found: ExcelJS.Cell | undefined;
  ws.eachRow((row) => row.eachCell((c) => void (!found && !c.isMerged && match(c.value) && (found = c))));
  if (!found) ws.eachRow((row) => row.eachCell((c) => void (!found && match(c.value) && (found = c))));
  return found;
}

describe("report workbook", () => {
  it("has a sheet per table group, the text and the data", async () => {
    const wb = await load(await buildReportXlsx(sampleReport()));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["主动公开", "依申请公开", "复议诉讼", "正文", "数据"]);
  });

  it("lays the tables out officially, with merged cells and numbers as numbers", async () => {
    const wb = await load(await buildReportXlsx(sampleReport()));
    const active = wb.getWorksheet("主动公开")!;
    const decisions = findCell(active, (v) => v === 37103)!;
    expect(decisions.value).toBe(37103);
    // 本年增/减 is the number 267, shown "+267" as reports print it
    const change = active.getCell(Number(decisions.row), 3);
    expect(change.value).toBe(267);
    expect(change.numFmt).toBe("+0;-0;0");
    const amount = findCell(active, (v) => v === 31989283)!;
    expect(amount.numFmt).toBe('General"元"');
    // caption rows span the grid; 采购总金额 is widened over the last two columns
    const caption = findCell(active, (v) => v === "第二十条第（九）项")!;
    expect(caption.isMerged).toBe(true);
    expect(active.getCell(Number(caption.row), 4).master.address).toBe(caption.address);

    const requests = wb.getWorksheet("依申请公开")!;
    const results = findCell(requests, (v) => v === "三、本年度办理结果")!;
    const top = Number(results.row);
    expect(requests.getCell(top + 19, 1).master.address).toBe(results.address);
    expect(requests.getCell(top + 20, 1).master.address).not.toBe(results.address);
  });

  it("leaves a blank cell empty (never 0) and lists every cell in 数据", async () => {
    const r = sampleReport();
    r.cells = { ...r.cells, "active.art20_5.licensing.decisions": null };
    const wb = await load(await buildReportXlsx(r));
    const data = wb.getWorksheet("数据")!;
    const rows = new Map<string, ExcelJS.CellValue>();
    data.eachRow((row, n) => n > 1 && rows.set(String(row.getCell(1).value), row.getCell(3).value));
    expect(rows.size).toBe(allKeys("2019").length);
    expect(rows.get("active.art20_5.licensing.decisions")).toBeNull();
    expect(rows.get("active.art20_9.centralProcurement.totalAmount")).toBe(31989283);
    expect(findCell(wb.getWorksheet("主动公开")!, (v) => v === 37103)).toBeUndefined();
  });

  it("carries the six sections in 正文", async () => {
    const wb = await load(await buildReportXlsx(sampleReport()));
    const texts: string[] = [];
    wb.getWorksheet("正文")!.eachRow((row) => texts.push(String(row.getCell(1).value)));
    expect(texts[0]).toBe("白城市洮北区人民政府2020年政府信息公开工作年度报告");
    expect(texts).toContain("六、其他需要报告的事项");
    expect(texts.some((t) => t.startsWith("(一)加强权力配置信息公开方面"))).toBe(true);
  });
});
