import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { query } from "./db";
import { filingYear, signIn } from "./auth";

// Importing existing reports through the UI, on the seeded demo data (scripts/test.sh): a clerk uploads a report,
// checks and corrects it in the preview and creates the draft; the demo supervisor (黑龙江, 23) bulk-imports
// three files — one matched by name but already filed, one needing a manual choice, and garbage.
test.describe.configure({ mode: "serial" });

// The 2022 sample report of 友谊县友谊镇人民政府 (a copy of ../shared/reports/town-2022.txt); in the 2021 format.
const TOWN = readFileSync("lib/demo/samples/town-2022.txt", "utf8");
const input = (page: Page, key: string) => page.locator(`[data-cell="${key}"] input`);

/** Agency/year pairs of the demo supervisor's region that have no report yet, different agencies. */
async function freeSlots(n: number) {
  const rows = await query<{ id: number; name: string; year: number }>(
    `SELECT DISTINCT ON (a.id) a.id, a.name, y.year FROM "Agency" a CROSS JOIN generate_series(2021, $1::int) AS y(year)
     WHERE a.kind = 'DEPARTMENT' AND a."regionCode" BETWEEN '23' AND '23999999999'
       AND NOT EXISTS (SELECT 1 FROM "Report" r WHERE r."agencyId" = a.id AND r.year = y.year)
     ORDER BY a.id, y.year LIMIT $2`,
    [filingYear() - 1, n],
  );
  expect(rows.length, "the demo data has departments in 黑龙江 with a year not filed").toBe(n);
  return rows;
}

const asYear = (text: string, year: number) => text.replaceAll("2022", String(year));

let clerk = "";
const password = "e2e-import-password-1";
let clerkSlot: { id: number; name: string; year: number };

test("an administrator creates a clerk for a department without a report for one year", async ({ page }) => {
  [clerkSlot] = await freeSlots(1);
  clerk = `imp_${Date.now().toString(36)}`;
  await signIn(page, "admin");
  await page.goto("/admin/users");
  await page.getByLabel("用户名").fill(clerk);
  await page.getByLabel("姓名").fill("导入测试填报人");
  await page.getByLabel("所属机关编号").fill(String(clerkSlot.id));
  await page.getByLabel("初始密码（至少10位）").fill(password);
  await page.getByRole("button", { name: "创建账号" }).click();
  await expect(page.getByRole("status")).toContainText(`已创建账号 ${clerk}`);
});

test("a clerk is told clearly when a file cannot be imported, and nothing is stored", async ({ page }) => {
  await signIn(page, clerk, password);
  await page.getByRole("link", { name: "导入已有报告" }).click();
  await expect(page).toHaveURL(/\/filing\/import$/);
  await page.getByRole("button", { name: "读取粘贴的文字" }).click();
  await expect(page.getByLabel("报告全文")).toHaveAccessibleDescription(/请粘贴报告全文/);
  await page.getByRole("button", { name: "读取文件" }).click();
  await expect(page.getByLabel("报告文件")).toHaveAccessibleDescription(/请选择要导入的报告文件/);

  const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  await page.getByLabel("报告文件").setInputFiles({ name: "scan.docx", mimeType: "application/octet-stream", buffer: garbage });
  await page.getByRole("button", { name: "读取文件" }).click();
  // (Next.js keeps a route announcer with role=alert on every page: find ours by its text)
  const alert = page.getByRole("alert").filter({ hasText: "未能导入" });
  await expect(alert).toContainText("未能导入“scan.docx”");
  await expect(alert).toContainText("没有保存任何内容");
  await expect(alert).toContainText("未找到：报告年度");
  expect(await query(`SELECT 1 FROM "Report" WHERE "agencyId" = $1 AND year = $2`, [clerkSlot.id, clerkSlot.year])).toEqual([]);
});

