import { describe, it, expect, beforeAll } from "vitest";
import { makeWorld } from "@/test/db-fixtures";
import { sampleReport } from "@/lib/export/test-report";
import { GET } from "./route";

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
let published: number;
let draft: number;

async function create(agencyId: number, state: "PUBLISHED" | "SUBMITTED") {
  const s = sampleReport();
  const at = new Date("2021-01-29T02:12:00Z");
  const r = await w.db().report.create({ data: { agencyId, year: 2020, formatVersion: "2019", scope: "SUMMARY", status: state, firstPublishedAt: state === "PUBLISHED" ? at : null } });
  // short narrative: publishing indexes the text for search, which is slow on the embedded database for long texts
  const rev = await w.db().reportRevision.create({ data: { reportId: r.id, number: 1, state, publishedAt: state === "PUBLISHED" ? at : null, s1_overall: "总体情况。" } });
  await w.db().cell.createMany({ data: Object.entries(s.cells).map(([key, v]) => ({ revisionId: rev.id, key, value: v === null ? null : String(v) })) });
  if (state === "PUBLISHED") await w.db().report.update({ where: { id: r.id }, data: { publishedRevisionId: rev.id } });
  return r.id;
}

const call = (id: string | number, format: string, query = "", headers: Record<string, string> = {}) =>
  GET(new Request(`http://localhost/reports/${id}/download/${format}${query}`, { headers }), { params: Promise.resolve({ id: String(id), format }) });

beforeAll(async () => {
  w = await makeWorld();
  published = await create(w.gov.id, "PUBLISHED");
  // a correction: revision 2 is what the public reads now
  const rev2 = await w.db().reportRevision.create({ data: { reportId: published, number: 2, state: "PUBLISHED", publishedAt: new Date("2021-03-01T00:00:00Z"), reason: "更正" } });
  await w.db().report.update({ where: { id: published }, data: { publishedRevisionId: rev2.id } });
  draft = await create(w.dept.id, "SUBMITTED");
}, 120_000);

describe("GET /reports/[id]/download/[format]", () => {
  it("sends the Word file with a UTF-8 file name, public caching and an ETag", async () => {
    const res = await call(published, "docx");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const name = `${w.gov.name}2020年政府信息公开工作年度报告.docx`;
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="report-${published}-2020-r2.docx"; filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(res.headers.get("etag")).toMatch(new RegExp(`^W/"report-${published}-\\d+-\\d+-docx"$`));
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 2).toString()).toBe("PK");
    expect(Number(res.headers.get("content-length"))).toBe(body.length);
  });

  it("answers a repeated request with 304 when the ETag matches", async () => {
    const etag = (await call(published, "xlsx")).headers.get("etag")!;
    const res = await call(published, "xlsx", "", { "if-none-match": etag });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe("");
  });

  it("serves an older published revision by ?rev and names it", async () => {
    const res = await call(published, "xlsx", "?rev=1");
    expect(res.status).toBe(200);
    expect(decodeURIComponent(res.headers.get("content-disposition")!.split("''")[1]!)).toBe(`${w.gov.name}2020年政府信息公开工作年度报告（第1版）.xlsx`);
    expect(res.headers.get("etag")).not.toBe((await call(published, "xlsx")).headers.get("etag"));
  });

  it("is a 404 for anything not published or not there, never an error", async () => {
    for (const [id, format, query] of [
      [draft, "pdf", ""],
      [draft, "xlsx", "?rev=1"],
      [published, "xlsx", "?rev=3"],
      [published, "xlsx", "?rev=abc"],
      [published, "xlsx", "?rev="],
      [published, "html", ""],
      [published, "toString", ""],
      ["abc", "pdf", ""],
      ["0", "pdf", ""],
      ["99999999999", "pdf", ""],
      [2_000_000_000, "docx", ""],
    ] as const) {
      const res = await call(id, format, query);
      expect(res.status, `${id} ${format}${query}`).toBe(404);
    }
  });
});
