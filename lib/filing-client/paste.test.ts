import { describe, expect, it } from "vitest";
import { cellDef, getTable, parseCellInput, sectionTables, tableLayout } from "@/lib/format";
import { singleGrid, stackedGrid } from "./grid";
import { isBlockPaste, parseClipboard, planPaste } from "./paste";

const requests = singleGrid("requests", tableLayout(getTable("2021", "requests")!)).nav;
const rl = singleGrid("reviewLitigation", tableLayout(getTable("2021", "reviewLitigation")!)).nav;
const parse = (key: string, text: string) => parseCellInput(cellDef("2021", key)!, text);
const R = (row: string, col: string) => `requests.${row}.${col}`;
const big = { maxRows: 100, maxCols: 100 };

describe("isBlockPaste", () => {
  it("a tab or line break makes a block; a bare value is inserted at the caret", () => {
    expect(isBlockPaste("12")).toBe(false);
    expect(isBlockPaste("1,234")).toBe(false);
    expect(isBlockPaste("5\r\n")).toBe(true);
    expect(isBlockPaste("1\t2")).toBe(true);
    expect(isBlockPaste("1\n2")).toBe(true);
  });
});

describe("parseClipboard", () => {
  it("splits tabs and line breaks: \\n, \\r\\n and \\r", () => {
    expect(parseClipboard("1\t2\n3\t4", big).rows).toEqual([["1", "2"], ["3", "4"]]);
    expect(parseClipboard("1\t2\r\n3\t4", big).rows).toEqual([["1", "2"], ["3", "4"]]);
    expect(parseClipboard("1\t2\r3\t4", big).rows).toEqual([["1", "2"], ["3", "4"]]);
  });

  it("one trailing line break ends the last row; a second one is an empty row", () => {
    expect(parseClipboard("1\t2\r\n3\t4\r\n", big).rows).toEqual([["1", "2"], ["3", "4"]]);
    expect(parseClipboard("5\r\n", big).rows).toEqual([["5"]]);
    expect(parseClipboard("1\n\n", big).rows).toEqual([["1"], [""]]);
  });

  it("keeps empty fields, including trailing ones", () => {
    expect(parseClipboard("1\t\t3\n\t\t\n", big).rows).toEqual([["1", "", "3"], ["", "", ""]]);
  });

  it("reads quoted fields as spreadsheets write them", () => {
    expect(parseClipboard('"1\n2"\t"a""b"\n3', big).rows).toEqual([["1\n2", 'a"b'], ["3"]]);
    // a quote that does not close a field is text
    expect(parseClipboard('"5"件\t2', big).rows).toEqual([['"5"件', "2"]]);
  });

  it("stops at the limits and says so", () => {
    const b = parseClipboard("1\t2\t3\n4\t5\t6\n7\t8\t9\n", { maxRows: 2, maxCols: 2 });
    expect(b.rows).toEqual([["1", "2"], ["4", "5"]]);
    expect(b.truncated).toBe(true);
    expect(parseClipboard("1\t2\n3\t4\n", { maxRows: 2, maxCols: 2 }).truncated).toBe(false);
  });

  it("a huge paste is cut quickly, never fully split", () => {
    const text = "1\t".repeat(300_000) + "\n" + "2\n".repeat(300_000);
    const t0 = performance.now();
    const b = parseClipboard(text, { maxRows: 26, maxCols: 8 });
    expect(performance.now() - t0).toBeLessThan(500);
    expect(b.truncated).toBe(true);
    expect(b.rows.length).toBeLessThanOrEqual(26);
    expect(b.rows.every((r) => r.length <= 8)).toBe(true);
  });
});

