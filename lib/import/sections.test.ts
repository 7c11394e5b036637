import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { splitSections } from "./sections";

const sample = (name: string) => fs.readFileSync(new URL(`../demo/samples/${name}`, import.meta.url), "utf8");
const paras = (s: string) => (s === "" ? [] : s.split("\n"));

/** Every paragraph reads as prose: no table residue (pipes, tabs, bare numbers, cell labels). */
function expectProseOnly(text: string) {
  expect(text).not.toMatch(/[|\t]/);
  for (const p of paras(text)) {
    expect(p).not.toMatch(/^[+\-]?[\d.,\s]+(万|元|万元|件|项)?$/);
    expect(p).not.toMatch(/^(信息内容|规章|规范性文件|行政许可|自然人|总计|结果维持)$/);
  }
}

describe("splitSections on the sample reports", () => {
  it("district-2020: headings 三、四、五 missing, one-cell-per-line tables", () => {
    const r = splitSections(sample("district-2020.txt"));
    expect(r.title).toBeUndefined();
    expect(r.preamble).toMatch(/^本报告根据《中华人民共和国政府信息公开条例》/);
    expect(r.sections.s1_overall.startsWith("(一)加强权力配置信息公开方面")).toBe(true);
    expect(paras(r.sections.s1_overall)).toHaveLength(13);
    expect(r.sections.s1_overall).toMatch(/\(十三\)强化监督考核方面。.*纳入部门年度绩效考核。$/);
    // the report has no prose around its tables
    expect(r.sections.s2_active).toBe("");
    expect(r.sections.s3_requests).toBe("");
    expect(r.sections.s4_reviewLitigation).toBe("");
    expect(r.sections.s5_problems.startsWith("(一)存在的主要问题。")).toBe(true);
    expect(paras(r.sections.s5_problems)).toHaveLength(2);
    expect(r.sections.s6_other.startsWith("人大代表建议和政协提案办理结果公开情况。")).toBe(true);
    expect(paras(r.sections.s6_other)).toHaveLength(3);
    expect(r.problems).toHaveLength(3);
    expect(r.problems.join("")).toMatch(/三、收到和处理政府信息公开申请情况/);
    expect(r.problems.join("")).toMatch(/四、政府信息公开行政复议、行政诉讼情况/);
    expect(r.problems.join("")).toMatch(/五、存在的主要问题及改进情况/);
    for (const t of Object.values(r.sections)) expectProseOnly(t);
    expect(JSON.stringify(r)).not.toContain("37103"); // a table number
  });

  it("prefecture-2020: tab-separated tables, blank 复议 cells, page breaks inside paragraphs", () => {
    const r = splitSections(sample("prefecture-2020.txt"));
    expect(r.title).toBe("大兴安岭地区 2020 年政府信息公开工作年度报告");
    expect(r.problems).toEqual([]);
    expect(r.preamble).toMatch(/^依据《中华人民共和国政府信息公开条例》有关规定/);
    expect(r.sections.s1_overall).toMatch(/^2020 年，大兴安岭地区认真贯彻落实/);
    // a paragraph broken by a page break is joined again
    expect(r.sections.s1_overall).toContain("其中地本级 103 条；公开财政预算、决算信息 109 条");
    expect(r.sections.s1_overall).toContain("尤其是涉企的 25 个地直部门");
    expect(r.sections.s5_problems).toContain("将“双随机、一公开”与日常监管结合，推进企业登记");
    expect(r.sections.s1_overall).toContain("\n（一）主动公开政府信息，提高政府工作透明度\n行署网站");
    expect(r.sections.s2_active).toBe("");
    expect(r.sections.s3_requests).toBe("");
    expect(r.sections.s4_reviewLitigation).toBe("");
    expect(r.sections.s5_problems.startsWith("（一）存在的主要问题")).toBe(true);
    expect(r.sections.s6_other).toMatch(/^本年度报告中所列数据统计期限为2020年1月1日至2020年12月31日。/);
    // the report's own contact lines are content, not a site footer
    expect(r.sections.s6_other).toContain("联系电话：0457-2730723");
    for (const t of Object.values(r.sections)) expectProseOnly(t);
    expect(JSON.stringify(r)).not.toContain("11764");
  });

  it("town-2022: markdown-like broken tables, prose around every table", () => {
    const r = splitSections(sample("town-2022.txt"));
    expect(r.title).toBe("友谊县友谊镇人民政府 2022 年政府信息公开工作年度报告");
    expect(r.problems).toEqual([]);
    expect(r.preamble).toMatch(/^本报告按照新修订的《中华人民共和国政府信息公开条例》要求/);
    expect(r.sections.s1_overall).toMatch(/^2022年,友谊镇政府政务公开办紧紧围绕《全面推进基层政务公开标准化规范化工作实施》/);
    expect(r.sections.s1_overall).toContain("友谊镇微平台和政务公开网站上持续加强");
    expect(r.sections.s2_active).toMatch(/^在新《条例》第20条规定的15项主动公开信息中/);
    expect(r.sections.s2_active).toMatch(/均已按新《条例》要求发布在县政府门户网站上。$/);
    expect(r.sections.s3_requests).toBe("2022年,友谊镇收到需要办理的依申请公开事项 0 项。");
    expect(r.sections.s4_reviewLitigation).toBe("2022年,友谊镇没有政府信息公开行政复议、行政诉讼情况。");
    expect(paras(r.sections.s5_problems)).toHaveLength(2);
    expect(r.sections.s5_problems).toContain("第一责任人,要负总责、亲自抓");
    expect(r.sections.s6_other).toBe("无其他需要报告的事项。");
    for (const t of Object.values(r.sections)) expectProseOnly(t);
  });

  it("every section of every sample that has prose is non-empty", () => {
    for (const f of ["district-2020.txt", "prefecture-2020.txt", "town-2022.txt"]) {
      const r = splitSections(sample(f));
      for (const k of ["s1_overall", "s5_problems", "s6_other"] as const) expect(r.sections[k].length, `${f} ${k}`).toBeGreaterThan(0);
    }
  });
});

