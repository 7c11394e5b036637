import { test, expect } from "@playwright/test";

test("the home page explains the portal and shows the latest reports", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "政府信息公开工作年度报告" })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "搜索机关名称" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "最新发布" })).toBeVisible();
  await expect(page.locator("main li a").first()).toContainText("年政府信息公开工作年度报告");
});
