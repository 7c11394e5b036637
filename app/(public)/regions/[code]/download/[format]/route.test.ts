import { describe, it, expect, beforeAll } from "vitest";
import { makeWorld } from "@/test/db-fixtures";
import { sampleReport } from "@/lib/export/test-report";
import { parseCsv } from "@/lib/export/test-helpers";
import { GET } from "./route";

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;

const call = (code: string, format: string, query = "") =>
  GET(new Request(`http://localhost/regions/${code}/download/${format}${query}`), { params: Promise.resolve({ code, format }) });

beforeAll(async () => {
  w = await makeWorld();
  const s = sampleReport();
  const r = await w.db().report.create({ data: { agencyId: w.gov.id, year: 2020, formatVersion: "2019", scope: "SUMMARY", status: "PUBLISHED", firstPublishedAt: new Date("2021-01-29T02:12:00Z") } });
  const rev = await w.db().reportRevision.create({ data: { reportId: r.id, number: 1, state: "PUBLISHED", publishedAt: new Date("2021-01-29T02:12:00Z") } });
  await w.db().cell.createMany({ data: Object.entries(s.cells).map(([key, v]) => ({ revisionId: rev.id, key, value: v === null ? null : String(v) })) });
  await w.db().report.update({ where: { id: r.id }, data: { publishedRevisionId: rev.id } });
}, 120_000);

describe("GET /regions/[code]/download/[format]?year=", () => {
  it("streams the CSV of the region's published reports", async () => {
    const res = await call(w.county.code, "csv", "?year=2020");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain(`filename="reports-${w.county.code}-2020.csv"; filename*=UTF-8''`);
    expect(decodeURIComponent(res.headers.get("content-disposition")!.split("''")[1]!)).toBe(`${w.county.name}（${w.county.code}）2020年度政府信息公开工作年度报告数据.csv`);
    const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ""));
    expect(rows).toHaveLength(3);
    const rec = Object.fromEntries(rows[0]!.map((k, i) => [k, rows[2]![i]]));
    expect(rec).toMatchObject({ agency: w.gov.name, region_code: w.county.code, scope: "SUMMARY", "active.art20_5.licensing.decisions": "37103", "active.art20_9.centralProcurement.totalAmount": "31989283" });
  });

  it("serves JSON and XLSX", async () => {
    const json = (await (await call(w.county.code, "json", "?year=2020")).json()) as { agency: string; cells: Record<string, number | null> }[];
    expect(json.map((r) => r.agency)).toEqual([w.gov.name]);
    expect(json[0]!.cells["active.art20_9.centralProcurement.totalAmount"]).toBe(31989283);
    const xlsx = await call(w.county.code, "xlsx", "?year=2020");
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe("PK");
  });

  it("wants a valid year (400, in Chinese) and a known region (404)", async () => {
    for (const q of ["", "?year=", "?year=20", "?year=2018", "?year=2020.5", "?year=abcd", "?year=3000"]) {
      const res = await call(w.county.code, "csv", q);
      expect(res.status, q).toBe(400);
      expect(await res.text()).toContain("请用 year 参数指定报告年度");
    }
    for (const [code, format] of [["000000", "csv"], ["abc", "csv"], [w.county.code, "pdf"]] as const) {
      expect((await call(code, format, "?year=2020")).status, `${code} ${format}`).toBe(404);
    }
  });
});