describe("splitSections on variants", () => {
  const body = (heads: string[]) =>
    heads.map((h, i) => `${h}\n第${i + 1}部分的正文，说明有关情况。`).join("\n");

  it("accepts the heading variants of 四 and 五 and half-width numbering", () => {
    const r = splitSections(
      body([
        "一.总体情况",
        "二. 主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        "五、政府信息公开工作存在的主要问题及改进情况",
        "六、其他需要报告的事项",
      ]),
    );
    expect(r.problems).toEqual([]);
    Object.values(r.sections).forEach((t, i) => expect(t).toBe(`第${i + 1}部分的正文，说明有关情况。`));
    const r2 = splitSections(body(["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在问题及改进情况", "六、其他需要报告的事项"]));
    expect(r2.sections.s5_problems).toBe("第5部分的正文，说明有关情况。");
  });

  it("keeps text that follows a heading on the same line", () => {
    const r = splitSections("一、总体情况。2023年，本局认真贯彻落实《条例》。\n二、主动公开政府信息情况：本年度制发文件3件。\n六、其他需要报告的事项 无。");
    expect(r.sections.s1_overall).toBe("2023年，本局认真贯彻落实《条例》。");
    expect(r.sections.s2_active).toBe("本年度制发文件3件。");
    expect(r.sections.s6_other).toBe("无。");
  });

  it("does not split at table rows, sub-items or lower-level numbering", () => {
    const text = [
      "一、总体情况",
      "（一）主动公开情况。本年度主动公开信息120条。",
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "本年度共收到申请5件。",
      "一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5",
      "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
      "四、政府信息公开行政复议、行政诉讼情况",
      "本年度无复议诉讼。",
      "五、存在的主要问题及改进情况",
      "一是公开不够及时。二是解读不够深入。",
      "三、本年度办理结果",
      "六、其他需要报告的事项",
      "无。",
    ].join("\n");
    const r = splitSections(text);
    expect(r.sections.s1_overall).toBe("（一）主动公开情况。本年度主动公开信息120条。");
    expect(r.sections.s3_requests).toBe("本年度共收到申请5件。");
    expect(r.sections.s4_reviewLitigation).toBe("本年度无复议诉讼。");
    expect(r.sections.s5_problems).toContain("一是公开不够及时。");
    expect(r.sections.s6_other).toBe("无。");
  });

  it("drops page furniture, pipe-less cell-per-line tables and the site footer after 六", () => {
    const text = [
      "XX县教育局2023年政府信息公开工作年度报告",
      "一、总体情况",
      "2023年，我局认真贯彻落实《条例》。",
      "第 1 页",
      "- 2 -",
      "二、主动公开政府信息情况",
      "本年度主动公开情况详见下表。",
      "第二十条第（一）项",
      "信息内容",
      "本年制发件数",
      "本年废止件数",
      "现行有效件数",
      "规章",
      "0",
      "0",
      "0",
      "行政规范性文件",
      "2",
      "1",
      "14",
      "三、收到和处理政府信息公开申请情况",
      "本年度共收到申请3件，均已按时答复。",
      "四、政府信息公开行政复议、行政诉讼情况",
      "本年度无复议诉讼。",
      "五、存在的主要问题及改进情况",
      "公开内容还不够全面。",
      "六、其他需要报告的事项",
      "本年度未收取信息处理费。",
      "",
      "主办单位：XX县人民政府办公室",
      "联系电话：0436-1234567",
      "地址：XX县人民大街1号",
      "网站标识码：2208000001",
      "吉ICP备05000000号",
      "打印本页 关闭窗口",
    ].join("\n");
    const r = splitSections(text);
    expect(r.title).toBe("XX县教育局2023年政府信息公开工作年度报告");
    expect(r.sections.s1_overall).toBe("2023年，我局认真贯彻落实《条例》。");
    expect(r.sections.s2_active).toBe("本年度主动公开情况详见下表。");
    expect(r.sections.s6_other).toBe("本年度未收取信息处理费。");
  });

  it("keeps prose that merely mentions footer words", () => {
    const r = splitSections("一、总体情况\n信息中心为政务公开平台提供技术支持，保障网站安全运行。\n六、其他需要报告的事项\n无。");
    expect(r.sections.s1_overall).toBe("信息中心为政务公开平台提供技术支持，保障网站安全运行。");
  });

  it("puts everything in 总体情况 when there is no heading at all", () => {
    const r = splitSections("本局全年共收到申请2件。\n均已答复。");
    expect(r.sections.s1_overall).toBe("本局全年共收到申请2件。\n均已答复。");
    expect(r.problems).toHaveLength(1);
  });
});
