import { describe, expect, it } from "vitest";
import { SECTION_KEYS, SECTION_MAX_LENGTH, cellDef, computeDerived, leafKeys, validate, type CellMap, type SectionKey } from "@/lib/format";
import { SAVE_TIMING, retryDelay, saveDelay } from "./autosave";
import { issueKey } from "./issue-key";
import { cellAccessibleName } from "./labels";
import { normalizeNarrative } from "./narrative";
import { overlongSections, readiness } from "./readiness";

const sections = (over: Partial<Record<SectionKey, string>> = {}) =>
  Object.fromEntries(SECTION_KEYS.map((k) => [k, over[k] ?? ""])) as Record<SectionKey, string>;

describe("issueKey", () => {
  it("is rule and primary cell", () => {
    expect(issueKey({ ruleId: "REQ-CARRY-XYEAR", primaryCell: "requests.carriedOver.natural" })).toBe("REQ-CARRY-XYEAR:requests.carriedOver.natural");
  });
});

describe("cellAccessibleName", () => {
  it("row with groups, then column", () => {
    expect(cellAccessibleName(cellDef("2021", "requests.results.denied.stateSecret.natural")!)).toBe("三、本年度办理结果（三）不予公开 1.属于国家秘密，自然人");
    expect(cellAccessibleName(cellDef("2021", "requests.newReceived.commercial")!)).toBe("一、本年新收政府信息公开申请数量，法人或其他组织·商业企业");
  });
  it("the table name for the unlabelled review/litigation row, and units of money cells", () => {
    expect(cellAccessibleName(cellDef("2021", "reviewLitigation.litigation.direct.pending")!, "行政复议、行政诉讼情况")).toBe(
      "行政复议、行政诉讼情况，行政诉讼·未经复议直接起诉·尚未审结",
    );
    expect(cellAccessibleName(cellDef("2021", "active.art20_8.fees.amount")!)).toBe("第二十条第（八）项 行政事业性收费，本年收费金额（单位：万元）");
    expect(cellAccessibleName(cellDef("2019", "active.art20_9.centralProcurement.totalAmount")!)).toBe("第二十条第（九）项 政府集中采购，采购总金额（单位：元）");
  });
});

describe("normalizeNarrative", () => {
  it("turns Word's manual line and page breaks into line breaks and drops other control characters", () => {
    expect(normalizeNarrative("一\u000b二\u000c三\u0000四\u0007")).toBe("一\n二\n三四");
    expect(normalizeNarrative("a\tb\r\nc")).toBe("a\tb\r\nc");
  });
});

describe("autosave timing", () => {
  it("waits for a 2 s pause, but no more than 10 s after the first unsaved change", () => {
    expect(saveDelay({ now: 1000, lastChangeAt: 1000, firstUnsavedAt: 1000 })).toBe(2000);
    expect(saveDelay({ now: 9000, lastChangeAt: 9000, firstUnsavedAt: 1000 })).toBe(2000);
    expect(saveDelay({ now: 10_500, lastChangeAt: 10_500, firstUnsavedAt: 1000 })).toBe(500);
    expect(saveDelay({ now: 20_000, lastChangeAt: 19_999, firstUnsavedAt: 1000 })).toBe(0);
  });
  it("retries with growing delays, capped", () => {
    expect([1, 2, 3, 4, 9].map((n) => retryDelay(n))).toEqual([...SAVE_TIMING.retryMs, 60_000]);
  });
});

describe("readiness", () => {
  const full = (): CellMap => Object.fromEntries(leafKeys("2021").map((k) => [k, 0]));
  const check = (cells: CellMap, explanations: Record<string, string> = {}, unreadable: string[] = [], secs = sections(), previous?: CellMap) =>
    readiness("2021", cells, validate("2021", computeDerived("2021", cells), previous ? { previous: { formatVersion: "2021", cells: previous } } : {}), explanations, unreadable, overlongSections(secs));

  it("a complete, consistent draft is ready", () => {
    expect(check(full()).ready).toBe(true);
  });

  it("blanks are grouped by section, not counting unreadable cells", () => {
    const cells = { ...full(), "requests.newReceived.natural": null, "requests.carriedOver.natural": null, "reviewLitigation.review.upheld": null };
    const r = check(cells, {}, ["requests.carriedOver.natural"]);
    expect(r.ready).toBe(false);
    expect(r.blankCount).toBe(2);
    expect(r.blanks.map((g) => [g.heading, g.keys.length])).toEqual([
      ["三、收到和处理政府信息公开申请情况", 1],
      ["四、政府信息公开行政复议、行政诉讼情况", 1],
    ]);
    expect(r.unreadable).toEqual(["requests.carriedOver.natural"]);
  });

  it("errors block; warnings need an explanation keyed by issueKey", () => {
    const bad = { ...full(), "requests.newReceived.natural": 1 };
    expect(check(bad).errors.map((e) => e.ruleId)).toEqual(["REQ-BALANCE"]);

    const prev = { ...full(), "requests.carriedForward.natural": 2 };
    const r = check(full(), {}, [], sections(), prev);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.key)).toEqual(["REQ-CARRY-XYEAR:requests.carriedOver.natural"]);
    expect(r.ready).toBe(false);
    expect(check(full(), { "REQ-CARRY-XYEAR:requests.carriedOver.natural": "  " }, [], sections(), prev).ready).toBe(false);
    expect(check(full(), { "REQ-CARRY-XYEAR:requests.carriedOver.natural": "上年报告数据有误" }, [], sections(), prev).ready).toBe(true);
  });

  it("an over-long section blocks", () => {
    const r = check(full(), {}, [], sections({ s6_other: "字".repeat(SECTION_MAX_LENGTH + 1) }));
    expect(r.overlongSections).toEqual(["s6_other"]);
    expect(r.ready).toBe(false);
  });
});
