// Downloads from the public pages: a report as PDF / Word / Excel, and a region's year as CSV / JSON, read back the
// way a reader's programs would. PDF text needs poppler-utils (pdftotext); without it only the file type is checked.
import { test, expect, type Page } from "@playwright/test";
import fs from "node:fs";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { hasPoppler, parseCsv, pdfText } from "../lib/export/test-helpers";
import { query } from "./db";

const TITLE = "白城市洮北区人民政府2020年政府信息公开工作年度报告";

async function openDistrictReport(page: Page) {
  await page.goto("/regions/220802");
  await page.getByRole("link", { name: /^白城市洮北区人民政府/ }).first().click();
  await page.getByRole("link", { name: /2020年政府信息公开工作年度报告/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
}

async function download(page: Page, link: ReturnType<Page["getByRole"]>) {
  const [dl] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const file = test.info().outputPath(dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(file) };
}

test("downloads 洮北区's 2020 report as PDF, Word and Excel", async ({ page }) => {
  await openDistrictReport(page);
  const links = page.getByTestId("downloads");

  const pdf = await download(page, links.getByRole("link", { name: "PDF", exact: true }));
  expect(pdf.name).toBe(`${TITLE}.pdf`);
  expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");
  if (hasPoppler) {
    const text = pdfText(pdf.bytes).replace(/\s+/g, "");
    expect(text).toContain(TITLE);
    expect(text).toContain("37103");
    expect(text).toContain("31989283元");
  }

  const docx = await download(page, links.getByRole("link", { name: "Word", exact: true }));
  expect(docx.name).toBe(`${TITLE}.docx`);
  const html = (await mammoth.convertToHtml({ buffer: docx.bytes })).value;
  expect(html).toContain(TITLE);
  const tables = html.match(/<table>[\s\S]*?<\/table>/g) ?? [];
  expect(tables.some((t) => /<t[dh]><p>37103<\/p><\/t[dh]>/.test(t))).toBe(true);

  const xlsx = await download(page, links.getByRole("link", { name: "Excel", exact: true }));
  expect(xlsx.name).toBe(`${TITLE}.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.bytes as unknown as ExcelJS.Buffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["主动公开", "依申请公开", "复议诉讼", "正文", "数据"]);
  const data = new Map<string, ExcelJS.CellValue>();
  wb.getWorksheet("数据")!.eachRow((row) => data.set(String(row.getCell(1).value), row.getCell(3).value));
  expect(data.get("active.art20_5.licensing.decisions")).toBe(37103);
  expect(data.get("active.art20_9.centralProcurement.totalAmount")).toBe(31989283);
});

test("downloads 洮北区's 2020 data as CSV from the region page", async ({ page }) => {
  await page.goto("/regions/220802");
  const csv = await download(page, page.getByRole("link", { name: "2020年度数据 CSV" }));
  expect(csv.name).toBe("洮北区（220802）2020年度政府信息公开工作年度报告数据.csv");
  const text = csv.bytes.toString("utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  const rows = parseCsv(text.slice(1));
  expect(rows[0]!.slice(0, 7)).toEqual(["agency", "agency_id", "region_code", "year", "format_version", "scope", "published_at"]);
  expect(rows[1]!.slice(0, 3)).toEqual(["机关名称", "机关编号", "行政区划代码"]);
  const col = (k: string) => rows[0]!.indexOf(k);
  const district = rows.slice(2).find((r) => r[col("agency")] === "白城市洮北区人民政府");
  expect(district).toBeDefined();
  expect(district![col("year")]).toBe("2020");
  expect(district![col("scope")]).toBe("SUMMARY");
  expect(district![col("active.art20_5.licensing.decisions")]).toBe("37103");
  expect(district![col("active.art20_9.centralProcurement.totalAmount")]).toBe("31989283");
  expect(district![col("active.art20_8.fees.amount")]).toBe(""); // a 2021 cell: this report is in the 2019 format
});

test("serves the region's JSON, and refuses a missing year or an unknown region", async ({ request }) => {
  const res = await request.get("/regions/220802/download/json?year=2020");
  expect(res.status()).toBe(200);
  const rows = (await res.json()) as { agency: string; cells: Record<string, number | null> }[];
  const district = rows.find((r) => r.agency === "白城市洮北区人民政府")!;
  expect(district.cells["active.art20_5.licensing.decisions"]).toBe(37103);

  const noYear = await request.get("/regions/220802/download/csv");
  expect(noYear.status()).toBe(400);
  expect(await noYear.text()).toContain("year");
  expect((await request.get("/regions/99/download/csv?year=2020")).status()).toBe(404);
});

test("never serves an unpublished report as a file", async ({ request }) => {
  const hidden = await query<{ id: number }>(`SELECT id FROM "Report" WHERE "publishedRevisionId" IS NULL ORDER BY id LIMIT 3`);
  expect(hidden.length).toBeGreaterThan(0);
  for (const h of hidden) {
    for (const f of ["pdf", "docx", "xlsx"]) {
      const res = await request.get(`/reports/${h.id}/download/${f}`);
      expect(res.status(), `${h.id} ${f}`).toBe(404);
    }
  }
});
