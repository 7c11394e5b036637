import { test, expect, type Page, type Locator } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { query } from "./db";
import { filingYear, signIn } from "./auth";

const input = (page: Page, key: string) => page.locator(`[data-cell="${key}"] input`);

async function paste(target: Locator, text: string) {
  await target.focus();
  await target.evaluate((el, t) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", t);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

// One report's whole life, in order: account, filing, conflict, submission, return, resubmission, publication,
// correction.
test.describe.configure({ mode: "serial" });

let agency: { id: number; name: string };
let clerk: string;
const password = "e2e-clerk-password-1";
const year = filingYear();

test("an administrator creates a clerk account for an agency", async ({ page }) => {
  [agency] = await query<{ id: number; name: string }>(
    `SELECT a.id, a.name FROM "Agency" a
     WHERE a.kind = 'DEPARTMENT' AND a."regionCode" BETWEEN '23' AND '23999999999' -- the demo supervisor's region
       AND NOT EXISTS (SELECT 1 FROM "Report" r WHERE r."agencyId" = a.id AND r.year = $1)
       AND EXISTS (SELECT 1 FROM "Report" r WHERE r."agencyId" = a.id AND r.year = $1 - 1 AND r."publishedRevisionId" IS NOT NULL)
     ORDER BY a.id LIMIT 1`,
    [year],
  );
  expect(agency, "the demo data has a department with last year's report and none this year").toBeTruthy();
  clerk = `e2e_${Date.now().toString(36)}`;
  await signIn(page, "admin");
  await page.goto("/admin/users");
  await page.getByLabel("用户名").fill(clerk);
  await page.getByLabel("姓名").fill("测试填报人");
  await page.getByLabel("所属机关编号").fill(String(agency.id));
  await page.getByLabel("初始密码（至少10位）").fill("short");
  await page.getByRole("button", { name: "创建账号" }).click();
  await expect(page.getByText("密码至少10位")).toBeVisible();
  await page.getByLabel("初始密码（至少10位）").fill(password);
  await page.getByRole("button", { name: "创建账号" }).click();
  await expect(page.getByRole("status")).toContainText(`已创建账号 ${clerk}`);
});

let reportId = 0;

test("a clerk starts this year's report, types, pastes, saves and finds it all after a reload", async ({ page }) => {
  await signIn(page, clerk, password);
  await expect(page).toHaveURL(/\/filing$/);
  await page.getByRole("button", { name: `开始填报${year}年度报告` }).click();
  await expect(page).toHaveURL(/\/filing\/reports\/\d+$/);
  reportId = Number(page.url().split("/").pop());

  // 上年结转 comes from last year's 结转下年度.
  const [last] = await query<{ value: string | null }>(
    `SELECT c.value::text AS value FROM "Report" r JOIN "Cell" c ON c."revisionId" = r."publishedRevisionId"
     WHERE r."agencyId" = $1 AND r.year = $2 AND c.key = 'requests.carriedForward.natural'`,
    [agency.id, year - 1],
  );
  const carried = Number(last?.value ?? 0);
  await expect(input(page, "requests.carriedOver.natural")).toHaveValue(String(carried));

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // A balance error appears as the clerk types, and disappears when the column balances.
  await input(page, "requests.newReceived.natural").fill("5");
  await input(page, "requests.newReceived.natural").press("Tab");
  await expect(page.getByText(/“自然人”列不平衡/).first()).toBeVisible();
  await input(page, "requests.results.granted.natural").fill(String(5 + carried));
  await input(page, "requests.results.granted.natural").press("Enter");
  await expect(page.getByText(/“自然人”列不平衡/)).toHaveCount(0);
  await expect(page.locator('[data-cell="requests.newReceived.total"]')).toContainText(String(5 + 0));

  // A block copied from a spreadsheet fills cells to the right of the focused one.
  await paste(input(page, "requests.newReceived.commercial"), "1\t2\t0\r\n");
  await expect(input(page, "requests.newReceived.commercial")).toHaveValue("1");
  await expect(input(page, "requests.newReceived.research")).toHaveValue("2");
  await paste(input(page, "requests.results.granted.commercial"), "1\t2");
  await expect(input(page, "requests.results.granted.research")).toHaveValue("2");

  await page.locator('section[aria-labelledby="sec-s1_overall"] textarea').fill("本年度我局认真贯彻落实《条例》。\n第二段：全年共收到政府信息公开申请8件。");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText(/已保存/).first()).toBeVisible();

  await page.reload();
  await expect(input(page, "requests.newReceived.natural")).toHaveValue("5");
  await expect(input(page, "requests.newReceived.research")).toHaveValue("2");
  await expect(page.locator('section[aria-labelledby="sec-s1_overall"] textarea')).toHaveValue(/第二段/);
});

test("two people editing one draft: the second save gets a conflict, not a silent overwrite", async ({ browser }) => {
  const a = await browser.newContext();
  const b = await browser.newContext();
  const pa = await a.newPage();
  const pb = await b.newPage();
  await signIn(pa, clerk, password);
  await signIn(pb, clerk, password);
  await pa.goto(`/filing/reports/${reportId}`);
  await pb.goto(`/filing/reports/${reportId}`);
  await input(pa, "requests.newReceived.otherOrg").fill("7");
  await pa.getByRole("button", { name: "保存草稿" }).click();
  await expect(pa.getByText(/已保存/).first()).toBeVisible();
  await input(pb, "requests.newReceived.otherOrg").fill("9");
  await pb.getByRole("button", { name: "保存草稿" }).click();
  await expect(pb.getByRole("button", { name: "载入对方版本" })).toBeVisible();
  await pb.getByRole("button", { name: "载入对方版本" }).click();
  await expect(input(pb, "requests.newReceived.otherOrg")).toHaveValue("7");
  // Put the column back in balance for the submission below.
  await input(pb, "requests.results.granted.otherOrg").fill("7");
  await pb.getByRole("button", { name: "保存草稿" }).click();
  await expect(pb.getByText(/已保存/).first()).toBeVisible();
  await a.close();
  await b.close();
});

test("the clerk submits once every cell is filled and every warning explained; the report becomes read-only", async ({ page }) => {
  await signIn(page, clerk, password);
  await page.goto(`/filing/reports/${reportId}`);
  await expect(input(page, "requests.newReceived.otherOrg")).toHaveValue("7");
  page.on("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "剩余空格填 0" }).first().click();
  for (const explain of await page.getByLabel("情况说明（必填）").all()) await explain.fill("数据按实际情况填写，已核对。");
  await page.getByRole("button", { name: "提交审核" }).last().click();
  await expect(page).toHaveURL(/\/filing\?submitted=\d+/);
  await expect(page.getByRole("row", { name: new RegExp(`^${year}`) })).toContainText("已提交，待审核");
  await page.goto(`/filing/reports/${reportId}`);
  await expect(page.locator('[data-cell="requests.newReceived.natural"] input')).toHaveCount(0);
});

async function submitFromForm(page: Page) {
  page.on("dialog", (d) => void d.accept());
  for (const explain of await page.getByLabel("情况说明（必填）").all()) await explain.fill("数据按实际情况填写，已核对。");
  await page.getByRole("button", { name: "提交审核" }).last().click();
  await expect(page).toHaveURL(/\/filing\?submitted=\d+/);
}

test("the supervisor must give a comment to return the report, and the clerk sees it", async ({ page, browser }) => {
  await signIn(page, "supervisor");
  await expect(page).toHaveURL(/\/review/);
  await page.getByRole("row", { name: new RegExp(agency.name) }).getByRole("link", { name: "审核" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(agency.name);
  await expect(page.getByRole("heading", { name: "规则检查" })).toBeVisible();
  await page.getByRole("button", { name: "退回修改" }).click();
  await expect(page.getByRole("alert").first()).toContainText("退回时必须填写修改意见");
  await page.getByLabel("总体意见").fill("请在总体情况中补充依申请公开的办理情况。");
  await page.getByRole("button", { name: "退回修改" }).click();
  await expect(page).toHaveURL(/done=returned/);

  const clerkContext = await browser.newContext();
  const cp = await clerkContext.newPage();
  await signIn(cp, clerk, password);
  await cp.goto(`/filing/reports/${reportId}`);
  await expect(cp.getByText("请在总体情况中补充依申请公开的办理情况。")).toBeVisible();
  await cp.locator('section[aria-labelledby="sec-s1_overall"] textarea').fill("本年度我局认真贯彻落实《条例》。\n依申请公开：全年共收到政府信息公开申请8件，均按期答复。");
  await submitFromForm(cp);
  await clerkContext.close();
});

test("the supervisor publishes and the public page shows the report at once", async ({ page }) => {
  await signIn(page, "supervisor");
  await page.getByRole("row", { name: new RegExp(agency.name) }).getByRole("link", { name: "审核" }).click();
  await page.getByRole("button", { name: "审核通过并发布" }).click();
  await expect(page).toHaveURL(/done=published/);
  await page.goto(`/reports/${reportId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${agency.name}${year}年`);
  await expect(page.locator('[data-cell="requests.newReceived.natural"]')).toHaveText("5");
  await expect(page.getByText("依申请公开：全年共收到政府信息公开申请8件")).toBeVisible();
});

test("a correction goes through review too, and the history keeps both revisions readable", async ({ page, browser }) => {
  await signIn(page, clerk, password);
  await page.goto(`/filing/reports/${reportId}`);
  await page.getByLabel("更正原因").fill("本年新收申请数录入有误，更正为6件");
  await page.getByRole("button", { name: /开始更正/ }).click();
  await expect(page).toHaveURL(new RegExp(`/filing/reports/${reportId}$`));
  await expect(page.getByText("这是对已发布报告的第2版更正")).toBeVisible();
  await input(page, "requests.newReceived.natural").fill("6");
  const granted = input(page, "requests.results.granted.natural");
  await granted.fill(String(Number(await granted.inputValue()) + 1));
  await granted.press("Enter");
  await submitFromForm(page);

  const sup = await browser.newContext();
  const sp = await sup.newPage();
  await signIn(sp, "supervisor");
  await sp.getByRole("row", { name: new RegExp(agency.name) }).getByRole("link", { name: "审核" }).click();
  await expect(sp.getByText("更正原因：本年新收申请数录入有误")).toBeVisible();
  await sp.getByRole("button", { name: "审核通过并发布更正" }).click();
  await expect(sp).toHaveURL(/done=published/);
  await sup.close();

  await page.goto(`/reports/${reportId}`);
  await expect(page.locator('[data-cell="requests.newReceived.natural"]')).toHaveText("6");
  await expect(page.getByRole("heading", { name: "更正记录" })).toBeVisible();
  await expect(page.getByText("本年新收申请数录入有误，更正为6件")).toBeVisible();
  await page.getByRole("link", { name: "第1版" }).click();
  await expect(page.getByText("您正在查看历史版本")).toBeVisible();
  await expect(page.locator('[data-cell="requests.newReceived.natural"]')).toHaveText("5");
});