describe("planPaste", () => {
  it("fills right and down from the focused cell, parsing every value", () => {
    const plan = planPaste(requests, R("newReceived", "natural"), "5\t0\t1\r\n2\t０\t+3\r\n", parse);
    expect(plan.updates).toEqual([
      { key: R("newReceived", "natural"), value: 5 },
      { key: R("newReceived", "commercial"), value: 0 },
      { key: R("newReceived", "research"), value: 1 },
      { key: R("carriedOver", "natural"), value: 2 },
      { key: R("carriedOver", "commercial"), value: 0 },
      { key: R("carriedOver", "research"), value: 3 },
    ]);
    expect(plan.failures).toEqual([]);
    expect(plan.skippedDerived).toEqual([]);
  });

  it("an empty field pastes a blank (the cell becomes blank, as in the source)", () => {
    const plan = planPaste(requests, R("newReceived", "natural"), "5\t\t1", parse);
    expect(plan.updates.map((u) => u.value)).toEqual([5, null, 1]);
  });

  it("a full official row maps positionally: the 总计 column is skipped, not shifted into", () => {
    const row = "3\t1\t0\t0\t0\t0\t4";
    const plan = planPaste(requests, R("newReceived", "natural"), `${row}\r\n${row}\r\n`, parse);
    expect(plan.updates).toHaveLength(12);
    expect(plan.skippedDerived).toEqual([R("newReceived", "total"), R("carriedOver", "total")]);
    expect(plan.outside).toBe(0);
  });

  it("rows landing on （七）总计 are skipped and the rows below keep their place", () => {
    const plan = planPaste(requests, R("results.other.other", "natural"), "1\n99\n2\n", parse);
    expect(plan.updates).toEqual([
      { key: R("results.other.other", "natural"), value: 1 },
      { key: R("carriedForward", "natural"), value: 2 },
    ]);
    expect(plan.skippedDerived).toEqual([R("results.total", "natural")]);
  });

  it("review/litigation: a copied 15-column row keeps the 总计 columns in place", () => {
    const plan = planPaste(rl, "reviewLitigation.review.upheld", "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n", parse);
    expect(plan.updates).toHaveLength(12);
    expect(plan.skippedDerived).toEqual([
      "reviewLitigation.review.total",
      "reviewLitigation.litigation.direct.total",
      "reviewLitigation.litigation.afterReview.total",
    ]);
    expect(plan.updates.find((u) => u.key === "reviewLitigation.litigation.direct.upheld")?.value).toBe(0);
  });

  it("reports fields that are not values, with the cell and the parser's message", () => {
    const plan = planPaste(requests, R("newReceived", "natural"), "5\tabc\t1.5\t-2", parse);
    expect(plan.updates).toEqual([{ key: R("newReceived", "natural"), value: 5 }]);
    expect(plan.failures.map((f) => [f.key, f.text])).toEqual([
      [R("newReceived", "commercial"), "abc"],
      [R("newReceived", "research"), "1.5"],
      [R("newReceived", "socialWelfare"), "-2"],
    ]);
    expect(plan.failures[0]!.message).toBe("请输入数字");
  });

  it("counts non-empty fields falling outside the grid", () => {
    const plan = planPaste(requests, R("carriedForward", "legalService"), "1\t2\t3\t4\n5\t6\n", parse);
    // legalService, otherOrg, total(skipped), then one field outside; the second row is below the last row
    expect(plan.updates.map((u) => u.key)).toEqual([R("carriedForward", "legalService"), R("carriedForward", "otherOrg")]);
    expect(plan.skippedDerived).toEqual([R("carriedForward", "total")]);
    expect(plan.outside).toBe(3);
  });

  it("a 10,000-character paste is bounded by the grid", () => {
    const text = Array.from({ length: 400 }, (_, i) => Array.from({ length: 12 }, () => String(10 + (i % 10))).join("\t")).join("\r\n");
    expect(text.length).toBeGreaterThan(10_000);
    const t0 = performance.now();
    const plan = planPaste(requests, R("newReceived", "natural"), text, parse);
    expect(performance.now() - t0).toBeLessThan(200);
    expect(plan.updates).toHaveLength(24 * 6);
    expect(plan.truncated).toBe(true);
  });

  it("money: units and separators are converted per cell", () => {
    const active = stackedGrid("active", sectionTables("2021", "s2_active").map((t) => tableLayout(t))).nav;
    const plan = planPaste(active, "active.art20_8.fees.amount", "31989283.00元\n", parse);
    expect(plan.updates).toEqual([{ key: "active.art20_8.fees.amount", value: 3198.9283 }]);
  });

  it("a start key outside the grid does nothing", () => {
    expect(planPaste(requests, "nope", "1\t2", parse).updates).toEqual([]);
  });
});
