// Test fixture: region-download rows as the database query yields them (decimal text with four places).
import v8 from "node:v8";
import vm from "node:vm";
import { allKeys, type CellMap, type FormatVersion } from "@/lib/format";
import type { ExportRow } from "./rows";

/** numeric(20,4)::text of a number, as PostgreSQL prints it */
export function dbText(v: number | null): string | null {
  return v === null ? null : v.toFixed(4);
}

export function rowFromCells(cells: CellMap, meta: Partial<ExportRow> & { formatVersion: FormatVersion }): ExportRow {
  return {
    agency: "白城市洮北区人民政府",
    agencyId: 1,
    regionCode: "220802",
    year: 2020,
    scope: "SUMMARY",
    publishedAt: new Date("2021-01-29T02:12:00Z"),
    ...meta,
    cells: new Map(allKeys(meta.formatVersion).map((k) => [k, dbText(cells[k] ?? null)])),
  };
}

/** `count` synthetic reports in batches, built lazily (as the database would hand them over). */
export async function* syntheticBatches(count: number, batchSize: number, onBatch?: (n: number) => void): AsyncGenerator<ExportRow[]> {
  let made = 0;
  let batchNo = 0;
  while (made < count) {
    const batch: ExportRow[] = [];
    for (let i = 0; i < batchSize && made < count; i++, made++) {
      const v: FormatVersion = made % 2 ? "2021" : "2019";
      batch.push({
        agency: `测试县第${made}局`,
        agencyId: made + 1,
        regionCode: "220802",
        year: 2020,
        formatVersion: v,
        scope: "OWN",
        publishedAt: new Date(Date.UTC(2021, 0, 1 + (made % 28))),
        cells: new Map(allKeys(v).map((k, j) => [k, `${(made * 7 + j) % 1000}.0000`])),
      });
    }
    onBatch?.(++batchNo);
    yield batch;
  }
}

export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Memory in use after a full garbage collection: the JS heap plus Buffers and ArrayBuffers (stream chunks live
 * there, outside the heap). gc is switched on at run time, so no special node flag is needed.
 */
export function memoryInUse(): number {
  v8.setFlagsFromString("--expose-gc");
  (vm.runInNewContext("gc") as () => void)();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}
