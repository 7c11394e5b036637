import { describe, expect, it } from "vitest";
import { SECTION_KEYS, type SectionKey } from "@/lib/format";
import { diffDrafts, differenceExcerpts } from "./diff";

const sections = (over: Partial<Record<SectionKey, string>> = {}) =>
  Object.fromEntries(SECTION_KEYS.map((k) => [k, over[k] ?? ""])) as Record<SectionKey, string>;

describe("diffDrafts", () => {
  it("lists differing leaf cells in official order with both values; missing = blank", () => {
    const d = diffDrafts(
      "2021",
      { cells: { "requests.newReceived.natural": 5, "requests.carriedOver.natural": null, "active.art20_1.regulations.issued": 1 }, sections: sections() },
      { cells: { "requests.newReceived.natural": 3, "active.art20_1.regulations.issued": 1, "reviewLitigation.review.upheld": 0 }, sections: sections() },
    );
    expect(d.cells).toEqual([
      { key: "requests.newReceived.natural", label: "一、本年新收政府信息公开申请数量 / 自然人", mine: 5, theirs: 3 },
      { key: "reviewLitigation.review.upheld", label: "行政复议·结果维持", mine: null, theirs: 0 },
    ]);
    expect(d.sections).toEqual([]);
  });

  it("ignores derived cells and treats 0 and blank as different", () => {
    const d = diffDrafts(
      "2021",
      { cells: { "requests.newReceived.total": 9, "requests.newReceived.natural": 0 }, sections: sections() },
      { cells: { "requests.newReceived.total": 1, "requests.newReceived.natural": null }, sections: sections() },
    );
    expect(d.cells.map((c) => c.key)).toEqual(["requests.newReceived.natural"]);
  });

  it("lists differing sections with excerpts around the first difference", () => {
    const d = diffDrafts(
      "2021",
      { cells: {}, sections: sections({ s1_overall: "本年度，我镇认真贯彻落实条例。", s5_problems: "同" }) },
      { cells: {}, sections: sections({ s1_overall: "本年度，我镇全面贯彻落实条例。", s5_problems: "同" }) },
    );
    expect(d.sections).toHaveLength(1);
    expect(d.sections[0]).toMatchObject({ key: "s1_overall", heading: "一、总体情况", mineExcerpt: "本年度，我镇认真贯彻落实条例。", theirsExcerpt: "本年度，我镇全面贯彻落实条例。" });
  });
});

describe("differenceExcerpts", () => {
  it("cuts long texts around the change and marks the cuts", () => {
    const a = "甲".repeat(100) + "一" + "乙".repeat(100);
    const b = "甲".repeat(100) + "二" + "乙".repeat(100);
    const ex = differenceExcerpts(a, b, 5);
    expect(ex.a).toBe("…甲甲甲甲甲一乙乙乙乙乙…");
    expect(ex.b).toBe("…甲甲甲甲甲二乙乙乙乙乙…");
  });
  it("shows an empty side as （空） and line breaks visibly", () => {
    expect(differenceExcerpts("", "新内容").a).toBe("（空）");
    expect(differenceExcerpts("第一段\n第二段", "第一段").a).toBe("第一段 ⏎ 第二段");
  });
});
