import { describe, it, expect } from "vitest";
import { allKeys } from "@/lib/format";
import { jsonStream } from "./json-export";
import { readAll, rowFromCells, syntheticBatches } from "./test-rows";
import { sampleReport } from "./test-report";

async function* batches<T>(...b: T[][]): AsyncGenerator<T[]> {
  yield* b;
}

describe("region JSON", () => {
  it("is one array of report objects with exact numbers, null for blanks and only the version's keys", async () => {
    const district = rowFromCells(sampleReport().cells, { formatVersion: "2019" });
    const town = rowFromCells({ ...sampleReport("town-2022.txt").cells, "requests.newReceived.natural": null }, { formatVersion: "2021", agency: "友谊县友谊镇人民政府", agencyId: 2 });
    (town.cells as Map<string, string | null>).set("active.art20_8.fees.amount", "1.2500");
    const parsed = JSON.parse((await readAll(jsonStream(batches([district], [town])))).toString("utf8")) as Record<string, unknown>[];
    expect(parsed).toHaveLength(2);
    const [d, t] = parsed as [Record<string, unknown> & { cells: Record<string, number | null> }, Record<string, unknown> & { cells: Record<string, number | null> }];
    expect(Object.keys(d)).toEqual(["agency", "agency_id", "region_code", "year", "format_version", "scope", "published_at", "cells"]);
    expect(d).toMatchObject({ agency: "白城市洮北区人民政府", agency_id: 1, region_code: "220802", year: 2020, format_version: "2019", scope: "SUMMARY", published_at: "2021-01-29T10:12:00+08:00" });
    expect(Object.keys(d.cells)).toEqual([...allKeys("2019")]);
    expect(d.cells["active.art20_5.licensing.decisions"]).toBe(37103);
    expect(d.cells["active.art20_9.centralProcurement.totalAmount"]).toBe(31989283);
    expect(d.cells["active.art20_6.punishment.change"]).toBe(-47);
    expect(Object.keys(t.cells)).toEqual([...allKeys("2021")]);
    expect(t.cells["requests.newReceived.natural"]).toBeNull();
    expect(t.cells["active.art20_8.fees.amount"]).toBe(1.25);
  });

  it("is an empty array when nothing is published", async () => {
    expect(JSON.parse((await readAll(jsonStream(batches()))).toString("utf8"))).toEqual([]);
  });

  it("stays valid across many batches", async () => {
    const parsed = JSON.parse((await readAll(jsonStream(syntheticBatches(1_000, 7)))).toString("utf8")) as { agency_id: number }[];
    expect(parsed.map((r) => r.agency_id)).toEqual(Array.from({ length: 1_000 }, (_, i) => i + 1));
  });
});
