import { describe, it, expect } from "vitest";
import { HEADER_KEYS, HEADER_LABELS } from "./columns";
import { csvStream } from "./csv-export";
import { trimDecimal, type ExportRow } from "./rows";
import { parseCsv } from "./test-helpers";
import { memoryInUse, readAll, rowFromCells, syntheticBatches } from "./test-rows";
import { sampleReport } from "./test-report";

async function* once<T>(rows: T[]): AsyncGenerator<T[]> {
  yield rows;
}

describe("decimal text", () => {
  it("drops trailing zeros and nothing else", () => {
    expect(["31989283.0000", "1.2500", "-6.0000", "0.0000", "10.0000", "0.0001", "100", null].map(trimDecimal)).toEqual([
      "31989283",
      "1.25",
      "-6",
      "0",
      "10",
      "0.0001",
      "100",
      null,
    ]);
  });
});

describe("region CSV", () => {
  const district = rowFromCells(sampleReport().cells, { formatVersion: "2019" });
  const town: ExportRow = {
    ...rowFromCells(sampleReport("town-2022.txt").cells, { formatVersion: "2021" }),
    agency: '友谊镇, "人民政府"\n（测试）',
    agencyId: 2,
    regionCode: "230522100",
    scope: "OWN",
  };
  (town.cells as Map<string, string | null>).set("active.art20_8.fees.amount", "1.2500");
  (town.cells as Map<string, string | null>).set("requests.newReceived.natural", null);

  it("round-trips: BOM, key and label header rows, quoted fields, exact values, blanks empty", async () => {
    const text = (await readAll(csvStream(once([district, town])))).toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual(HEADER_KEYS);
    expect(rows[1]).toEqual(HEADER_LABELS);
    expect(rows[1]).toContain("行政区划代码");
    const rec = (i: number) => Object.fromEntries(rows[0]!.map((k, j) => [k, rows[i]![j]]));
    const d = rec(2);
    const t = rec(3);
    expect([d.agency, d.agency_id, d.region_code, d.year, d.format_version, d.scope, d.published_at]).toEqual([
      "白城市洮北区人民政府",
      "1",
      "220802",
      "2020",
      "2019",
      "SUMMARY",
      "2021-01-29T10:12:00+08:00",
    ]);
    expect(d["active.art20_5.licensing.decisions"]).toBe("37103");
    expect(d["active.art20_5.licensing.change"]).toBe("267");
    expect(d["active.art20_6.punishment.change"]).toBe("-47");
    expect(d["active.art20_9.centralProcurement.totalAmount"]).toBe("31989283");
    expect(d["active.art20_8.fees.amount"]).toBe(""); // a 2021 cell in a 2019 report
    expect(t.agency).toBe('友谊镇, "人民政府"\n（测试）');
    expect(t["active.art20_8.fees.amount"]).toBe("1.25");
    expect(t["requests.newReceived.natural"]).toBe(""); // blank
    expect(t["requests.newReceived.total"]).toBe("0");
    expect(t["active.art20_9.centralProcurement.totalAmount"]).toBe(""); // a 2019 cell in a 2021 report
  });

  it("is just the two header rows when there are no reports", async () => {
    const rows = parseCsv((await readAll(csvStream(once([])))).toString("utf8").slice(1));
    expect(rows).toHaveLength(2);
  });

  it("asks for the next batch only when the reader has taken the previous one", async () => {
    let produced = 0;
    const reader = csvStream(syntheticBatches(10_000, 100, (n) => (produced = n))).getReader();
    await reader.read(); // header
    await reader.read(); // batch 1
    await new Promise((r) => setTimeout(r, 50));
    expect(produced).toBeLessThanOrEqual(2);
    await reader.cancel();
  });

  it("streams 20,000 reports with flat memory", async () => {
    const heap = memoryInUse;
    const before = heap();
    let peak = 0;
    let bytes = 0;
    let rows = 0;
    const reader = csvStream(syntheticBatches(20_000, 250)).getReader();
    for (let chunk = 0; ; chunk++) {
      const { value, done } = await reader.read();
      if (done) break;
      bytes += value.length;
      rows += value.reduce((n, b) => n + (b === 10 ? 1 : 0), 0);
      if (chunk % 10 === 0) peak = Math.max(peak, heap() - before);
    }
    const after = heap() - before;
    console.info(`CSV stream: ${rows - 2} rows, ${(bytes / 1e6).toFixed(1)} MB written; memory growth (heap + buffers) peak ${(peak / 1e6).toFixed(2)} MB, after ${(after / 1e6).toFixed(2)} MB`);
    expect(rows).toBe(20_002);
    expect(bytes).toBeGreaterThan(15e6);
    // holding the output (17 MB of text, twice that as JS strings) or the rows (4 million cell values) would show
    // here; a batch at a time stays at a few MB
    expect(peak).toBeLessThan(8e6);
  }, 120_000);
});
