/** The importer's parts: label matching, line splitting, the HTML reader, encodings, year/agency/scope. */
import { describe, expect, it } from "vitest";
import { getTable } from "../format";
import { decodeText, sniff } from "./detect";
import { gridLines, htmlToText } from "./html";
import { findAgency, findScope, findYear } from "./meta";
import { norm, similarity, threshold } from "./normalize";
import { parseReport } from "./parse";
import { align, cellStream, classifyCell, segments, splitLine } from "./stream";

describe("label matching", () => {
  const rows = getTable("2021", "requests")!.rows;
  const best = (text: string) => {
    const n = norm(text);
    let top: { key: string; s: number } | null = null;
    for (const r of rows) {
      const s = similarity(n, norm(r.label));
      if (s >= threshold(norm(r.label)) && (!top || s > top.s)) top = { key: r.key, s };
    }
    return top?.key ?? null;
  };

  it.each([
    ["一、本年新收政府信息公开申请 数量", "newReceived"],
    ["二、上年结转政府信息公开申请数量（件）", "carriedOver"],
    ["(-) 予以公开", "results.granted"], // "(-)" for （一）
    ["予以公开", "results.granted"],
    ["·公开(区分 只计这一情 其他情形)", "results.partial"],
    ["(二)部分公开(区分处理的, 只计这一情形, 不计其他情形)", "results.partial"],
    ["3、危及\"三安全一稳定\"", "results.denied.safetyStability"],
    ["3. 危及“三 安全一稳 定”", "results.denied.safetyStability"],
    ["２．其他法律行政法规禁止公开", "results.denied.lawForbidden"],
    ["2. 没有现成 去 信息需要另行制作", "results.unable.needCreate"],
    ["5. 要求行政 机关确认或 重新出具已 获取信息", "results.notProcessed.confirm"],
    ["1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请", "results.other.noCorrection"],
    ["2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "results.other.noFeePaid"],
    ["3.其他", "results.other.other"],
    ["（七）总计", "results.total"],
    ["四、结转下年度继续办理", "carriedForward"],
  ])("%s → %s", (text, key) => {
    expect(best(text)).toBe(key);
  });

  it.each(["四、纟", "(三) 不予", "公开", "三、本年度办理结果", "自然人", "法人或其他组织", "2022年,友谊镇收到需要办理的依申请公开事项 0 项。", "其他结果"])(
    "%s is no row",
    (text) => expect(best(text)).toBeNull(),
  );

  it("a contradicting number lowers the score: 1.属于国家秘密 is not 2.属于国家秘密", () => {
    const label = norm("1.属于国家秘密");
    expect(similarity(norm("1、属于国家秘密"), label)).toBeGreaterThan(1);
    expect(similarity(norm("2.属于国家秘密"), label)).toBeLessThan(0.7);
  });
});

describe("lines into cells", () => {
  it.each([
    ["规章\t0\t0\t0", ["规章", "0", "0", "0"]],
    ["| 行政许可 | 0 |", ["行政许可", "0"]],
    ["| | (六) | 其他处理 | 0 |", ["", "(六)", "其他处理", "0"]],
    ["0 |", ["0"]],
    ["|||", ["", "", ""]],
    ["|---------|-----------|", []],
    ["规章 0 0 0", ["规章", "0", "0", "0"]],
    ["政府集中采购 433 34555 万", ["政府集中采购", "433", "34555 万"]],
    ["行政许可 107 +267 37103", ["行政许可", "107", "+267", "37103"]],
    ["一、本年新收政府信息公开申请数量 ６ ０ ０ ０ ０ ０ ６", ["一、本年新收政府信息公开申请数量", "６", "０", "０", "０", "０", "０", "６"]],
    ["2022年,友谊镇收到需要办理的依申请公开事项 0 项。", ["2022年,友谊镇收到需要办理的依申请公开事项 0 项。"]],
    ["联系电话：0457-2730723", ["联系电话：0457-2730723"]],
  ])("%j", (line, cells) => expect(splitLine(line).map((c) => c.trim())).toEqual(cells));

  it.each([
    ["0", "num"],
    ["+267", "num"],
    ["1,234", "num"],
    ["３４５", "num"],
    ["31989283.00", "num"],
    ["34555 万", "num"],
    ["251000元", "num"],
    ["", "empty"],
    ["—", "empty"],
    ["/", "empty"],
    ["(-)", "text"],
    ["1.", "text"],
    ["O", "junk"],
    ["l2", "junk"],
    ["规章", "text"],
  ])("%j is %s", (text, kind) => expect(classifyCell(text)).toBe(kind));

  it("page numbers inside a table are dropped", () => {
    const segs = segments(cellStream("规章\n0\n第 3 页\n- 4 -\n0\n0"));
    expect(segs).toHaveLength(1);
    expect(segs[0]!.values.map((c) => c.text)).toEqual(["0", "0", "0"]);
  });

  it("alignment: spacer columns, trailing padding, blanks keep position, values on following lines", () => {
    const seg = (text: string) => segments(cellStream(text)).find((s) => s.label?.text.startsWith("二"))!;
    const row = (t: string) => align(seg(t), 7).cells.map((c) => c?.text ?? null);
    expect(row("二、上年结转\t\t0\t0\t0\t0\t0\t\t0\t")).toEqual(["0", "0", "0", "0", "0", "", "0"]);
    expect(row("| 二、上年结转 | | | | 0 | 0 | 0 | 0 | 0 | 0 |")).toEqual(["", "0", "0", "0", "0", "0", "0"]);
    expect(row("二、上年结转 |\n2 |\n0 |\n0 |\n0 |\n0 |\n0 |\n2 |\n||")).toEqual(["2", "0", "0", "0", "0", "0", "2"]);
    expect(row("二、上年结转\t1\t2\t3")).toEqual(["1", "2", "3", null, null, null, null]);
  });
});

describe("HTML reader", () => {
  it("expands rowspan and colspan into a grid, merged text in its first position", () => {
    const { text, tables } = htmlToText(
      "<table><tr><td rowspan=2 colspan=2>A</td><td>b</td></tr><tr><td>c</td></tr><tr><td>d</td><td colspan='2'>e</td></tr></table>",
    );
    expect(tables).toBe(1);
    expect(text.split("\n")).toEqual(["A\t\tb", "\t\tc", "d\te\t"]);
  });

  it("tolerates unclosed cells and rows, upper case, missing tbody, entities and <br> in labels", () => {
    const { text } = htmlToText("<TABLE><TR><TD>2.其他法律<BR>行政法规禁止公开<TD>1&nbsp;<TD>&#50;<TR><TD>3.危及&ldquo;三安全一稳定&rdquo;<td>0</TABLE><p>后文 &amp; 结束");
    expect(text.split("\n")).toEqual(["2.其他法律 行政法规禁止公开\t1\t2", "3.危及“三安全一稳定”\t0", "", "后文 & 结束"]);
  });

  it("a table that holds a table is page layout: its text is read as paragraphs, in order", () => {
    const { text, tables } = htmlToText(
      "<table><tr><td><p>一、总体情况</p><p>正文一</p><table><tr><td>规章</td><td>0</td></tr></table><p>正文二</p></td><td>侧栏</td></tr></table>",
    );
    expect(tables).toBe(1);
    expect(text.split("\n").filter((l) => l !== "")).toEqual(["一、总体情况", "正文一", "规章\t0", "正文二", "侧栏"]);
  });

  it("skips script, style and comments; keeps the title", () => {
    const r = htmlToText("<html><head><title>某局2021年政府信息公开工作年度报告</title><style>p{}</style><script>if (a<b) x='</p>';</script></head><body><!-- <p>隐藏</p> --><p>正文</p></body></html>");
    expect(r.title).toBe("某局2021年政府信息公开工作年度报告");
    expect(r.text).toBe("正文");
  });

  it("is linear on hostile markup", () => {
    const t0 = Date.now();
    htmlToText(`${"<a href=\"x".repeat(50_000)}${"<td colspan=999999>".repeat(2_000)}${"<".repeat(100_000)}`);
    htmlToText(`<table>${"<tr><td rowspan=200 colspan=200>x".repeat(300)}</table>`);
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it("gridLines drops empty rows", () => {
    expect(gridLines([[{ text: "", rowspan: 1, colspan: 2 }], [{ text: "x", rowspan: 1, colspan: 1 }]])).toEqual(["x"]);
  });
});

describe("content detection and encodings", () => {
  const text = "政府信息公开工作年度报告\n一、总体情况\n本年度共公开信息100条。";
  it("UTF-8, GB18030, UTF-16 without BOM", () => {
    expect(decodeText(Buffer.from(text))?.encoding).toBe("utf-8");
    const gbk = Buffer.from([0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa]); // 政府信息公开
    expect(decodeText(gbk)).toMatchObject({ text: "政府信息公开", encoding: "gb18030" });
    expect(decodeText(Buffer.from(`Report 2022\n${text}`, "utf16le"))?.text).toBe(`Report 2022\n${text}`);
  });
  it("sniffs kinds from bytes, not names", () => {
    expect(sniff(Buffer.from("%PDF-1.4\n…")).kind).toBe("pdf");
    expect(sniff(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2])).kind).toBe("zip");
    expect(sniff(Buffer.from("<!DOCTYPE html><html><body><p>x</p></body></html>")).kind).toBe("html");
    expect(sniff(Buffer.from("规章 0 0 0 <不是标签>")).kind).toBe("text");
    expect(sniff(Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 7, 8, 0])).kind).toBe("binary");
  });
});

