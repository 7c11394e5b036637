import AxeBuilder from "@axe-core/playwright";
import { test, expect, type Page } from "@playwright/test";

// Search, the region comparison and an agency's years, on the seeded demo data (scripts/test.sh: --agencies 60,
// which covers 洮北区 of 白城市 (2208) and its 2020 sample summary report).

async function columnTexts(page: Page, selector: string): Promise<string[]> {
  return page.locator(`[data-testid="region-compare"] tbody ${selector}`).allInnerTexts();
}

test("search finds 白城市洮北区人民政府 by its pinyin initials", async ({ page }) => {
  await page.goto("/search");
  await page.getByRole("searchbox", { name: "搜索机关名称或报告正文" }).fill("tbq");
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/\/search\?q=tbq/);
  await expect(page.getByRole("link", { name: "白城市洮北区人民政府", exact: true })).toBeVisible();
});

test("search finds a sample report by a word of its narrative, with the word marked in an excerpt", async ({ page }) => {
  await page.goto("/search?q=" + encodeURIComponent("权力配置"));
  // no agency is called that: the report results are shown
  await page.getByRole("navigation", { name: "结果类别" }).getByRole("link", { name: /报告正文/ }).click();
  const results = page.getByTestId("report-results");
  await expect(results.getByRole("link", { name: "白城市洮北区人民政府2020年政府信息公开工作年度报告" })).toBeVisible();
  await expect(results.locator("mark").first()).toHaveText("权力配置");
  // a two-character word and a single character
  await page.goto("/search?type=reports&q=" + encodeURIComponent("复议"));
  await expect(page.getByTestId("report-results").locator("li").first()).toBeVisible();
  await page.goto("/search?q=" + encodeURIComponent("局"));
  await expect(page.getByRole("note")).toContainText("单个汉字无法检索报告正文");
  // an over-long query is refused with a message, without searching
  await page.goto("/search?q=" + "a".repeat(5000));
  await expect(page.getByRole("alert").filter({ hasText: "搜索词过长" })).toBeVisible();
});

test("compares the agencies of 白城市 for 2020 and sorts by a column", async ({ page }) => {
  // reached from the region page, as a reader would
  await page.goto("/regions/2208");
  await page.getByRole("link", { name: "2020年度各机关对比" }).click();
  await expect(page).toHaveURL(/\/compare\/region\/2208\?year=2020/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("吉林省白城市 · 2020年度各机关对比");
  const table = page.getByTestId("region-compare");
  await expect(table.locator("tbody tr").first()).toBeVisible();
  const before = await columnTexts(page, "th[scope=row]");
  expect(before.length).toBeGreaterThan(5);

  await table.getByRole("link", { name: /^本年新收/ }).click();
  await expect(page).toHaveURL(/sort=newReceived/);
  await expect(table.locator('th[aria-sort="descending"]')).toContainText("本年新收");
  const after = await columnTexts(page, "th[scope=row]");
  expect(after).not.toEqual(before);
  const values = (await columnTexts(page, 'td[data-figure="newReceived"]')).filter((v) => v.trim() !== "").map(Number);
  expect(values.length).toBeGreaterThan(1);
  expect(values).toEqual([...values].sort((a, b) => b - a));

  // again: ascending
  await table.getByRole("link", { name: /^本年新收/ }).click();
  await expect(page).toHaveURL(/dir=asc/);
  const asc = (await columnTexts(page, 'td[data-figure="newReceived"]')).filter((v) => v.trim() !== "").map(Number);
  expect(asc).toEqual([...asc].sort((a, b) => a - b));
});

test("shows an agency's years with server-rendered SVG charts that have an accessible name", async ({ page }) => {
  await page.goto("/search?q=tbq");
  await page.getByRole("link", { name: "白城市洮北区人民政府", exact: true }).click();
  await page.getByRole("link", { name: /历年对比/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("白城市洮北区人民政府 · 历年对比");
  const chart = page.getByRole("img", { name: /本年新收政府信息公开申请数/ });
  await expect(chart).toBeVisible();
  expect(await chart.evaluate((e) => e.tagName.toLowerCase())).toBe("svg");
  expect(await chart.getAttribute("aria-label")).toMatch(/2020年 \d+件/);
  // the numbers are also in a table beside the chart
  await expect(page.getByRole("table", { name: /本年新收政府信息公开申请数（件）（数据表）/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /办理结果构成/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /纠错率/ })).toBeVisible();
});

test("the comparison, roll-up and search pages have no automatically detectable accessibility violations", async ({ page }) => {
  await page.goto("/search?q=tbq");
  const agencyHref = await page.getByRole("link", { name: "白城市洮北区人民政府", exact: true }).getAttribute("href");
  const id = agencyHref!.split("/").pop();
  await page.goto("/compare/region/2208?year=2020");
  const ids = await page.locator('input[name="ids"]').evaluateAll((els) => els.slice(0, 2).map((e) => (e as HTMLInputElement).value));
  for (const url of [
    "/search?q=" + encodeURIComponent("权力配置"),
    "/compare/region/2208?year=2020&sort=newReceived",
    `/compare/agency/${id}`,
    `/compare/reports?ids=${ids.join(",")}`,
    "/regions/220802/rollup?year=2020",
  ]) {
    await page.goto(url);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${url} ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  }
});

test("two reports side by side, from the region table's checkboxes", async ({ page }) => {
  await page.goto("/compare/region/220802?year=2020");
  const boxes = page.locator('input[name="ids"]');
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByRole("button", { name: "并排对比所选报告" }).click();
  await expect(page).toHaveURL(/\/compare\/reports\?ids=\d+&ids=\d+/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("报告并排对比");
  const table = page.locator('table[data-table="requests"]');
  await expect(table.locator("thead th")).toHaveCount(3);
  await expect(table.locator('[data-cell="requests.newReceived.total"]')).toHaveCount(2);
});
