import { describe, expect, it } from "vitest";
import { computeDerived } from "../format";
import { validReport } from "../format/test-fixtures";
import type { CellMap, FormatVersion, SectionKey } from "../format/types";
import { checkNarrativeNumbers, extractNarrativeNumbers, parseCount, type NarrativeConcept } from "./numbers";
import { sampleReport } from "./test-fixtures";

type Found = [NarrativeConcept, number];

/** What the extractor recognises in one section's text, as [concept, value] pairs. */
function found(text: string, section: SectionKey = "s1_overall", v: FormatVersion = "2021", year?: number): Found[] {
  return extractNarrativeNumbers(v, { [section]: text }, { year }).map((n) => [n.concept, n.value]);
}

describe("parseCount", () => {
  it("reads digits, full-width digits, grouping and small Chinese numerals", () => {
    const cases: [string, number | null][] = [
      ["6", 6],
      ["０", 0],
      ["１５", 15],
      ["1,234", 1234],
      ["1,23", null],
      ["一", 1],
      ["两", 2],
      ["十", 10],
      ["十二", 12],
      ["二十", 20],
      ["二十五", 25],
      ["一百零五", 105],
      ["两百", 200],
      ["三千零二十", 3020],
      ["零", 0],
      ["〇", 0],
      ["一百五", null], // colloquial 150 or 105? not confident
      ["二三", null],
      ["十十", null],
      ["百", null],
      ["六件", null],
    ];
    for (const [text, value] of cases) expect(parseCount(text), text).toBe(value);
  });
});

describe("extractNarrativeNumbers on the sample reports", () => {
  it("district-2020: 共接收政府信息公开申请6件 and the 1 carried forward, nothing else", () => {
    const r = sampleReport("district-2020");
    const nums = extractNarrativeNumbers(r.formatVersion, r.sections, { year: r.year });
    expect(nums.map((n) => [n.section, n.concept, n.value, n.quote])).toEqual([
      ["s1_overall", "newReceived", 6, "我区共接收政府信息公开申请6件"],
      ["s1_overall", "carriedForward", 1, "1件信件申请,结转下一年办理"],
    ]);
    for (const n of nums) expect(r.sections[n.section].slice(n.start, n.end)).toBe(n.quote);
    expect(nums[0].cellKeys).toEqual(["requests.newReceived.total"]);
  });

  it("prefecture-2020: the 18 of 全区, not the breakdown (地本级 2, 县（市）区 16) nor 网上咨询 71", () => {
    const r = sampleReport("prefecture-2020");
    const nums = extractNarrativeNumbers(r.formatVersion, r.sections, { year: r.year });
    expect(nums.map((n) => [n.concept, n.value, n.quote])).toEqual([["newReceived", 18, "全区共受理依申请公开 18 件"]]);
  });

  it("town-2022: 收到…依申请公开事项 0 项 and 没有…行政复议、行政诉讼", () => {
    const r = sampleReport("town-2022");
    const nums = extractNarrativeNumbers(r.formatVersion, r.sections, { year: r.year });
    expect(nums.map((n) => [n.section, n.concept, n.value])).toEqual([
      ["s3_requests", "newReceived", 0],
      ["s4_reviewLitigation", "review", 0],
      ["s4_reviewLitigation", "litigation", 0],
    ]);
    expect(nums[0].quote).toBe("友谊镇收到需要办理的依申请公开事项 0 项");
    expect(nums[2].cellKeys).toEqual(["reviewLitigation.litigation.direct.total", "reviewLitigation.litigation.afterReview.total"]);
  });
});