describe("year, agency, scope", () => {
  it.each([
    [["友谊县友谊镇人民政府 2022 年政府 信息公开工作年度报告"], "", 2022],
    [["大兴安岭地区 2020 年政府信息公开工作年度报告"], "", 2020],
    [["关于印发某市2021年度政府信息公开工作年度报告的通知"], "", 2021],
    [[], "本报告所列数据统计期限自 2022 年 1 月 1 日起至 2022 年 1 2 月 31 日止。", 2022],
    [[], "本报告根据《条例》要求，在汇总2020年度区政府各部门的基础上编制。", 2020],
    [[], "没有年份", null],
  ])("%j %s → %s", (titles, head, year) => expect(findYear(titles, head).year).toBe(year));

  it("falls back to the file name", () => expect(findYear([], "无", "report-2023.pdf")).toEqual({ year: 2023, how: "filename" }));

  it.each([
    ["友谊县友谊镇人民政府 2022 年政府 信息公开工作年度报告", "友谊县友谊镇人民政府"],
    ["大兴安岭地区 2020 年政府信息公开工作年度报告", "大兴安岭地区"],
    ["示例县教育局2023年政府信息公开工作年度报告_示例县人民政府", "示例县教育局"],
    ["2022年示例县人民政府信息公开工作年度报告", "示例县人民政府"],
    ["《示例市生态环境局2021年度政府信息公开工作年度报告》", "示例市生态环境局"],
    ["政府信息公开工作年度报告", null],
  ])("%s → %s", (title, agency) => expect(findAgency([title])).toBe(agency));

  it.each([
    ["示例市示例区人民政府", "", "SUMMARY"],
    ["大兴安岭地区", "全区共公开信息，各县（市）区政府网站发布信息", "SUMMARY"],
    [null, "本报告在汇总2020年度区政府各部门,各乡(镇)人民政府,各街道办事处的工作总体情况的基础上编制", "SUMMARY"],
    ["友谊县友谊镇人民政府", "在全面总结友谊镇工作、统计汇总政府信息公开主要数据指标基础上编制", "OWN"],
    ["示例县教育局", "我局认真贯彻落实《条例》", "OWN"],
    ["示例县人民政府办公室", "", "OWN"],
    [null, "2020年本行政区域(或本部门)政府信息公开发布总数量", "OWN"],
  ] as const)("%s: %s → %s", (agency, text, scope) => expect(findScope(agency, text, true).scope).toBe(scope));

  it("scope is null when nothing is known and the file is not a report", () => {
    expect(findScope(null, "无关文字", false).scope).toBeNull();
  });
});

