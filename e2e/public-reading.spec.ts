import { test, expect, type Page } from "@playwright/test";
import { query } from "./db";

async function cell(page: Page, key: string) {
  return page.locator(`[data-cell="${key}"]`).first();
}

async function walk(page: Page, steps: string[]) {
  await page.goto("/");
  await page.getByRole("link", { name: "按地区浏览" }).first().click();
  for (const name of steps) {
    await page.getByRole("link", { name: new RegExp(`^${name}`) }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
}

test("walks from the home page down to 洮北区's 2020 summary report and reads its tables", async ({ page }) => {
  await walk(page, ["吉林省", "白城市", "洮北区", "白城市洮北区人民政府"]);
  await page.getByRole("link", { name: /2020年政府信息公开工作年度报告/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("白城市洮北区人民政府2020年政府信息公开工作年度报告");
  await expect(page.getByTestId("scope")).toContainText("汇总报告");
  await expect(page.getByRole("heading", { name: "一、总体情况" })).toBeVisible();
  await expect(page.getByText("(一)加强权力配置信息公开方面", { exact: false }).first()).toBeVisible();
  await expect(await cell(page, "requests.newReceived.natural")).toHaveText("6");
  await expect(await cell(page, "requests.carriedOver.total")).toHaveText("2");
  await expect(await cell(page, "requests.carriedForward.total")).toHaveText("1");
  await expect(await cell(page, "active.art20_5.licensing.decisions")).toHaveText("37103");
  await expect(await cell(page, "active.art20_5.licensing.change")).toHaveText("+267");
  await expect(await cell(page, "active.art20_6.punishment.change")).toHaveText("-47");
  await expect(await cell(page, "active.art20_9.centralProcurement.totalAmount")).toHaveText("31989283元");
  // The official layout: the 勾稽 note in the corner, 三、本年度办理结果 spanning its 20 rows (2019 format).
  await expect(page.getByText("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")).toBeVisible();
  await expect(page.locator('th:has-text("三、本年度办理结果")')).toHaveAttribute("rowspan", "20");
});

test("walks to 大兴安岭地区's 2020 summary report", async ({ page }) => {
  await walk(page, ["黑龙江省", "大兴安岭地区"]);
  await page.getByRole("link", { name: "大兴安岭地区行政公署", exact: true }).click();
  await page.getByRole("link", { name: /2020年政府信息公开工作年度报告/ }).click();
  await expect(page.getByTestId("scope")).toContainText("汇总报告");
  await expect(await cell(page, "requests.newReceived.natural")).toHaveText("17");
  await expect(await cell(page, "requests.newReceived.total")).toHaveText("18");
  await expect(await cell(page, "requests.results.granted.total")).toHaveText("6");
  await expect(await cell(page, "active.art20_5.licensing.decisions")).toHaveText("11764");
  await expect(await cell(page, "reviewLitigation.litigation.direct.total")).toHaveText("3");
});

test("walks to 友谊镇's 2022 own report in the 2021 format", async ({ page }) => {
  await walk(page, ["黑龙江省", "双鸭山市", "友谊县", "友谊镇"]);
  await page.getByRole("link", { name: "友谊县友谊镇人民政府", exact: true }).click();
  await page.getByRole("link", { name: /2022年政府信息公开工作年度报告/ }).click();
  await expect(page.getByTestId("scope")).toContainText("本机关报告");
  await expect(page.getByText("2021年格式")).toBeVisible();
  await expect(await cell(page, "requests.newReceived.total")).toHaveText("0");
  await expect(await cell(page, "active.art20_8.fees.amount")).toHaveText("0");
  await expect(page.locator('th:has-text("三、本年度办理结果")')).toHaveAttribute("rowspan", "22");
  await expect(page.getByText("本年收费金额（单位：万元）")).toBeVisible();
});

test("never shows a draft, submitted or returned report on a public URL", async ({ page, request }) => {
  const hidden = await query<{ id: number; status: string; agencyId: number }>(
    `SELECT DISTINCT ON (status) id, status, "agencyId" FROM "Report" WHERE "publishedRevisionId" IS NULL ORDER BY status, id`,
  );
  expect(hidden.map((h) => h.status).sort()).toEqual(["DRAFT", "RETURNED", "SUBMITTED"]);
  for (const h of hidden) {
    for (const url of [`/reports/${h.id}`, `/reports/${h.id}?rev=1`]) {
      const res = await request.get(url);
      expect(res.status(), url).toBe(404);
    }
    await page.goto(`/agencies/${h.agencyId}`);
    await expect(page.locator(`a[href="/reports/${h.id}"]`)).toHaveCount(0);
  }
  await page.goto("/");
  for (const h of hidden) await expect(page.locator(`a[href="/reports/${h.id}"]`)).toHaveCount(0);
});

test("answers unknown or malformed URLs with the Chinese 404 page", async ({ request, page }) => {
  for (const url of ["/regions/99", "/regions/abc", "/regions/2208x", "/agencies/0", "/agencies/99999999", "/agencies/1e3", "/reports/-1", "/reports/999999999999", "/reports/1?rev=abc", "/nowhere"]) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(404);
  }
  await page.goto("/regions/abc");
  await expect(page.getByRole("heading", { name: "未找到该页面" })).toBeVisible();
});

test("finds an agency by pinyin initials from the home page search box", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "搜索机关名称" }).fill("tbq");
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page.getByRole("link", { name: "白城市洮北区人民政府", exact: true })).toBeVisible();
});
