import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseReport } from "./index";
import { importBlocker, importFindings, matchAgencyName, placeProblem, previewProblems } from "./preview";

const SAMPLES = path.resolve(__dirname, "../demo/samples");

describe("import preview helpers", () => {
  it("blocks storing a file that could not be read or is not a report, and nothing else", async () => {
    const garbage = await parseReport({ buffer: Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7, 8, 9, 0, 1, 2]) });
    expect(importBlocker(garbage)).toMatch(/不是文字/);
    const notReport = await parseReport({ text: "会议通知\n请各单位于下周一上午九点参加安全生产会议。\n联系人：张三" });
    expect(importBlocker(notReport)).not.toBeNull();
    expect(notReport.problems.map((p) => p.code)).toContain("NOT_A_REPORT");
    const town = await parseReport({ buffer: readFileSync(path.join(SAMPLES, "town-2022.txt")), filename: "town-2022.txt" });
    expect(importBlocker(town)).toBeNull();
  });

  it("says what was and was not found", async () => {
    const town = await parseReport({ buffer: readFileSync(path.join(SAMPLES, "town-2022.txt")) });
    const f = importFindings(town);
    expect(f.found).toEqual(expect.arrayContaining(["年度 2022", "机关名称“友谊县友谊镇人民政府”", "2021 年版表格格式"]));
    expect(f.found.some((s) => s.startsWith("政府信息公开申请情况表"))).toBe(true);
    expect(f.missing).toEqual([]);

    const empty = await parseReport({ buffer: Buffer.alloc(0) });
    const g = importFindings(empty);
    expect(g.found).toEqual([]);
    expect(g.missing).toEqual(expect.arrayContaining(["报告年度", "机关名称（报告标题）", "统计表"]));
  });

  it("a report cut off mid-table: the missing tables are named", async () => {
    const text = readFileSync(path.join(SAMPLES, "town-2022.txt"), "utf8");
    const cut = text.slice(0, text.indexOf("四、政府信息公开行政复议"));
    const r = await parseReport({ text: cut.slice(0, Math.floor(cut.length * 0.8)) });
    expect(importBlocker(r)).toBeNull();
    expect(importFindings(r).missing).toContain("行政复议、行政诉讼情况表");
  });

  it("places a problem on its cells and their section, or on the section its message names", () => {
    const onCells = placeProblem("2021", { code: "BLANK_CELLS", message: "x", cells: ["requests.carriedOver.natural", "no.such.key"] });
    expect(onCells).toEqual({ section: "s3_requests", cells: ["requests.carriedOver.natural"] });
    expect(placeProblem("2021", { code: "SECTION", message: "未找到标题“五、存在的主要问题及改进情况”，取最后一张表格之后的文字。" })).toEqual({
      section: "s5_problems",
      cells: [],
    });
    expect(placeProblem(null, { code: "YEAR_NOT_FOUND", message: "未读出年度" })).toEqual({ section: null, cells: [] });
    const rule = { code: "RULE_x", message: "y" } as const;
    expect(previewProblems([rule, { code: "BLANK_CELLS", message: "z" }]).map((p) => p.code)).toEqual(["BLANK_CELLS"]);
  });

  it("matches a printed agency name to one candidate, never to an ambiguous or broader one", () => {
    const agencies = [
      { id: 1, name: "大兴安岭地区行政公署" },
      { id: 2, name: "大兴安岭地区教育局" },
      { id: 3, name: "友谊县友谊镇人民政府" },
      { id: 4, name: "白城市洮北区人民政府" },
      { id: 5, name: "友谊县人民政府" },
    ];
    expect(matchAgencyName("友谊县友谊镇人民政府", agencies)?.id).toBe(3);
    expect(matchAgencyName("友谊县 友谊镇人民政府", agencies)?.id).toBe(3);
    expect(matchAgencyName("洮北区人民政府", agencies)?.id).toBe(4);
    // a bare region name is its government, not one of its departments
    expect(matchAgencyName("大兴安岭地区", agencies)?.id).toBe(1);
    expect(matchAgencyName("大兴安岭地区", agencies.slice(1))).toBeNull();
    // "友谊县" is in three names, one of them the county government's (and one a town's government)
    expect(matchAgencyName("友谊县", agencies)?.id).toBe(5);
    expect(matchAgencyName("友谊", agencies)).toBeNull();
    // an unregistered office is not its government
    expect(matchAgencyName("友谊县人民政府办公室", agencies)).toBeNull();
    expect(matchAgencyName(null, agencies)).toBeNull();
    expect(matchAgencyName("局", agencies)).toBeNull();
  });
});