describe("checkNarrativeNumbers on the sample reports", () => {
  it("finds nothing when text and tables agree", () => {
    for (const name of ["district-2020", "prefecture-2020", "town-2022"]) {
      const r = sampleReport(name);
      expect(checkNarrativeNumbers(r.formatVersion, r.sections, r.cells, { year: r.year }), name).toEqual([]);
      expect(checkNarrativeNumbers(r.formatVersion, r.sections, r.cells), name).toEqual([]);
    }
  });

  it("district-2020 with 8 new requests in the table: one mismatch, pointing at the sentence", () => {
    const r = sampleReport("district-2020");
    // a changed leaf; the stale printed total (6) is ignored: totals are computed from leaves
    const cells: CellMap = { ...r.cells, "requests.newReceived.natural": 8 };
    const out = checkNarrativeNumbers(r.formatVersion, r.sections, cells, { year: r.year });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      section: "s1_overall",
      concept: "newReceived",
      quote: "我区共接收政府信息公开申请6件",
      value: 6,
      cellKey: "requests.newReceived.total",
      tableValue: 8,
    });
    expect(r.sections.s1_overall.slice(out[0].start, out[0].end)).toBe(out[0].quote);
    expect(out[0].message).toBe(
      "正文称本年新收政府信息公开申请 6 件，表格“一、本年新收政府信息公开申请数量 / 总计”为 8 件。",
    );
  });

  it("town-2022 with one lawsuit in the table: 没有…行政诉讼 disagrees, 行政复议 still agrees", () => {
    const r = sampleReport("town-2022");
    const cells: CellMap = { ...r.cells, "reviewLitigation.litigation.afterReview.pending": 1 };
    const out = checkNarrativeNumbers(r.formatVersion, r.sections, cells, { year: r.year });
    expect(out.map((m) => [m.concept, m.value, m.tableValue, m.cellKey])).toEqual([
      ["litigation", 0, 1, "reviewLitigation.litigation.direct.total"],
    ]);
    expect(out[0].message).toBe("正文称行政诉讼 0 件，表格“行政诉讼总计（未经复议直接起诉 + 复议后起诉）”为 1 件。");
  });
});

describe("recognised phrasings", () => {
  const cases: [string, SectionKey, Found[]][] = [
    ["收到政府信息公开申请共计6件。", "s1_overall", [["newReceived", 6]]],
    ["全年共受理依申请公开12件。", "s1_overall", [["newReceived", 12]]],
    ["本年度新收政府信息公开申请 0 项。", "s3_requests", [["newReceived", 0]]],
    ["共接收政府信息公开申请十二件。", "s1_overall", [["newReceived", 12]]],
    ["共收到政府信息公开申请两件。", "s1_overall", [["newReceived", 2]]],
    ["共收到政府信息公开申请１５件。", "s1_overall", [["newReceived", 15]]],
    ["本机关共受理6件政府信息公开申请。", "s1_overall", [["newReceived", 6]]],
    ["本年度共收到申请7件。", "s3_requests", [["newReceived", 7]]],
    ["本年度未收到政府信息公开申请。", "s3_requests", [["newReceived", 0]]],
    ["公民、法人和其他组织提出的政府信息公开申请，本年共收到一件。", "s3_requests", []],
    ["本年共收到公民、法人和其他组织的政府信息公开申请9件。", "s3_requests", [["newReceived", 9]]],
    ["上年结转政府信息公开申请2件。", "s3_requests", [["carriedOver", 2]]],
    ["上年度结转的申请3件。", "s3_requests", [["carriedOver", 3]]],
    ["结转下年度继续办理1件。", "s3_requests", [["carriedForward", 1]]],
    ["另有1件申请需结转下一年度办理。", "s3_requests", [["carriedForward", 1]]],
    ["予以公开5件，部分公开2件。", "s3_requests", [["granted", 5], ["partial", 2]]],
    ["办结的申请中，5件予以公开，2件部分予以公开。", "s1_overall", [["granted", 5], ["partial", 2]]],
    ["被申请行政复议2件。", "s4_reviewLitigation", [["review", 2]]],
    ["因政府信息公开被提起行政诉讼3起。", "s1_overall", [["litigation", 3]]],
    ["行政复议1件，行政诉讼2件。", "s4_reviewLitigation", [["review", 1], ["litigation", 2]]],
    ["发生政府信息公开行政复议、行政诉讼各1件。", "s4_reviewLitigation", [["review", 1], ["litigation", 1]]],
    ["未发生因政府信息公开引起的行政复议和行政诉讼。", "s4_reviewLitigation", [["review", 0], ["litigation", 0]]],
    ["全年未发生政府信息公开行政复议案件。", "s1_overall", [["review", 0]]],
    ["全年发布规范性文件3件。", "s2_active", [["normativeDocsIssued", 3]]],
    ["印发行政规范性文件共5件。", "s2_active", [["normativeDocsIssued", 5]]],
    ["本年制定规范性文件4件。", "s2_active", [["normativeDocsMade", 4]]],
    // a table row, as imported text: no unit, no statement
    ["一、本年新收政府信息公开申请数量 | 6 | 0 | 6 |", "s3_requests", []],
  ];
  for (const [text, section, expected] of cases) {
    it(text, () => expect(found(text, section)).toEqual(expected));
  }
});