describe("rows with fewer numbers than columns and no visible blanks", () => {
  const report = (reviewRow: string) =>
    ["某局2022年政府信息公开工作年度报告", "四、政府信息公开行政复议、行政诉讼情况", "行政复议 行政诉讼", "结果维持 结果纠正 其他结果 尚未审结 总计", reviewRow].join("\n");

  it("the sum columns place what they can; the rest is left blank and reported, never shifted silently", async () => {
    const r = await parseReport({ text: report("1 0 0 1 2 0 0 0 0 0 1 0 0 1") }); // 14 of 15: one 复议后起诉 part is blank
    expect(r.cells["reviewLitigation.review.upheld"]).toBe(1);
    expect(r.cells["reviewLitigation.review.pending"]).toBe(1);
    // every cell is either what was printed or blank-and-reported: the zeros of 直接起诉 could be the blank too
    const truth = [1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0].map(String);
    const leaves = ["review", "litigation.direct", "litigation.afterReview"].flatMap((g) => ["upheld", "corrected", "other", "pending"].map((k) => `reviewLitigation.${g}.${k}`));
    const uncertain = r.problems.find((x) => x.code === "CELLS_UNCERTAIN")?.cells ?? [];
    leaves.forEach((k, i) => {
      if (r.cells[k] === null) expect(uncertain).toContain(k);
      else if (i < 8) expect(String(r.cells[k])).toBe(truth[i]);
    });
    for (const k of ["upheld", "corrected", "other", "pending"]) expect(r.cells[`reviewLitigation.litigation.afterReview.${k}`]).toBeNull();
    expect(r.problems.find((x) => x.code === "PRINTED_TOTAL_MISMATCH")?.printed).toBe(1);
  });

  it("a blank total found by the totals (which part of a group is blank never is: a sum ignores order)", async () => {
    // 14 numbers; only a blank 行政复议 总计 makes every printed total add up
    const r = await parseReport({ text: report("2 1 0 1 0 0 0 0 0 3 1 1 0 5") });
    expect(r.cells["reviewLitigation.review.pending"]).toBe(1);
    expect(r.cells["reviewLitigation.review.total"]).toBe(4);
    expect(r.cells["reviewLitigation.litigation.direct.total"]).toBe(0);
    expect(r.cells["reviewLitigation.litigation.afterReview.upheld"]).toBe(3);
    expect(r.cells["reviewLitigation.litigation.afterReview.total"]).toBe(5);
    expect(r.problems.find((x) => x.code === "BLANKS_INFERRED")?.cells).toEqual(["reviewLitigation.review.total"]);
    expect(r.problems.some((x) => x.code === "PRINTED_TOTAL_MISMATCH" || x.code === "CELLS_UNCERTAIN")).toBe(false);
  });
});