test("a clerk uploads a report, sees the preview with its problems, corrects a cell and creates the draft", async ({ page }) => {
  const { year } = clerkSlot;
  const before = await query<{ n: number }>(`SELECT count(*)::int n FROM "Report" WHERE "agencyId" = $1`, [clerkSlot.id]);
  await signIn(page, clerk, password);
  await page.goto("/filing/import");
  await page.getByLabel("报告文件").setInputFiles({ name: `友谊镇-${year}.txt`, mimeType: "text/plain", buffer: Buffer.from(asYear(TOWN, year)) });
  await page.getByRole("button", { name: "读取文件" }).click();

  await expect(page.getByRole("heading", { name: `读取结果：友谊镇-${year}.txt` })).toBeVisible();
  await expect(page.getByLabel("报告年度")).toHaveValue(String(year));
  await expect(page.getByText("2021 年版", { exact: true })).toBeVisible();
  // the file is another agency's report: the clerk is warned before anything is stored
  await expect(page.getByRole("alert").filter({ hasText: "与您的机关" })).toContainText(clerkSlot.name);
  // nothing stored by reading
  expect(await query<{ n: number }>(`SELECT count(*)::int n FROM "Report" WHERE "agencyId" = $1`, [clerkSlot.id])).toEqual(before);

  // The file leaves 上年结转 (自然人) blank: the cell is highlighted and described by the importer's message.
  const blank = input(page, "requests.carriedOver.natural");
  await expect(blank).toHaveValue("");
  await expect(blank).toHaveAccessibleDescription(/在文件中为空白/);
  await expect(page.locator('[data-cell="requests.carriedOver.natural"]')).toHaveClass(/bg-amber-50/);
  const problems = page.getByRole("region", { name: "读取时发现的问题" });
  await expect(problems).toContainText("“（六）其他处理”");
  // the old single （六） row went into 3.其他, as the spec says
  await expect(input(page, "requests.results.other.other.natural")).not.toHaveValue("");

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);

  // Correct the blank: the highlight goes, the checks stay green (0 keeps the balance).
  await blank.fill("0");
  await blank.press("Tab");
  await expect(blank).not.toHaveAccessibleDescription(/在文件中为空白/);
  await expect(page.locator('[data-cell="requests.carriedOver.natural"]')).not.toHaveClass(/bg-amber-50/);
  await expect(page.getByText("勾稽与数值错误：0")).toBeVisible();
  const newReceived = await input(page, "requests.newReceived.natural").inputValue();
  expect(newReceived).not.toBe("");
  // a narrative correction travels too
  const overall = page.getByRole("textbox", { name: "正文" }).first();
  await overall.fill(`${await overall.inputValue()}\n（导入时补充）`);

  await page.getByRole("button", { name: "创建草稿" }).click();
  await expect(page).toHaveURL(/\/filing\/reports\/\d+\?imported=1$/);
  await expect(page.getByRole("status").filter({ hasText: "已从文件导入为草稿" })).toBeVisible();
  await expect(page.getByRole("heading", { name: `${clerkSlot.name} ${year}年度报告` })).toBeVisible();
  await expect(input(page, "requests.carriedOver.natural")).toHaveValue("0");
  await expect(input(page, "requests.newReceived.natural")).toHaveValue(newReceived);
  await expect(input(page, "requests.results.notProcessed.massive.natural")).toHaveValue("");

  const reportId = Number(new URL(page.url()).pathname.split("/").pop());
  const [report] = await query<{ agencyId: number; year: number; status: string; published: number | null; s1: string }>(
    `SELECT r."agencyId", r.year, r.status, r."publishedRevisionId" published, v.s1_overall s1 FROM "Report" r JOIN "ReportRevision" v ON v."reportId" = r.id WHERE r.id = $1`,
    [reportId],
  );
  expect(report).toMatchObject({ agencyId: clerkSlot.id, year, status: "DRAFT", published: null });
  expect(report!.s1).toContain("（导入时补充）");

  // The same year again: the preview names the existing report and will not create another.
  await page.goto("/filing/import");
  await page.getByLabel("报告全文").fill(asYear(TOWN, year));
  await page.getByRole("button", { name: "读取粘贴的文字" }).click();
  await expect(page.getByRole("alert").filter({ hasText: `您的机关已有${year}年度报告` })).toBeVisible();
  await expect(page.getByRole("button", { name: "创建草稿" })).toBeDisabled();
  await expect(page.getByRole("link", { name: `打开${year}年度报告` })).toHaveAttribute("href", `/filing/reports/${reportId}`);
});

