import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "nianbao-demo-2025";

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** The report year whose filing season is open (reports for year Y are filed from January Y+1), Shanghai time. */
export function filingYear(): number {
  return Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date())) - 1;
}