describe("not recognised (parts, other quantities, other periods, no count)", () => {
  const cases: [string, SectionKey][] = [
    ["其中通过网络收到政府信息公开申请3件。", "s3_requests"],
    ["网上申请10件，其中予以公开3件。", "s3_requests"],
    ["地本级收到和受理依申请公开 2 件。", "s1_overall"],
    ["各乡镇共收到政府信息公开申请5件。", "s1_overall"],
    ["收到网上咨询71件，办结58件。", "s1_overall"],
    ["区政府系统共办理政协提案22件。", "s6_other"],
    ["全年共办理行政复议案件35件。", "s1_overall"], // not about information disclosure
    ["比上年增加收到政府信息公开申请3件。", "s3_requests"],
    ["收到政府信息公开申请数量较上年下降5件。", "s3_requests"],
    ["1-6月共收到政府信息公开申请5件。", "s3_requests"],
    ["上半年收到政府信息公开申请5件。", "s3_requests"],
    ["截至11月底共收到政府信息公开申请5件。", "s3_requests"],
    ["累计收到政府信息公开申请200件。", "s3_requests"],
    ["收到政府信息公开申请约20件。", "s3_requests"],
    ["共收到政府信息公开申请20件左右。", "s3_requests"],
    ["大约收到政府信息公开申请20件。", "s3_requests"],
    ["收到政府信息公开申请20余件。", "s3_requests"],
    ["不予受理政府信息公开申请2件。", "s3_requests"],
    ["不予公开4件。", "s3_requests"],
    ["收取信息处理费共计300元，涉及政府信息公开申请3件。", "s3_requests"],
    ["行政复议维持1件。", "s4_reviewLitigation"],
    ["1件行政复议被纠正。", "s4_reviewLitigation"],
    ["行政复议、行政诉讼3件。", "s4_reviewLitigation"], // which one?
    ["共有3件行政复议和行政诉讼。", "s4_reviewLitigation"],
    ["发布规范性文件解读12篇，解读规范性文件5件。", "s2_active"],
    ["清理规范性文件20件。", "s2_active"],
    ["自然人申请5件。", "s3_requests"],
    ["对公众普遍关心的信息予以公开。", "s3_requests"],
    ["予以公开3件。", "s2_active"], // not about requests
  ];
  for (const [text, section] of cases) {
    it(text, () => expect(found(text, section)).toEqual([]));
  }

  it("two different counts for one thing in one clause are not trusted", () => {
    expect(found("被申请行政复议8件", "s4_reviewLitigation")).toEqual([["review", 8]]);
    expect(found("被申请行政复议8件行政复议9件", "s4_reviewLitigation")).toEqual([]);
  });

  it("only the first statement of a concept in a sentence (later ones are breakdowns)", () => {
    expect(found("全年共收到政府信息公开申请20件，本机关受理政府信息公开申请12件。", "s3_requests")).toEqual([["newReceived", 20]]);
    expect(found("全年共收到政府信息公开申请20件。本年共受理政府信息公开申请12件。", "s3_requests")).toEqual([
      ["newReceived", 20],
      ["newReceived", 12],
    ]);
  });

  it("with the report year, a sentence about another year is skipped (the next year only for carrying forward)", () => {
    const text = "2019年共收到政府信息公开申请5件。2020年共收到政府信息公开申请6件。1件结转至2021年办理。";
    expect(found(text, "s3_requests", "2019", 2020)).toEqual([
      ["newReceived", 6],
      ["carriedForward", 1],
    ]);
    expect(found(text, "s3_requests", "2019")).toEqual([
      ["newReceived", 5],
      ["newReceived", 6],
      ["carriedForward", 1],
    ]);
    expect(found("2020年1月1日至2020年12月31日，共收到政府信息公开申请6件。", "s3_requests", "2019", 2020)).toEqual([
      ["newReceived", 6],
    ]);
    expect(found("截至2020年12月31日共收到政府信息公开申请6件。", "s3_requests", "2019", 2020)).toEqual([["newReceived", 6]]);
  });
});

