import { describe, expect, it } from "vitest";
import { computeDerived } from "./derive";
import { derivedKeys, leafKeys, optionalKeys } from "./registry";
import { cellsSchema, SECTION_MAX_LENGTH, sectionsSchema } from "./schema";
import { SECTION_KEYS } from "./sections";
import { leavesOf, validReport } from "./test-fixtures";
import type { CellMap, FormatVersion } from "./types";

const messages = (v: FormatVersion, input: unknown) => {
  const r = cellsSchema(v).safeParse(input);
  expect(r.success).toBe(false);
  return r.error!.issues.map((i) => `${i.path.join("")}: ${i.message}`);
};

describe("cellsSchema", () => {
  for (const v of ["2019", "2021"] as const) {
    const leaves = leavesOf(v, validReport(v));

    it(`${v}: accepts exactly the leaf cells, blanks included`, () => {
      expect(cellsSchema(v).parse(leaves)).toEqual(leaves);
      const blanks = Object.fromEntries(leafKeys(v).map((k) => [k, null]));
      expect(cellsSchema(v).parse(blanks)).toEqual(blanks);
    });

    it(`${v}: drops derived cells a client sends along`, () => {
      const full = computeDerived(v, leaves);
      expect(Object.keys(full)).toHaveLength(leafKeys(v).length + derivedKeys(v).length);
      expect(cellsSchema(v).parse(full)).toEqual(leaves);
      // even a wrong total: the server recomputes totals, it never stores one it was sent
      expect(cellsSchema(v).parse({ ...leaves, "requests.results.total.total": 123456 })).toEqual(leaves);
    });

    it(`${v}: requires every leaf key and rejects unknown keys`, () => {
      const { ["requests.newReceived.natural"]: _dropped, ...missing } = leaves;
      expect(messages(v, missing)).toEqual(["requests.newReceived.natural: 缺少单元格“一、本年新收政府信息公开申请数量 / 自然人”（未填请用 null）"]);
      expect(messages(v, { ...leaves, "requests.foo.natural": 1 })).toEqual([`: ${v} 年版格式没有这些单元格：requests.foo.natural`]);
      expect(messages(v, null)).toEqual([": 单元格数据应为对象"]);
    });

    it(`${v}: checks each value's type`, () => {
      const k = "requests.results.granted.natural";
      expect(messages(v, { ...leaves, [k]: 1.5 })).toEqual([`${k}: “三、本年度办理结果 （一）予以公开 / 自然人”应为整数`]);
      expect(messages(v, { ...leaves, [k]: -1 })).toEqual([`${k}: “三、本年度办理结果 （一）予以公开 / 自然人”不能为负数`]);
      expect(messages(v, { ...leaves, [k]: "3" })[0]).toContain("应为数字或空");
      expect(messages(v, { ...leaves, [k]: 1e12 + 1 })[0]).toContain("数值过大");
      expect(messages(v, { ...leaves, [k]: Number.NaN })[0]).toContain("应为数字或空");
      expect(messages(v, { ...leaves, [k]: Infinity })).toHaveLength(1);
    });
  }

  it("money: 4 decimals at most; only 2019 本年增/减 may be negative", () => {
    const l19 = leavesOf("2019", validReport("2019"));
    const l21 = leavesOf("2021", validReport("2021"));
    expect(cellsSchema("2019").parse({ ...l19, "active.art20_9.centralProcurement.totalAmount": 1234.5678 })).toBeTruthy();
    expect(messages("2019", { ...l19, "active.art20_9.centralProcurement.totalAmount": 1234.56789 })[0]).toContain("金额最多保留 4 位小数");
    expect(messages("2021", { ...l21, "active.art20_8.fees.amount": -1 })[0]).toContain("不能为负数");
    expect(cellsSchema("2019").parse({ ...l19, "active.art20_5.licensing.change": -5 })["active.art20_5.licensing.change"]).toBe(-5);
    expect(messages("2019", { ...l19, "active.art20_5.licensing.change": 0.5 })[0]).toContain("应为整数");
  });

  it("the optional 2019 row may be present or absent; 2021 has no such row; versions do not mix", () => {
    const l19 = leavesOf("2019", validReport("2019"));
    const withOptional: CellMap = { ...l19, [optionalKeys("2019")[0]!]: 3 };
    expect(cellsSchema("2019").parse(withOptional)).toEqual(withOptional);
    expect(messages("2019", { ...l19, [optionalKeys("2019")[0]!]: -3 })[0]).toContain("不能为负数");
    const l21 = leavesOf("2021", validReport("2021"));
    expect(messages("2021", { ...l21, [optionalKeys("2019")[0]!]: 3 })[0]).toContain("没有这些单元格");
    expect(cellsSchema("2021").safeParse(l19).success).toBe(false);
  });
});

describe("sectionsSchema", () => {
  const valid = Object.fromEntries(SECTION_KEYS.map((k) => [k, ""]));

  it("accepts six plain texts, empty ones too", () => {
    expect(sectionsSchema.parse(valid)).toEqual(valid);
    const text = { ...valid, s1_overall: "2020年，我局坚持……\n\t一、主动公开情况 😀", s6_other: "x".repeat(SECTION_MAX_LENGTH) };
    expect(sectionsSchema.parse(text)).toEqual(text);
  });

  it("rejects NUL and other control characters, overlong text, missing and extra sections", () => {
    const fail = (input: unknown) => {
      const r = sectionsSchema.safeParse(input);
      expect(r.success).toBe(false);
      return r.error!.issues[0]!.message;
    };
    expect(fail({ ...valid, s5_problems: "abc\u0000def" })).toContain("控制字符");
    expect(fail({ ...valid, s5_problems: "abc\u0007" })).toContain("控制字符");
    expect(fail({ ...valid, s2_active: "x".repeat(SECTION_MAX_LENGTH + 1) })).toContain("内容过长");
    const { s3_requests: _gone, ...missing } = valid;
    expect(fail(missing)).toContain("缺少该部分内容");
    expect(fail({ ...valid, s7: "" })).toContain("没有这些部分：s7");
    expect(fail({ ...valid, s1_overall: 5 })).toBe("内容应为文本");
  });
});
