// The /api/v1 route handlers on the test database, called directly with Request objects. Every 200, 400 and 404
// body is validated against the OpenAPI document the API serves (ajv, JSON Schema 2020-12: openApiErrors).
import { beforeAll, describe, expect, it } from "vitest";
import { makeWorld, uniqueSuffix } from "@/test/db-fixtures";
import { cellKeyList } from "@/lib/api/cell-keys";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { openApiErrors } from "@/lib/api/openapi.testkit";
import { allKeys, leafKeys, type CellMap, type FormatVersion } from "@/lib/format";
import { replaceCells } from "@/lib/db/revision-cells";
import { prismaSql } from "@/lib/db/sql";
import * as regions from "./regions/route";
import * as region from "./regions/[code]/route";
import * as agencies from "./agencies/route";
import * as agency from "./agencies/[id]/route";
import * as reports from "./reports/route";
import * as report from "./reports/[id]/route";
import * as reportCells from "./reports/[id]/cells/route";
import * as cells from "./cells/route";
import * as cellKeys from "./cell-keys/route";
import * as openapi from "./openapi.json/route";
import * as rest from "./[...rest]/route";

type World = Awaited<ReturnType<typeof makeWorld>>;
type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are checked against the OpenAPI document

interface Called {
  status: number;
  headers: Headers;
  body: Json;
}

/** Calls a route handler as Next.js would and checks the answer against the OpenAPI document's schema for it. */
async function call(docPath: string, handler: unknown, url: string, params: Record<string, string> = {}, headers: Record<string, string> = {}): Promise<Called> {
  const res = await (handler as Handler)(new Request(`http://x/api/v1${url}`, { headers }), { params: Promise.resolve(params) });
  const text = await res.text();
  const body = text ? JSON.parse(text) : null;
  if (res.status !== 304) {
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(openApiErrors(docPath, String(res.status) as "200", body), `${url} → ${res.status} ${text.slice(0, 300)}`).toEqual([]);
  }
  expect(res.headers.get("access-control-allow-origin")).toBe("*");
  return { status: res.status, headers: res.headers, body };
}