describe("checkNarrativeNumbers on crafted texts", () => {
  const sections = (s: Partial<Record<SectionKey, string>>) => s;

  it("reports exactly the disagreeing counts, in text order, with offsets into their section", () => {
    const cells = validReport("2021");
    const nr = cells["requests.newReceived.total"]!;
    const granted = cells["requests.results.granted.total"]!;
    const review = cells["reviewLitigation.review.total"]!;
    const issued = cells["active.art20_1.normativeDocs.issued"]!;
    const s3 = `本年度共收到政府信息公开申请${nr}件，上年结转${cells["requests.carriedOver.total"]}件。办理结果中，予以公开${granted + 3}件。`;
    const s4 = `本年度发生政府信息公开行政复议${review}件。`;
    const s2 = `全年发布规范性文件${issued + 1}件。`;
    const out = checkNarrativeNumbers("2021", sections({ s2_active: s2, s3_requests: s3, s4_reviewLitigation: s4 }), cells);
    expect(out.map((m) => [m.section, m.cellKey, m.value, m.tableValue])).toEqual([
      ["s2_active", "active.art20_1.normativeDocs.issued", issued + 1, issued],
      ["s3_requests", "requests.results.granted.total", granted + 3, granted],
    ]);
    expect(s3.slice(out[1].start, out[1].end)).toBe(`予以公开${granted + 3}件`);
    expect(out[0].message).toBe(`正文称发布规范性文件 ${issued + 1} 件，表格“第二十条第（一）项 行政规范性文件 / 本年制发件数”为 ${issued} 件。`);
  });

  it("maps 规范性文件 to the 2019 columns by verb", () => {
    const cells = validReport("2019"); // newlyMade 5, newlyPublished 4
    expect(checkNarrativeNumbers("2019", { s2_active: "发布规范性文件4件。制定规范性文件5件。" }, cells)).toEqual([]);
    const out = checkNarrativeNumbers("2019", { s2_active: "发布规范性文件5件。制定规范性文件4件。" }, cells);
    expect(out.map((m) => [m.cellKey, m.value, m.tableValue])).toEqual([
      ["active.art20_1.normativeDocs.newlyPublished", 5, 4],
      ["active.art20_1.normativeDocs.newlyMade", 4, 5],
    ]);
  });

  it("compares 行政诉讼 with the sum of both litigation totals", () => {
    const cells = computeDerived("2021", {
      "reviewLitigation.litigation.direct.upheld": 1,
      "reviewLitigation.litigation.afterReview.corrected": 2,
    });
    expect(checkNarrativeNumbers("2021", { s4_reviewLitigation: "行政诉讼3件。" }, cells)).toEqual([]);
    const out = checkNarrativeNumbers("2021", { s4_reviewLitigation: "行政诉讼1件。" }, cells);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      cellKey: "reviewLitigation.litigation.direct.total",
      cellKeys: ["reviewLitigation.litigation.direct.total", "reviewLitigation.litigation.afterReview.total"],
      tableValue: 3,
    });
  });

  it("a blank table agrees with a zero statement and disagrees with a count", () => {
    expect(checkNarrativeNumbers("2021", { s4_reviewLitigation: "本年度没有发生政府信息公开行政复议。" }, {})).toEqual([]);
    const out = checkNarrativeNumbers("2021", { s4_reviewLitigation: "本年度发生政府信息公开行政复议2件。" }, {});
    expect(out.map((m) => [m.value, m.tableValue])).toEqual([[2, null]]);
    expect(out[0].message).toBe("正文称行政复议 2 件，表格“行政复议总计”未填。");
  });

  it("returns [] for empty sections", () => {
    expect(checkNarrativeNumbers("2021", {}, validReport("2021"))).toEqual([]);
  });
});
