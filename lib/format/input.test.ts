import { describe, expect, it } from "vitest";
import { formatCellValue, parseCellInput } from "./input";
import { cellDef } from "./registry";
import type { CellDef } from "./types";

const count = cellDef("2021", "requests.newReceived.natural")!; // int 件
const items = cellDef("2019", "active.art20_5.licensing.prevYearItems")!; // int 项
const signed = cellDef("2019", "active.art20_5.licensing.change")!; // signedInt 项
const yuan = cellDef("2019", "active.art20_9.centralProcurement.totalAmount")!; // decimal, stored in 元
const wan = cellDef("2021", "active.art20_8.fees.amount")!; // decimal, stored in 万元

const ok = (def: CellDef, text: string) => {
  const r = parseCellInput(def, text);
  if (!r.ok) throw new Error(`"${text}" rejected: ${r.message}`);
  return r.value;
};
const err = (def: CellDef, text: string) => {
  const r = parseCellInput(def, text);
  if (r.ok) throw new Error(`"${text}" accepted as ${r.value}`);
  return r.message;
};

describe("parseCellInput", () => {
  it("blank is null, not 0", () => {
    expect(ok(count, "")).toBeNull();
    expect(ok(count, "   ")).toBeNull();
    expect(ok(count, "\u3000")).toBeNull();
    expect(ok(count, "0")).toBe(0);
  });

  it("plain, full-width and grouped integers", () => {
    expect(ok(count, " 42 ")).toBe(42);
    expect(ok(count, "１２３")).toBe(123);
    expect(ok(count, "９８７６５４３２１０")).toBe(9876543210);
    expect(ok(count, "1,234")).toBe(1234);
    expect(ok(count, "1，234")).toBe(1234);
    expect(ok(count, "１，２３４，５６７")).toBe(1234567);
    expect(ok(count, "3.0")).toBe(3);
    expect(ok(count, "5件")).toBe(5);
    expect(ok(items, "12 项")).toBe(12);
    expect(err(count, "12,34")).toBe("千位分隔符位置不正确，请检查数字");
    expect(err(count, "1,2345")).toBe("千位分隔符位置不正确，请检查数字");
  });

  it("signs: '+' anywhere, '-' only for 本年增/减", () => {
    expect(ok(count, "+3")).toBe(3);
    expect(ok(signed, "+3")).toBe(3);
    expect(ok(signed, "＋3")).toBe(3);
    expect(ok(signed, "-2")).toBe(-2);
    expect(ok(signed, "－2")).toBe(-2);
    expect(ok(signed, "−47")).toBe(-47);
    expect(ok(signed, "-0")).toBe(0);
    expect(Object.is(ok(signed, "-0"), -0)).toBe(false);
    expect(err(count, "-2")).toBe("该项不能为负数");
    expect(err(count, "－2")).toBe("该项不能为负数");
    expect(err(yuan, "-5")).toBe("该项不能为负数");
  });

  it("counts must be integers", () => {
    expect(err(count, "1.5")).toBe("该项应为整数");
    expect(err(signed, "-1.5")).toBe("该项应为整数");
  });

  it("money in 元 (2019 采购总金额): 万元 and 万 are converted exactly", () => {
    expect(ok(yuan, "5234万元")).toBe(52_340_000);
    expect(ok(yuan, "34555 万")).toBe(345_550_000);
    expect(ok(yuan, "31989283.00")).toBe(31_989_283);
    expect(ok(yuan, "251000元")).toBe(251_000);
    expect(ok(yuan, "0.1万")).toBe(1000);
    expect(ok(yuan, "1.23456万元")).toBe(12_345.6);
    expect(ok(yuan, "3,198.92万元")).toBe(31_989_200);
    expect(ok(yuan, "¥1,234.5")).toBe(1234.5);
    expect(ok(yuan, "５２３４万元")).toBe(52_340_000);
    expect(ok(yuan, "0.0001")).toBe(0.0001);
    expect(err(yuan, "1.00005")).toBe("金额最多保留 4 位小数");
  });

  it("money in 万元 (2021 收费金额): 元 is divided by 10000 and rounded to 4 places", () => {
    expect(ok(wan, "251000元")).toBe(25.1);
    expect(ok(wan, "5234万元")).toBe(5234);
    expect(ok(wan, "34555 万")).toBe(34_555);
    expect(ok(wan, "25.1")).toBe(25.1);
    expect(ok(wan, "400元")).toBe(0.04);
    expect(ok(wan, "123.45元")).toBe(0.0123); // 0.012345 万元
    expect(ok(wan, "1.5元")).toBe(0.0002); // 0.00015, half away from zero
    expect(ok(wan, "12345678.9元")).toBe(1234.5679);
    expect(ok(wan, "0.3")).toBe(0.3);
    expect(err(wan, "0.00001")).toBe("金额最多保留 4 位小数");
  });

  it("units that do not fit the cell are refused", () => {
    expect(err(count, "5元")).toBe("该项是数量，单位为“件”，不能填写金额单位");
    expect(err(count, "5项")).toBe("该项的单位是“件”");
    expect(err(yuan, "5件")).toBe("该项是金额，单位只能是“元”或“万元”");
  });

  it("values above 1e12 are refused, after unit conversion", () => {
    expect(ok(count, "1,000,000,000,000")).toBe(1e12);
    expect(err(count, "1000000000001")).toBe("数值过大，不能超过 1,000,000,000,000");
    expect(ok(yuan, "10000万")).toBe(1e8);
    expect(err(yuan, "100000001万元")).toBe("数值过大，不能超过 1,000,000,000,000");
  });

  it("anything else asks for a number", () => {
    for (const bad of ["abc", "1e5", "5%", "五", "—", "-", "1 234", "1.2.3", "0x10", "Infinity", "NaN", "+", "."]) {
      expect(err(count, bad), bad).toBe("请输入数字");
    }
  });
});

