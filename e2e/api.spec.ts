import { test, expect, type APIRequestContext } from "@playwright/test";
import { query } from "./db";

// The open data API (/api/v1) on the running portal with the demo data: the sample report of 白城市洮北区人民政府
// (2020, summary, 2019 format) is reachable by region and year, its cells carry the printed numbers, bad parameters
// are 400 JSON, and the OpenAPI document is served.

async function getJson(request: APIRequestContext, url: string, headers: Record<string, string> = {}) {
  const res = await request.get(url, { headers });
  const text = await res.text();
  return { res, body: text ? JSON.parse(text) : null };
}

async function taobei2020(request: APIRequestContext) {
  const { res, body } = await getJson(request, "/api/v1/reports?region=220802&year=2020&limit=500");
  expect(res.status()).toBe(200);
  const report = body.data.find((r: { agency: { name: string } }) => r.agency.name === "白城市洮北区人民政府");
  expect(report).toBeDefined();
  return report;
}

test("lists 白城市洮北区人民政府's 2020 report under region 220802 and serves its cells", async ({ request }) => {
  const report = await taobei2020(request);
  expect(report).toMatchObject({ year: 2020, format_version: "2019", scope: "SUMMARY", agency: { kind: "GOVERNMENT", region_code: "220802" } });
  expect(report.published_at).toBe("2021-01-29T02:12:00.000Z"); // 10:12 on 29 January 2021 in Shanghai

  const full = await getJson(request, `/api/v1/reports/${report.id}`);
  expect(full.res.status()).toBe(200);
  expect(full.body.data.cells["active.art20_5.licensing.decisions"]).toBe(37103);
  expect(full.body.data.cells["active.art20_5.licensing.change"]).toBe(267);
  expect(full.body.data.cells["active.art20_6.punishment.change"]).toBe(-47);
  expect(full.body.data.cells["active.art20_9.centralProcurement.totalAmount"]).toBe(31989283);
  expect(full.body.data.units).toEqual({ "active.art20_9.centralProcurement.totalAmount": "元" });
  expect(full.body.data.sections.s1_overall).toContain("洮北区");

  const one = await getJson(request, `/api/v1/reports/${report.id}/cells?keys=active.art20_5.licensing.decisions,requests.newReceived.natural`);
  expect(one.body.data.cells).toEqual({ "active.art20_5.licensing.decisions": 37103, "requests.newReceived.natural": 6 });

  const many = await getJson(request, "/api/v1/cells?region=220802&year=2020&kind=GOVERNMENT&keys=active.art20_5.licensing.decisions");
  expect(many.res.status()).toBe(200);
  const row = many.body.data.find((r: { report_id: number }) => r.report_id === report.id);
  expect(row.cells).toEqual({ "active.art20_5.licensing.decisions": 37103 });
});

test("sends JSON with CORS, an ETag and one-minute caching, and 304 for a matching If-None-Match", async ({ request }) => {
  const url = "/api/v1/reports?region=220802&year=2020";
  const first = await request.get(url);
  expect(first.status()).toBe(200);
  expect(first.headers()["content-type"]).toContain("application/json");
  expect(first.headers()["access-control-allow-origin"]).toBe("*");
  expect(first.headers()["cache-control"]).toBe("public, max-age=60");
  const etag = first.headers()["etag"];
  expect(etag).toMatch(/^W\/"/);
  const again = await request.get(url, { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);
});

test("pages through a region's reports with next_cursor, each report once", async ({ request }) => {
  const all = await getJson(request, "/api/v1/reports?region=220802&limit=500");
  expect(all.body.next_cursor).toBeNull();
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const page = await getJson(request, `/api/v1/reports?region=220802&limit=7${cursor ? `&cursor=${cursor}` : ""}`);
    expect(page.res.status()).toBe(200);
    expect(page.body.data.length).toBeLessThanOrEqual(7);
    ids.push(...page.body.data.map((r: { id: number }) => r.id));
    cursor = page.body.next_cursor;
  } while (cursor);
  expect(ids).toEqual(all.body.data.map((r: { id: number }) => r.id));
  expect(new Set(ids).size).toBe(ids.length);
});

test("never shows an unpublished report", async ({ request }) => {
  const hidden = await query<{ id: number; agencyId: number }>(
    `SELECT DISTINCT ON (status) id, "agencyId" FROM "Report" WHERE "publishedRevisionId" IS NULL ORDER BY status, id`,
  );
  expect(hidden.length).toBeGreaterThan(0);
  for (const h of hidden) {
    for (const url of [`/api/v1/reports/${h.id}`, `/api/v1/reports/${h.id}?rev=1`, `/api/v1/reports/${h.id}/cells`]) {
      const { res, body } = await getJson(request, url);
      expect(res.status(), url).toBe(404);
      expect(body.error.code).toBe("not_found");
    }
    const listed = await getJson(request, `/api/v1/reports?agency=${h.agencyId}&limit=500`);
    expect(listed.body.data.map((r: { id: number }) => r.id)).not.toContain(h.id);
    const agency = await getJson(request, `/api/v1/agencies/${h.agencyId}`);
    expect(agency.body.data.reports.map((r: { id: number }) => r.id)).not.toContain(h.id);
  }
});

test("answers bad parameters with 400 and a Chinese JSON error, unknown things with 404", async ({ request }) => {
  const bad: [string, string][] = [
    ["/api/v1/reports?limit=0", "invalid_parameter"],
    ["/api/v1/reports?limit=100000", "invalid_parameter"],
    ["/api/v1/reports?limit=abc", "invalid_parameter"],
    ["/api/v1/reports?region=abc", "invalid_parameter"],
    ["/api/v1/reports?year=1900", "invalid_parameter"],
    ["/api/v1/reports?kind=MINISTRY", "invalid_parameter"],
    ["/api/v1/reports?cursor=not-a-cursor", "invalid_cursor"],
    ["/api/v1/reports?regoin=220802", "unknown_parameter"],
    [`/api/v1/agencies?q=${"a".repeat(10_000)}`, "invalid_parameter"],
    ["/api/v1/cells?keys=no.such.key", "invalid_parameter"],
    ["/api/v1/reports/abc", "invalid_parameter"],
  ];
  for (const [url, code] of bad) {
    const { res, body } = await getJson(request, url);
    expect(res.status(), url).toBe(400);
    expect(res.headers()["content-type"]).toContain("application/json");
    expect(body.error.code, url).toBe(code);
    expect(body.error.message, url).toMatch(/[\u4e00-\u9fff]/);
  }
  for (const url of ["/api/v1/reports/999999999", "/api/v1/agencies/999999999", "/api/v1/regions/99", "/api/v1/nowhere"]) {
    const { res, body } = await getJson(request, url);
    expect(res.status(), url).toBe(404);
    expect(body.error.code).toBe("not_found");
  }
});

test("serves the OpenAPI 3.1 document and the human documentation page", async ({ request, page }) => {
  const { res, body } = await getJson(request, "/api/v1/openapi.json");
  expect(res.status()).toBe(200);
  expect(body.openapi).toBe("3.1.0");
  expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(["/regions", "/agencies", "/reports", "/reports/{id}", "/cells", "/cell-keys"]));
  expect(body.components.schemas.ReportSummary).toBeDefined();

  await page.goto("/");
  await page.getByRole("link", { name: "开放数据" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "开放数据接口" })).toBeVisible();
  await expect(page.locator('tr[data-key="active.art20_5.licensing.decisions"]').first()).toContainText("行政许可");
});
