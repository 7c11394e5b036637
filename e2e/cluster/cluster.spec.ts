import { test, expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD } from "../auth";
import { query } from "../db";

// Two instances behind nginx on one PostgreSQL database (playwright.cluster.config.ts, scripts/cluster.ts).

const instances = () => test.info().config.metadata.instances as [string, string];

async function cacheStatus(api: APIRequestContext, url: string, headers: Record<string, string> = {}) {
  const res = await api.get(url, { headers });
  return { status: res.status(), cache: res.headers()["x-cache-status"] ?? "(not cacheable)", body: await res.text() };
}

test("published pages are served from the shared cache; signed-in readers, query URLs and drafts never are", async ({ request }) => {
  const [published] = await query<{ id: number }>(`SELECT id FROM "Report" WHERE "publishedRevisionId" IS NOT NULL ORDER BY id LIMIT 1`);
  await cacheStatus(request, `/reports/${published!.id}`);
  const again = await cacheStatus(request, `/reports/${published!.id}`);
  expect(again).toMatchObject({ status: 200, cache: "HIT" });
  expect((await cacheStatus(request, `/reports/${published!.id}`, { cookie: "better-auth.session_token=x" })).cache).toBe("BYPASS");
  expect((await cacheStatus(request, `/reports/${published!.id}?rev=1`)).cache).toBe("BYPASS");

  // a report nobody has published: not found, and never kept
  const [draft] = await query<{ id: number }>(`SELECT id FROM "Report" WHERE "publishedRevisionId" IS NULL ORDER BY id LIMIT 1`);
  for (let i = 0; i < 2; i++) expect(await cacheStatus(request, `/reports/${draft!.id}`)).toMatchObject({ status: 404, cache: "MISS" });
  // the filing area is not cacheable at all
  expect((await cacheStatus(request, "/filing")).cache).toBe("(not cacheable)");
});

test("pages nginx passes through reach the client compressed; each cached page copy gets its own lifetime, never shown to readers", async ({ request }) => {
  // nginx asks the instances for uncompressed pages on these paths (deploy/nginx/nianbao.conf.template), so only its
  // own gzip gives the client a compressed page
  const login = await request.get("/login", { headers: { "Accept-Encoding": "gzip" } });
  expect(login.status()).toBe(200);
  expect(login.headers()["content-encoding"]).toBe("gzip");
  expect(await login.text()).toContain("登录");

  // proxy.ts: a public page's lifetime in nginx's cache is drawn between half and all of the TTL (60 s here)
  const [a] = instances();
  const lifetimes = new Set<number>();
  for (let i = 0; i < 8; i++) {
    const value = Number((await request.get(`${a}/regions`)).headers()["x-accel-expires"]);
    expect(value).toBeGreaterThanOrEqual(30);
    expect(value).toBeLessThanOrEqual(60);
    lifetimes.add(value);
  }
  expect(lifetimes.size).toBeGreaterThan(1);
  expect((await request.get(`${a}/login`)).headers()["x-accel-expires"]).toBeUndefined();
  expect((await request.get("/regions")).headers()["x-accel-expires"]).toBeUndefined();
});

test("a report published through one instance shows on the other and through nginx within 5 seconds; one session works on both", async ({ browser }) => {
  const [a, b] = instances();
  const [report] = await query<{ id: number; agencyId: number; name: string; year: number }>(
    `SELECT r.id, r."agencyId", a.name, r.year FROM "Report" r JOIN "Agency" a ON a.id = r."agencyId"
     WHERE r.status = 'SUBMITTED' ORDER BY r.id LIMIT 1`,
  );
  expect(report, "the demo data has a submitted report").toBeTruthy();
  const anonymous = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
  // the agency page is cached without the new report
  await cacheStatus(anonymous, `/agencies/${report!.agencyId}`);
  const before = await cacheStatus(anonymous, `/agencies/${report!.agencyId}`);
  expect(before.cache).toBe("HIT");
  expect(before.body).not.toContain(`/reports/${report!.id}"`);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${a}/login`);
  await page.getByLabel("用户名").fill("admin"); // reviews everywhere, so any submitted report will do
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  // the session made on A is valid on B
  await page.goto(`${b}/review`);
  await expect(page).toHaveURL(`${b}/review`);
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();

  await page.goto(`${a}/review/reports/${report!.id}`);
  await page.getByRole("button", { name: "审核通过并发布" }).click();
  await expect(page).toHaveURL(/done=published/);
  const publishedAt = Date.now();

  // on the other instance directly, and through the cache
  await expect.poll(async () => (await page.request.get(`${b}/reports/${report!.id}`)).status(), { timeout: 5000, intervals: [100] }).toBe(200);
  await expect
    .poll(async () => (await cacheStatus(anonymous, `/agencies/${report!.agencyId}`)).body.includes(`/reports/${report!.id}"`), { timeout: 5000, intervals: [100] })
    .toBe(true);
  await expect.poll(async () => (await cacheStatus(anonymous, `/reports/${report!.id}`)).status, { timeout: 5000, intervals: [100] }).toBe(200);
  console.log(`published report ${report!.id}: visible on the other instance and through nginx after ${Date.now() - publishedAt} ms`);
  await context.close();
  await anonymous.dispose();
});