/** Follows next_cursor to the end; fails on a row seen twice or, for lists in key order, out of order. */
async function walk(docPath: string, handler: unknown, url: string, keyOf: (row: Json) => string | number, keyOrdered = true): Promise<Json[]> {
  const rows: Json[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 1000; i++) {
    const sep = url.includes("?") ? "&" : "?";
    const page = await call(docPath, handler, cursor ? `${url}${sep}cursor=${cursor}` : url);
    expect(page.status).toBe(200);
    rows.push(...page.body.data);
    cursor = page.body.next_cursor;
    if (!cursor) break;
  }
  const keys = rows.map(keyOf);
  if (keyOrdered) expect([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(keys);
  expect(new Set(keys).size).toBe(keys.length);
  return rows;
}

let w: World;
let townships: string[];
let townAgencies: number[];
const published: Record<string, number> = {};
const hidden: number[] = [];
const sections = (tag: string) => ({
  s1_overall: `一、总体情况${tag}`,
  s2_active: "二",
  s3_requests: "三",
  s4_reviewLitigation: "四",
  s5_problems: "五",
  s6_other: "六",
});

function leaves(v: FormatVersion, values: CellMap = {}): CellMap {
  return { ...Object.fromEntries(leafKeys(v).map((k) => [k, 0])), ...values };
}

async function revision(reportId: number, number: number, v: FormatVersion, state: "PUBLISHED" | "DRAFT" | "SUBMITTED" | "RETURNED", values: CellMap, extra: { reason?: string; at?: Date } = {}) {
  const rev = await w.db().reportRevision.create({
    data: { reportId, number, state, reason: extra.reason ?? null, publishedAt: state === "PUBLISHED" ? (extra.at ?? new Date()) : null, ...sections(`第${number}版`) },
  });
  await w.db().$transaction((tx) => replaceCells(prismaSql(tx), rev.id, v, leaves(v, values)));
  return rev.id;
}

async function publish(agencyId: number, year: number, values: CellMap = {}, scope: "OWN" | "SUMMARY" = "OWN") {
  const v: FormatVersion = year >= 2021 ? "2021" : "2019";
  const at = new Date(Date.UTC(year + 1, 0, 20, 2));
  const r = await w.db().report.create({ data: { agencyId, year, formatVersion: v, scope, status: "PUBLISHED", firstPublishedAt: at } });
  const revId = await revision(r.id, 1, v, "PUBLISHED", values, { at });
  await w.db().report.update({ where: { id: r.id }, data: { publishedRevisionId: revId } });
  return r.id;
}

async function unpublished(agencyId: number, year: number, state: "DRAFT" | "SUBMITTED" | "RETURNED") {
  const v: FormatVersion = year >= 2021 ? "2021" : "2019";
  const r = await w.db().report.create({ data: { agencyId, year, formatVersion: v, scope: "OWN", status: state } });
  await revision(r.id, 1, v, state, { "requests.newReceived.natural": 999 });
  return r.id;
}

beforeAll(async () => {
  w = await makeWorld();
  const s = uniqueSuffix();
  townships = [];
  townAgencies = [];
  for (let i = 1; i <= 5; i++) {
    const code = `${w.county.code}${String(i).padStart(3, "0")}`;
    await w.db().region.upsert({ where: { code }, update: {}, create: { code, name: `测试镇${i}`, level: 4, parentCode: w.county.code } });
    townships.push(code);
    const a = await w.db().agency.create({ data: { name: `测试镇${i}人民政府${s}`, kind: "TOWNSHIP", regionCode: code, parentId: w.gov.id } });
    townAgencies.push(a.id);
  }
  published.gov2020 = await publish(
    w.gov.id,
    2020,
    {
      "active.art20_5.licensing.decisions": 37103,
      "active.art20_5.licensing.change": -47,
      "active.art20_9.centralProcurement.totalAmount": 31989283.1234,
      "requests.newReceived.natural": 6,
      "requests.newReceived.commercial": null,
    },
    "SUMMARY",
  );
  published.dept2020 = await publish(w.dept.id, 2020, { "requests.newReceived.natural": 3 });
  published.dept2021 = await publish(w.dept.id, 2021, { "active.art20_8.fees.amount": 1.2345, "requests.newReceived.natural": 4 });
  published.other2020 = await publish(w.otherDept.id, 2020);
  for (const [i, id] of townAgencies.entries()) published[`town${i}`] = await publish(id, 2020, { "requests.newReceived.natural": i });

  // A corrected report: revision 1 published, revision 2 published with a reason, revision 3 a correction in progress.
  const corrected = await w.db().report.create({ data: { agencyId: w.otherDept.id, year: 2022, formatVersion: "2021", scope: "OWN", status: "DRAFT", firstPublishedAt: new Date(Date.UTC(2023, 0, 10)) } });
  await revision(corrected.id, 1, "2021", "PUBLISHED", { "requests.newReceived.natural": 10 }, { at: new Date(Date.UTC(2023, 0, 10)) });
  const rev2 = await revision(corrected.id, 2, "2021", "PUBLISHED", { "requests.newReceived.natural": 11 }, { reason: "更正申请数", at: new Date(Date.UTC(2023, 1, 1)) });
  await revision(corrected.id, 3, "2021", "DRAFT", { "requests.newReceived.natural": 12 });
  await w.db().report.update({ where: { id: corrected.id }, data: { publishedRevisionId: rev2 } });
  published.corrected = corrected.id;

  hidden.push(await unpublished(w.otherDept.id, 2021, "SUBMITTED"));
  hidden.push(await unpublished(townAgencies[0], 2021, "DRAFT"));
  hidden.push(await unpublished(townAgencies[1], 2021, "RETURNED"));
}, 120_000);

describe("GET /api/v1/reports", () => {
  it("walks every published report of a region exactly once with small pages, and nothing unpublished", async () => {
    const rows = await walk("/reports", reports.GET, `/reports?region=${w.county.code}&limit=2`, (r) => r.id);
    const ids = rows.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(Object.values(published)));
    for (const id of hidden) expect(ids).not.toContain(id);
    const all = await call("/reports", reports.GET, `/reports?region=${w.county.code}&limit=500`);
    expect(all.body).toEqual({ data: rows, next_cursor: null });
  });

  it("describes each report with its agency, dates and current revision", async () => {
    const { body } = await call("/reports", reports.GET, `/reports?region=${w.county.code}&year=2020&kind=GOVERNMENT`);
    expect(body.data).toEqual([
      {
        id: published.gov2020,
        agency: { id: w.gov.id, name: w.gov.name, kind: "GOVERNMENT", region_code: w.county.code },
        year: 2020,
        format_version: "2019",
        scope: "SUMMARY",
        published_at: "2021-01-20T02:00:00.000Z",
        revision: 1,
        revision_published_at: "2021-01-20T02:00:00.000Z",
      },
    ]);
    const corrected = await call("/reports", reports.GET, `/reports?agency=${w.otherDept.id}&year=2022`);
    expect(corrected.body.data.map((r: Json) => [r.id, r.revision, r.published_at, r.revision_published_at])).toEqual([
      [published.corrected, 2, "2023-01-10T00:00:00.000Z", "2023-02-01T00:00:00.000Z"],
    ]);
  });

  it("filters by region (and everything under it), year, kind, format, scope and agency", async () => {
    const ids = async (q: string) => (await call("/reports", reports.GET, `/reports?${q}&limit=500`)).body.data.map((r: Json) => r.id);
    expect(await ids(`region=${townships[2]}`)).toEqual([published.town2]);
    expect(await ids(`region=${w.county.code}&kind=TOWNSHIP`)).toEqual([0, 1, 2, 3, 4].map((i) => published[`town${i}`]));
    expect(await ids(`region=${w.county.code}&format=2021`)).toEqual([published.dept2021, published.corrected]);
    expect(await ids(`region=${w.county.code}&scope=SUMMARY`)).toEqual([published.gov2020]);
    expect(await ids(`agency=${w.dept.id}`)).toEqual([published.dept2020, published.dept2021]);
    expect(await ids(`agency=${w.dept.id}&year=2021`)).toEqual([published.dept2021]);
    expect(await ids(`region=${w.county.code}&year=2024`)).toEqual([]);
  });
});

describe("GET /api/v1/reports/{id}", () => {
  it("gives sections, every cell as a JSON number (blank = null), money units and revisions", async () => {
    const { body } = await call("/reports/{id}", report.GET, `/reports/${published.gov2020}`, { id: String(published.gov2020) });
    const d = body.data;
    expect(d).toMatchObject({ id: published.gov2020, year: 2020, format_version: "2019", scope: "SUMMARY", revision: 1, is_latest: true, revision_reason: null });
    expect(d.sections.s1_overall).toBe("一、总体情况第1版");
    // every stored cell (replaceCells stores them all), in the format's official order
    expect(Object.keys(d.cells)).toEqual(allKeys("2019"));
    expect(d.cells["active.art20_5.licensing.decisions"]).toBe(37103);
    expect(d.cells["active.art20_5.licensing.change"]).toBe(-47);
    expect(d.cells["active.art20_9.centralProcurement.totalAmount"]).toBe(31989283.1234);
    expect(d.cells["requests.newReceived.commercial"]).toBeNull();
    expect(d.cells["requests.newReceived.natural"]).toBe(6);
    expect(d.units).toEqual({ "active.art20_9.centralProcurement.totalAmount": "元" });
    expect(d.revisions).toEqual([{ number: 1, published_at: "2021-01-20T02:00:00.000Z", reason: null }]);
  });

  it("serves the latest published revision, older ones with ?rev, never a draft revision", async () => {
    const id = String(published.corrected);
    const latest = (await call("/reports/{id}", report.GET, `/reports/${id}`, { id })).body.data;
    expect([latest.revision, latest.is_latest, latest.revision_reason, latest.cells["requests.newReceived.natural"]]).toEqual([2, true, "更正申请数", 11]);
    expect(latest.revisions.map((r: Json) => [r.number, r.reason])).toEqual([
      [2, "更正申请数"],
      [1, null],
    ]);
    const first = (await call("/reports/{id}", report.GET, `/reports/${id}?rev=1`, { id })).body.data;
    expect([first.revision, first.is_latest, first.cells["requests.newReceived.natural"], first.sections.s1_overall]).toEqual([1, false, 10, "一、总体情况第1版"]);
    const draft = await call("/reports/{id}", report.GET, `/reports/${id}?rev=3`, { id });
    expect(draft.status).toBe(404);
    expect(draft.body.error.code).toBe("not_found");
  });

  it("answers 404 for unpublished and unknown reports, by id, revision and cells", async () => {
    for (const id of [...hidden.map(String), "2147483647"]) {
      for (const q of ["", "?rev=1"]) {
        const r = await call("/reports/{id}", report.GET, `/reports/${id}${q}`, { id });
        expect(r.status, `${id}${q}`).toBe(404);
        expect(r.body.error.message).toMatch(/没有/);
        expect((await call("/reports/{id}/cells", reportCells.GET, `/reports/${id}/cells${q}`, { id })).status).toBe(404);
      }
    }
  });
});

describe("cells", () => {
  it("GET /reports/{id}/cells gives the chosen cells of one report", async () => {
    const id = String(published.dept2021);
    const { body } = await call("/reports/{id}/cells", reportCells.GET, `/reports/${id}/cells?keys=active.art20_8.fees.amount,requests.newReceived.natural,active.art20_9.centralProcurement.totalAmount`, { id });
    // 采购总金额 is a 2019 cell: left out of a 2021 report rather than shown as blank
    expect(body.data).toEqual({
      id: published.dept2021,
      year: 2021,
      format_version: "2021",
      revision: 1,
      cells: { "active.art20_8.fees.amount": 1.2345, "requests.newReceived.natural": 4 },
      units: { "active.art20_8.fees.amount": "万元" },
    });
  });

  it("GET /cells walks one row per published report exactly once, with the requested keys", async () => {
    const keys = "requests.newReceived.natural,active.art20_5.licensing.decisions";
    const rows = await walk("/cells", cells.GET, `/cells?region=${w.county.code}&year=2020&keys=${keys}&limit=3`, (r) => r.report_id);
    expect(rows.map((r) => r.report_id)).toEqual([published.gov2020, published.dept2020, published.other2020, ...[0, 1, 2, 3, 4].map((i) => published[`town${i}`])]);
    expect(rows[0]).toEqual({
      report_id: published.gov2020,
      agency: { id: w.gov.id, name: w.gov.name, kind: "GOVERNMENT", region_code: w.county.code },
      year: 2020,
      format_version: "2019",
      scope: "SUMMARY",
      revision: 1,
      cells: { "active.art20_5.licensing.decisions": 37103, "requests.newReceived.natural": 6 },
    });
    expect(rows.map((r) => r.cells["requests.newReceived.natural"])).toEqual([6, 3, 0, 0, 1, 2, 3, 4]);
  });

  it("GET /cells never shows an unpublished report or a correction in progress, and gives units", async () => {
    const { body } = await call("/cells", cells.GET, `/cells?region=${w.county.code}&format=2021&limit=500`);
    expect(body.data.map((r: Json) => r.report_id)).toEqual([published.dept2021, published.corrected]);
    expect(body.data[1].cells["requests.newReceived.natural"]).toBe(11);
    expect(Object.keys(body.data[0].cells)).toEqual(allKeys("2021"));
    expect(body.units).toEqual({ "active.art20_8.fees.amount": "万元" });
  });
});

describe("agencies and regions", () => {
  it("GET /agencies walks a region's agencies exactly once and filters by kind and name", async () => {
    const rows = await walk("/agencies", agencies.GET, `/agencies?region=${w.county.code}&limit=2`, (a) => a.id);
    expect(rows.map((a) => a.id)).toEqual(expect.arrayContaining([w.gov.id, w.dept.id, w.otherDept.id, ...townAgencies]));
    const towns = await call("/agencies", agencies.GET, `/agencies?region=${w.county.code}&kind=TOWNSHIP&limit=500`);
    expect(towns.body.data.map((a: Json) => a.id)).toEqual(townAgencies);
    expect(towns.body.data[0]).toEqual({ id: townAgencies[0], name: expect.stringMatching(/^测试镇1人民政府/), kind: "TOWNSHIP", region_code: townships[0], parent_id: w.gov.id });
    const byName = await call("/agencies", agencies.GET, `/agencies?q=${encodeURIComponent(w.dept.name)}`);
    expect(byName.body.data.map((a: Json) => a.id)).toEqual([w.dept.id]);
  });

  it("GET /agencies/{id} lists only published reports", async () => {
    const id = String(w.otherDept.id);
    const { body } = await call("/agencies/{id}", agency.GET, `/agencies/${id}`, { id });
    expect(body.data).toMatchObject({ id: w.otherDept.id, name: w.otherDept.name, kind: "DEPARTMENT", region_code: w.county.code, parent: { id: w.gov.id, name: w.gov.name } });
    expect(body.data.reports.map((r: Json) => [r.id, r.year, r.revision])).toEqual([
      [published.corrected, 2022, 2],
      [published.other2020, 2020, 1],
    ]);
    expect((await call("/agencies/{id}", agency.GET, "/agencies/2147483647", { id: "2147483647" })).status).toBe(404);
  });

  it("GET /regions walks a region's children; GET /regions/{code} gives ancestors", async () => {
    const rows = await walk("/regions", regions.GET, `/regions?parent=${w.county.code}&limit=2`, (r) => r.code);
    expect(rows).toEqual(townships.map((code, i) => ({ code, name: `测试镇${i + 1}`, level: 4, parent_code: w.county.code })));
    const provinces = await call("/regions", regions.GET, "/regions?limit=500");
    expect(provinces.body.data.map((r: Json) => r.code)).toContain(w.province.code);
    expect(provinces.body.data.every((r: Json) => r.level === 1)).toBe(true);
    const { body } = await call("/regions/{code}", region.GET, `/regions/${townships[0]}`, { code: townships[0] });
    expect(body.data).toMatchObject({ code: townships[0], level: 4, parent_code: w.county.code });
    expect(body.data.ancestors.map((r: Json) => r.code)).toEqual([w.province.code, w.county.code]);
    const missing = `${w.county.code}999`;
    expect((await call("/regions/{code}", region.GET, `/regions/${missing}`, { code: missing })).status).toBe(404);
  });

  it("GET /cell-keys lists the dictionary of one format in one page", async () => {
    const { body } = await call("/cell-keys", cellKeys.GET, "/cell-keys?format=2019&limit=500");
    expect(body.next_cursor).toBeNull();
    expect(body.data).toHaveLength(201);
    expect(body.data.find((r: Json) => r.key === "active.art20_9.centralProcurement.totalAmount")).toMatchObject({ unit: "元", type: "decimal" });
    // in official order (not key order), so only "each once, all of them" is checked here
    const both = await walk("/cell-keys", cellKeys.GET, "/cell-keys?limit=150", (r) => `${r.format_version}:${r.key}`, false);
    expect(both.map((r) => `${r.format_version}:${r.key}`)).toEqual(cellKeyList().map((r) => `${r.format_version}:${r.key}`));
  });
});

describe("bad requests", () => {
  const cases: [string, unknown, string, Record<string, string>, string][] = [
    ["/reports", reports.GET, "/reports?limit=0", {}, "invalid_parameter"],
    ["/reports", reports.GET, "/reports?limit=100000", {}, "invalid_parameter"],
    ["/reports", reports.GET, "/reports?limit=abc", {}, "invalid_parameter"],
    ["/reports", reports.GET, "/reports?cursor=bm90LWEtY3Vyc29y", {}, "invalid_cursor"],
    ["/reports", reports.GET, "/reports?cursor=%ff%fe", {}, "invalid_cursor"],
    ["/reports", reports.GET, "/reports?region=12345", {}, "invalid_parameter"],
    ["/reports", reports.GET, "/reports?year=1999", {}, "invalid_parameter"],
    ["/reports", reports.GET, "/reports?kind=MINISTRY", {}, "invalid_parameter"],
    ["/reports", reports.GET, "/reports?format=2020", {}, "invalid_parameter"],
    ["/reports", reports.GET, "/reports?page=2", {}, "unknown_parameter"],
    ["/reports", reports.GET, "/reports?year=2020&year=2021", {}, "invalid_parameter"],
    ["/agencies", agencies.GET, `/agencies?q=${"机".repeat(10_000)}`, {}, "invalid_parameter"],
    ["/agencies", agencies.GET, "/agencies?q=%00", {}, "invalid_parameter"],
    ["/regions", regions.GET, "/regions?level=9", {}, "invalid_parameter"],
    ["/regions", regions.GET, "/regions?parent=22&level=2", {}, "invalid_parameter"],
    ["/cells", cells.GET, "/cells?keys=no.such.key", {}, "invalid_parameter"],
    ["/cell-keys", cellKeys.GET, "/cell-keys?format=2019&cursor=MjAyMTphY3RpdmUuYXJ0MjBfOC5mZWVzLmFtb3VudA", {}, "invalid_cursor"],
    ["/reports/{id}", report.GET, "/reports/abc", { id: "abc" }, "invalid_parameter"],
    ["/reports/{id}", report.GET, "/reports/1?rev=abc", { id: "1" }, "invalid_parameter"],
    ["/reports/{id}", report.GET, "/reports/1?foo=1", { id: "1" }, "unknown_parameter"],
    ["/reports/{id}/cells", reportCells.GET, "/reports/-1/cells", { id: "-1" }, "invalid_parameter"],
    ["/agencies/{id}", agency.GET, "/agencies/1e3", { id: "1e3" }, "invalid_parameter"],
    ["/regions/{code}", region.GET, "/regions/2208x", { code: "2208x" }, "invalid_parameter"],
    ["/openapi.json", openapi.GET, "/openapi.json?x=1", {}, "unknown_parameter"],
  ];
  it.each(cases)("%s: %s → 400 %s", async (docPath, handler, url, params, code) => {
    const r = await call(docPath, handler, url, params);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe(code);
    expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(r.headers.get("cache-control")).toBe("no-store");
  });

  it("answers an unknown path under /api/v1 with a JSON 404", async () => {
    const res = await rest.GET(new Request("http://x/api/v1/nothing/here"));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "没有这个接口，可用的接口见 /api/v1/openapi.json" } });
  });
});

describe("caching", () => {
  it("answers 304 to a matching If-None-Match, and a new ETag once the data changes", async () => {
    const url = `/reports?region=${townships[4]}`;
    const first = await call("/reports", reports.GET, url);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=60");
    const again = await call("/reports", reports.GET, url, {}, { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    const id = String(published.town4);
    const detail = await call("/reports/{id}", report.GET, `/reports/${id}`, { id });
    expect((await call("/reports/{id}", report.GET, `/reports/${id}`, { id }, { "If-None-Match": detail.headers.get("etag")! })).status).toBe(304);

    await publish(townAgencies[4], 2023);
    const changed = await call("/reports", reports.GET, url, {}, { "If-None-Match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("serves the generated document as JSON", async () => {
    const res = await openapi.GET(new Request("http://x/api/v1/openapi.json"));
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toMatch(/^W\//);
    expect(await res.json()).toEqual(buildOpenApiDocument());
  });
});
