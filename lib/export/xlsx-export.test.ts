import { describe, it, expect } from "vitest";
import ExcelJS from "exceljs";
import { HEADER_KEYS, HEADER_LABELS, cellColumns } from "./columns";
import { xlsxStream } from "./xlsx-export";
import { memoryInUse, readAll, rowFromCells, syntheticBatches } from "./test-rows";
import { sampleReport } from "./test-report";

async function* batches<T>(...b: T[][]): AsyncGenerator<T[]> {
  yield* b;
}

describe("region XLSX", () => {
  it("has the CSV's columns and header rows, numbers as numbers, blanks empty, and a data dictionary", async () => {
    const district = rowFromCells(sampleReport().cells, { formatVersion: "2019" });
    const town = rowFromCells({ ...sampleReport("town-2022.txt").cells, "requests.newReceived.natural": null }, { formatVersion: "2021", agencyId: 2 });
    const buf = await readAll(xlsxStream(batches([district], [town]), "测试"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["数据", "字段说明"]);
    const data = wb.getWorksheet("数据")!;
    const row = (n: number) => (data.getRow(n).values as ExcelJS.CellValue[]).slice(1);
    expect(row(1)).toEqual(HEADER_KEYS);
    expect(row(2)).toEqual(HEADER_LABELS);
    const col = (k: string) => HEADER_KEYS.indexOf(k) + 1;
    expect(data.getCell(3, col("agency")).value).toBe("白城市洮北区人民政府");
    expect(data.getCell(3, col("agency_id")).value).toBe(1);
    expect(data.getCell(3, col("active.art20_5.licensing.decisions")).value).toBe(37103);
    expect(data.getCell(3, col("active.art20_9.centralProcurement.totalAmount")).value).toBe(31989283);
    expect(data.getCell(3, col("active.art20_8.fees.amount")).value).toBeNull();
    expect(data.getCell(4, col("requests.newReceived.natural")).value).toBeNull();
    expect(data.getCell(4, col("requests.newReceived.total")).value).toBe(0);
    expect(data.rowCount).toBe(4);

    const dict = wb.getWorksheet("字段说明")!;
    expect(dict.rowCount).toBe(1 + HEADER_KEYS.length);
    const amount = (dict.getRow(1 + 7 + cellColumns().findIndex((c) => c.key === "active.art20_9.centralProcurement.totalAmount") + 1).values as ExcelJS.CellValue[]).slice(1);
    expect(amount).toEqual(["active.art20_9.centralProcurement.totalAmount", "第二十条第（九）项 政府集中采购 / 采购总金额", "元", "小数（最多4位）", "否", "2019"]);
  });

  it("stops reading reports when the client goes away", async () => {
    let produced = 0;
    const reader = xlsxStream(syntheticBatches(100_000, 100, (n) => (produced = n)), "测试").getReader();
    await reader.read();
    await reader.cancel();
    await new Promise((r) => setTimeout(r, 500));
    const then = produced;
    await new Promise((r) => setTimeout(r, 500));
    expect(produced).toBe(then);
    expect(produced).toBeLessThan(1_000);
  });

  it("streams 5,000 reports without holding them", async () => {
    const heap = memoryInUse;
    const before = heap();
    let peak = 0;
    let bytes = 0;
    const reader = xlsxStream(syntheticBatches(5_000, 250), "测试").getReader();
    for (let chunk = 0; ; chunk++) {
      const { value, done } = await reader.read();
      if (done) break;
      bytes += value.length;
      if (chunk % 50 === 0) peak = Math.max(peak, heap() - before);
    }
    console.info(`XLSX stream: 5,000 rows, ${(bytes / 1e6).toFixed(1)} MB zipped; memory growth (heap + buffers) peak ${(peak / 1e6).toFixed(2)} MB`);
    expect(bytes).toBeGreaterThan(1e6);
    // the file is 5 MB zipped, ~60 MB of XML before: holding either would show
    expect(peak).toBeLessThan(15e6);
  }, 120_000);
});