describe("label variants end to end", () => {
  it("plain lines, full-width digits, 1、 numbering, straight quotes, labels broken over lines, explanatory parentheses", async () => {
    const text = [
      "某市某局２０２２年政府信息公开工作年度报告",
      "一、总体情况",
      "本局认真贯彻落实《条例》。",
      "二、主动公开政府信息情况",
      "第二十条第（一）项",
      "信息内容 本年制发件数 本年废止件数 现行有效件数",
      "规章 ０ ０ ０",
      "行政规范性文件 ５ １ ２０",
      "第二十条第（五）项",
      "信息内容 本年处理决定数量",
      "行政许可 １，２３４",
      "第二十条第（六）项",
      "行政处罚 ３",
      "行政强制 ０",
      "第二十条第（八）项",
      "行政事业性收费 ０.５",
      "三、收到和处理政府信息公开申请情况",
      "申请人情况",
      "一、本年新收政府信息公开申请数量（件） 5 0 0 0 0 0 5",
      "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0",
      "（一）予以公开（含主动公开后告知的） 3 0 0 0 0 0 3",
      "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 0 0 0 0 0 0 0",
      "1、属于国家秘密 0 0 0 0 0 0 0",
      "2、其他法律行政法规禁止公开 0 0 0 0 0 0 0",
      '3、危及"三安全一稳定" 0 0 0 0 0 0 0',
      "4、保护第三方合法权益 0 0 0 0 0 0 0",
      "5、属于三类内部事务信息 0 0 0 0 0 0 0",
      "6、属于四类过程性信息 0 0 0 0 0 0 0",
      "7、属于行政执法案卷 0 0 0 0 0 0 0",
      "8、属于行政查询事项 0 0 0 0 0 0 0",
      "1、本机关不掌握相关政府信息 1 0 0 0 0 0 1",
      "2、没有现成信息需要另行制作 0 0 0 0 0 0 0",
      "3、补正后申请内容仍不明确 0 0 0 0 0 0 0",
      "1、信访举报投诉类申请 1 0 0 0 0 0 1",
      "2、重复申请 0 0 0 0 0 0 0",
      "3、要求提供公开出版物 0 0 0 0 0 0 0",
      "4、无正当理由大量反复申请 0 0 0 0 0 0 0",
      "5、要求行政机关确认或重新出具",
      "已获取信息 0 0 0 0 0 0 0",
      "1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0",
      "2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0",
      "3、其他 0 0 0 0 0 0 0",
      "（七）总计 5 0 0 0 0 0 5",
      "四、结转下年度继续办理 0 0 0 0 0 0 0",
      "四、政府信息公开行政复议、行政诉讼情况",
      "行政复议 行政诉讼",
      "结果维持 结果纠正 其他结果 尚未审结 总计",
      "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0",
      "五、存在的主要问题及改进情况",
      "公开还不够及时。",
      "六、其他需要报告的事项",
      "无。",
    ].join("\n");
    const r = await parseReport({ text });
    expect([r.year, r.formatVersion, r.agencyName, r.scope]).toEqual([2022, "2021", "某市某局", "OWN"]);
    expect(r.problems).toEqual([]);
    expect(r.cells["active.art20_5.licensing.decisions"]).toBe(1234);
    expect(r.cells["active.art20_1.normativeDocs.inForce"]).toBe(20);
    expect(r.cells["active.art20_8.fees.amount"]).toBe(0.5);
    expect(r.cells["requests.results.granted.natural"]).toBe(3);
    expect(r.cells["requests.results.notProcessed.confirm.natural"]).toBe(0);
    expect(r.cells["requests.results.total.total"]).toBe(5);
    expect(Object.values(r.cells).every((v) => v !== null)).toBe(true);
    expect(r.sections.s5_problems).toBe("公开还不够及时。");
  });
});