test("a supervisor bulk-imports three files and sees the progress and each file's result", async ({ page }) => {
  const slots = await freeSlots(2);
  const target = slots.find((s) => s.id !== clerkSlot.id)!;
  const unmatched = `档案-${target.year}.txt`;
  const files = [
    { name: unmatched, mimeType: "text/plain", buffer: Buffer.from(asYear(TOWN, target.year).replace("友谊县友谊镇人民政府", "友谊县档案史志馆")) },
    { name: "town-2022.txt", mimeType: "text/plain", buffer: Buffer.from(TOWN) },
    { name: "garbage.pdf", mimeType: "application/pdf", buffer: Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 104729) % 256)) },
  ];

  await signIn(page, "supervisor");
  await page.getByRole("link", { name: "批量导入" }).click();
  await expect(page).toHaveURL(/\/review\/import$/);
  await page.getByLabel("或选择多个文件").setInputFiles(files);
  await expect(page.getByText("读取：已处理 3 / 3")).toBeVisible();

  const row = (name: string) => page.locator(`tr[data-file="${name}"]`);
  await expect(row("town-2022.txt")).toContainText("按名称自动匹配");
  await expect(row("town-2022.txt").getByRole("combobox")).toHaveValue(/^\d+$/);
  await expect(row(unmatched)).toContainText("未能自动匹配，请选择");
  await expect(row("garbage.pdf")).toContainText("无法识别");

  // an unmatched file needs a choice before anything is imported
  await page.getByRole("button", { name: "开始导入（3 个文件）" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "未选择机关" })).toContainText("1 个文件还未选择机关");
  await page.getByLabel(`${unmatched} 导入到的机关`).selectOption({ label: target.name });

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);

  await page.getByRole("button", { name: "开始导入（3 个文件）" }).click();
  await expect(page.getByText(/导入：已处理 3 \/ 3/)).toBeVisible();
  await expect(page.locator("#bulk-progress")).toHaveAttribute("value", "3");
  await expect(row(unmatched).locator("[data-result]")).toContainText("已导入，待审核");
  await expect(row("town-2022.txt").locator("[data-result]")).toContainText("已存在，未覆盖");
  await expect(row("garbage.pdf").locator("[data-result]")).toContainText("无法识别：");

  const [stored] = await query<{ id: number; status: string; published: number | null }>(
    `SELECT id, status, "publishedRevisionId" published FROM "Report" WHERE "agencyId" = $1 AND year = $2`,
    [target.id, target.year],
  );
  expect(stored).toMatchObject({ status: "SUBMITTED", published: null });
  // The 2022 sample stays exactly as published.
  const [sample] = await query<{ status: string }>(`SELECT r.status FROM "Report" r JOIN "Agency" a ON a.id = r."agencyId" WHERE a.name = '友谊县友谊镇人民政府' AND r.year = 2022`);
  expect(sample!.status).toBe("PUBLISHED");

  // The imported report waits in the normal review, where the supervisor may publish it.
  await row(unmatched).getByRole("link", { name: /审核/ }).click();
  await expect(page).toHaveURL(new RegExp(`/review/reports/${stored!.id}$`));
  await expect(page.getByRole("heading", { name: new RegExp(`${target.name} ${target.year}年度报告`) })).toBeVisible();
  await expect(page.getByRole("button", { name: /发布/ })).toBeVisible();
});