describe("formatCellValue", () => {
  it("shows blank as empty and numbers without float noise", () => {
    expect(formatCellValue(count, null)).toBe("");
    expect(formatCellValue(count, undefined)).toBe("");
    expect(formatCellValue(count, 0)).toBe("0");
    expect(formatCellValue(count, 37103)).toBe("37103");
    expect(formatCellValue(yuan, 31989283)).toBe("31989283");
    expect(formatCellValue(yuan, 31989283.5)).toBe("31989283.5");
    expect(formatCellValue(wan, 25.1)).toBe("25.1");
    expect(formatCellValue(wan, 0.0123)).toBe("0.0123");
    expect(formatCellValue(wan, 0.1 + 0.2)).toBe("0.3");
  });

  it("writes 本年增/减 as the reports do: +3, -2, 0", () => {
    expect(formatCellValue(signed, 3)).toBe("+3");
    expect(formatCellValue(signed, -2)).toBe("-2");
    expect(formatCellValue(signed, 0)).toBe("0");
  });

  it("optionally groups thousands and appends the unit", () => {
    expect(formatCellValue(count, 1234567, { grouping: true })).toBe("1,234,567");
    expect(formatCellValue(yuan, 1234567.25, { grouping: true, withUnit: true })).toBe("1,234,567.25元");
    expect(formatCellValue(signed, 1234, { grouping: true })).toBe("+1,234");
    expect(formatCellValue(signed, -1234, { grouping: true, withUnit: true })).toBe("-1,234项");
    expect(formatCellValue(wan, 999, { grouping: true })).toBe("999");
  });

  it("round-trips through parseCellInput", () => {
    const cases: [CellDef, number[]][] = [
      [count, [0, 1, 7, 999, 1000, 37103, 286151, 1e12]],
      [items, [0, 16, 1669]],
      [signed, [-1000, -47, -1, 0, 1, 3, 1925, 1e12, -1e12]],
      [yuan, [0, 0.0001, 0.5, 251000, 31989283, 345550000, 31989283.1234, 1e12]],
      [wan, [0, 0.0001, 0.04, 25.1, 25.1234, 5234, 999999.9999]],
    ];
    for (const [def, values] of cases) {
      for (const value of values) {
        for (const options of [{}, { grouping: true }, { withUnit: true }, { grouping: true, withUnit: true }]) {
          const text = formatCellValue(def, value, options);
          expect(parseCellInput(def, text), `${def.key} ${value} ${text}`).toEqual({ ok: true, value });
        }
      }
    }
    expect(parseCellInput(count, formatCellValue(count, null))).toEqual({ ok: true, value: null });
  });
});
