/**
 * Each rule is broken on purpose in an otherwise valid report: that rule, and only that rule, must fire, naming
 * the right cells and quoting the expected and actual numbers.
 */
import { describe, expect, it } from "vitest";
import { computeDerived } from "./derive";
import { FORMAT_VERSIONS, leafKeys } from "./registry";
import { validate, type ValidateOptions } from "./rules";
import { consistentPrevious, validReport } from "./test-fixtures";
import type { CellMap, FormatVersion, Issue, RuleId } from "./types";

const COLS = ["natural", "commercial", "research", "socialWelfare", "legalService", "otherOrg"];
const ALL_COLS = [...COLS, "total"];

/** Exactly one issue, of this rule; returns it for further checks. */
function only(issues: Issue[], ruleId: RuleId): Issue {
  expect(issues.map((i) => i.ruleId)).toEqual([ruleId]);
  const issue = issues[0]!;
  expect(issue.cells).toContain(issue.primaryCell);
  if (issue.expected !== undefined) expect(issue.message).toContain(String(issue.expected));
  if (issue.actual !== undefined) expect(issue.message).toContain(String(issue.actual));
  return issue;
}

/** Change leaf cells, then recompute totals, as the form does. */
function withLeaves(v: FormatVersion, base: CellMap, changes: CellMap): CellMap {
  return computeDerived(v, { ...base, ...changes });
}

/** Set 结转下年度 of a column so the column balances again, then recompute totals. */
function rebalance(v: FormatVersion, cells: CellMap, col: string): CellMap {
  const c = computeDerived(v, cells);
  const forward =
    c[`requests.newReceived.${col}`]! + c[`requests.carriedOver.${col}`]! - c[`requests.results.total.${col}`]!;
  return computeDerived(v, { ...c, [`requests.carriedForward.${col}`]: forward });
}

for (const v of FORMAT_VERSIONS) {
  describe(`validate ${v}`, () => {
    const base = validReport(v);

    it("the synthetic base report is valid and non-trivial", () => {
      expect(validate(v, base)).toEqual([]);
      expect(leafKeys(v).filter((k) => (base[k] ?? 0) !== 0).length).toBeGreaterThan(60);
    });

    it("blank cells are not failures; an all-blank report has no issue", () => {
      expect(validate(v, {})).toEqual([]);
      expect(validate(v, Object.fromEntries(leafKeys(v).map((k) => [k, null])))).toEqual([]);
    });

    it("a report that prints 总计 only for （七） and 四 (as 上海 2019 did) is valid, and still checked", () => {
      const cells = { ...base };
      for (const k of Object.keys(cells)) {
        if (k.startsWith("requests.results.") && k.endsWith(".total") && k !== "requests.results.total.total") cells[k] = null;
      }
      expect(validate(v, cells)).toEqual([]);
      const issue = only(validate(v, { ...cells, "requests.results.total.total": base["requests.results.total.total"]! + 1 }), "REQ-ROWSUM");
      expect(issue.primaryCell).toBe("requests.results.total.total");
    });

    describe("REQ-BALANCE", () => {
      it("fires once for one wrong leaf (totals recomputed), not again for 总计", () => {
        const cells = withLeaves(v, base, { "requests.newReceived.research": base["requests.newReceived.research"]! + 3 });
        const issue = only(validate(v, cells), "REQ-BALANCE");
        expect(issue.cells).toEqual(["newReceived", "carriedOver", "results.total", "carriedForward"].map((r) => `requests.${r}.research`));
        expect(issue.primaryCell).toBe("requests.carriedForward.research");
        expect(issue.expected! - issue.actual!).toBe(3);
        expect(issue.message).toContain("“法人或其他组织·科研机构”列不平衡");
        expect(issue.message).toContain("相差 3");
      });

      it("says which column, what was expected and what was found", () => {
        // 自然人: 6 new + 2 carried over, but 5 handled + 2 carried forward.
        const results = validReport(v);
        const changes: CellMap = {};
        for (const k of leafKeys(v).filter((k) => k.startsWith("requests.results.") && k.endsWith(".natural"))) changes[k] = 0;
        changes["requests.results.granted.natural"] = 5;
        Object.assign(changes, {
          "requests.newReceived.natural": 6,
          "requests.carriedOver.natural": 2,
          "requests.carriedForward.natural": 2,
        });
        const issue = only(validate(v, withLeaves(v, results, changes)), "REQ-BALANCE");
        expect(issue.message).toBe("“自然人”列不平衡：本年新收 6 + 上年结转 2 = 8，应等于办理结果总计 5 + 结转下年度 2 = 7，相差 1");
        expect([issue.expected, issue.actual]).toEqual([8, 7]);
      });

      it("counts blank leaves as 0 and shows them as not filled", () => {
        const cells = withLeaves(v, base, { "requests.carriedOver.natural": null, "requests.carriedForward.natural": 99 });
        const issue = only(validate(v, cells), "REQ-BALANCE");
        expect(issue.message).toContain("上年结转 0（未填）");
      });
    });

    describe("REQ-ROWSUM", () => {
      it("fires for a printed row total that disagrees, and nothing else", () => {
        const cells = { ...base, "requests.newReceived.total": base["requests.newReceived.total"]! + 1 };
        const issue = only(validate(v, cells), "REQ-ROWSUM");
        expect(issue.primaryCell).toBe("requests.newReceived.total");
        expect(issue.cells).toEqual(["requests.newReceived.total", ...COLS.map((c) => `requests.newReceived.${c}`)]);
        expect(issue.actual).toBe(base["requests.newReceived.total"]! + 1);
        expect(issue.expected).toBe(base["requests.newReceived.total"]);
        expect(issue.message).toMatch(/^“一、本年新收政府信息公开申请数量”行：自然人 \d+ \+ 商业企业 \d+/);
        expect(issue.message).toContain("但“总计”为");
      });

      it("a typo in one printed leaf gives one error, not one per rule it touches", () => {
        const k = "requests.results.denied.thirdParty.legalService";
        const cells = { ...base, [k]: base[k]! + 10 };
        const issue = only(validate(v, cells), "REQ-ROWSUM");
        expect(issue.primaryCell).toBe("requests.results.denied.thirdParty.total");
        expect(issue.cells).toContain(k);
        expect(issue.message).toContain("（三）不予公开 4.保护第三方合法权益");
      });

      it("a typo in a printed （七）总计 cell gives one error", () => {
        const cells = { ...base, "requests.results.total.natural": base["requests.results.total.natural"]! + 2 };
        const issue = only(validate(v, cells), "REQ-ROWSUM");
        expect(issue.primaryCell).toBe("requests.results.total.total");
      });

      it("does not check a total the document left blank, and blank leaves count as 0", () => {
        expect(validate(v, { ...base, "requests.results.granted.total": null })).toEqual([]);
        const leavesBlank: CellMap = { ...base };
        for (const c of COLS) leavesBlank[`requests.results.partial.${c}`] = null;
        const issue = only(
          validate(v, { ...leavesBlank, "requests.results.partial.total": 4, "requests.results.total.total": base["requests.results.total.total"]! }),
          "REQ-ROWSUM",
        );
        expect(issue.message).toContain("自然人 0（未填）");
      });

      it("reports independent typos separately", () => {
        const cells = {
          ...base,
          "requests.results.granted.natural": base["requests.results.granted.natural"]! + 1,
          "requests.carriedForward.otherOrg": base["requests.carriedForward.otherOrg"]! + 1,
        };
        const issues = validate(v, cells);
        expect(issues.map((i) => [i.ruleId, i.primaryCell])).toEqual([
          ["REQ-ROWSUM", "requests.results.granted.total"],
          ["REQ-ROWSUM", "requests.carriedForward.total"],
        ]);
      });
    });

    describe("REQ-RESULTS-TOTAL", () => {
      it("fires for a printed （七）总计 that disagrees with its column while rows and balance hold", () => {
        const c = "commercial";
        const cells = {
          ...base,
          [`requests.results.total.${c}`]: base[`requests.results.total.${c}`]! + 1,
          "requests.results.total.total": base["requests.results.total.total"]! + 1,
          [`requests.newReceived.${c}`]: base[`requests.newReceived.${c}`]! + 1,
          "requests.newReceived.total": base["requests.newReceived.total"]! + 1,
        };
        const issue = only(validate(v, cells), "REQ-RESULTS-TOTAL");
        expect(issue.primaryCell).toBe(`requests.results.total.${c}`);
        expect(issue.cells).toHaveLength(1 + (v === "2019" ? 19 : 21));
        expect(issue.cells.every((k) => k.startsWith("requests.results.") && k.endsWith(`.${c}`))).toBe(true);
        expect([issue.expected, issue.actual]).toEqual([base[`requests.results.total.${c}`], base[`requests.results.total.${c}`]! + 1]);
        expect(issue.message).toContain("“法人或其他组织·商业企业”列");
        expect(issue.message).toContain("但“（七）总计”为");
        // 19–21 parts: only non-zero ones, at most six by name, the rest added up.
        expect(issue.message).toMatch(/其余 \d+ 项合计 \d+（未列出的各项为 0 或未填）/);
        expect(issue.message).not.toContain(" 0 +");
      });
    });

    describe("REQ-NONNEG", () => {
      it("fires for a negative request cell; its sums are not reported again", () => {
        const k = "requests.results.granted.research";
        expect(only(validate(v, rebalance(v, { ...base, [k]: -1 }, "research")), "REQ-NONNEG")).toMatchObject({
          cells: [k],
          primaryCell: k,
          actual: -1,
        });
        // Without recomputing anything: still the one error.
        only(validate(v, { ...base, [k]: -1 }), "REQ-NONNEG");
      });
    });

    describe("RL totals", () => {
      const cases: [RuleId, string][] = [
        ["RL-REVIEW-TOTAL", "review"],
        ["RL-LITIGATION-DIRECT-TOTAL", "litigation.direct"],
        ["RL-LITIGATION-AFTERREVIEW-TOTAL", "litigation.afterReview"],
      ];
      for (const [ruleId, group] of cases) {
        it(`${ruleId} fires for a wrong printed total`, () => {
          const total = `reviewLitigation.${group}.total`;
          const cells = { ...base, [total]: base[total]! + 4 };
          const issue = only(validate(v, cells), ruleId);
          expect(issue.primaryCell).toBe(total);
          expect(issue.cells).toEqual([total, ...["upheld", "corrected", "other", "pending"].map((c) => `reviewLitigation.${group}.${c}`)]);
          expect([issue.expected, issue.actual]).toEqual([base[total], base[total]! + 4]);
          expect(issue.message).toContain("结果维持");
          expect(issue.message).toContain("相差 4");
          expect(issue.message.startsWith(group === "review" ? "行政复议：" : "行政诉讼·")).toBe(true);
        });
      }
    });

    describe("RL-NONNEG", () => {
      it("fires for a negative review/litigation cell", () => {
        const k = "reviewLitigation.litigation.afterReview.pending";
        expect(only(validate(v, withLeaves(v, base, { [k]: -2 })), "RL-NONNEG")).toMatchObject({ cells: [k], actual: -2 });
      });
    });

    describe("ACT-NONNEG", () => {
      it("fires for a negative count or amount", () => {
        const k = "active.art20_6.punishment.decisions";
        expect(only(validate(v, { ...base, [k]: -1 }), "ACT-NONNEG").primaryCell).toBe(k);
        const money = v === "2019" ? "active.art20_9.centralProcurement.totalAmount" : "active.art20_8.fees.amount";
        expect(only(validate(v, { ...base, [money]: -0.5 }), "ACT-NONNEG").message).toContain("不能为负数，实际为 -0.5");
      });
    });

    describe("type checks", () => {
      it("TYPE-INTEGER: a count must be an integer (and its totals are not reported again)", () => {
        const k = "requests.newReceived.natural";
        expect(only(validate(v, { ...base, [k]: 1.5 }), "TYPE-INTEGER")).toMatchObject({ cells: [k], actual: 1.5 });
        only(validate(v, withLeaves(v, base, { [k]: 1.5 })), "TYPE-INTEGER");
        // a result row reaches REQ-BALANCE only through （七）总计, which is then not usable either
        only(validate(v, withLeaves(v, base, { "requests.results.unable.needCreate.research": 0.5 })), "TYPE-INTEGER");
      });

      it("TYPE-DECIMAL: money has at most 4 decimals", () => {
        const money = v === "2019" ? "active.art20_9.centralProcurement.totalAmount" : "active.art20_8.fees.amount";
        expect(validate(v, { ...base, [money]: 12.3456 })).toEqual([]);
        expect(only(validate(v, { ...base, [money]: 12.34567 }), "TYPE-DECIMAL").primaryCell).toBe(money);
        only(validate(v, { ...base, [money]: 0.1 + 0.2 }), "TYPE-DECIMAL");
      });

      it("TYPE-RANGE: values above 1e12 are refused", () => {
        const k = "active.art20_5.licensing.decisions";
        expect(validate(v, { ...base, [k]: 1e12 })).toEqual([]);
        expect(only(validate(v, { ...base, [k]: 1e12 + 1 }), "TYPE-RANGE").actual).toBe(1e12 + 1);
        // A leaf out of range is reported once, not again for the totals it inflates.
        only(validate(v, withLeaves(v, base, { "reviewLitigation.review.upheld": 5e12 })), "TYPE-RANGE");
      });

      it("TYPE-NUMBER: not a finite number", () => {
        for (const bad of [Number.NaN, Infinity, "5" as unknown as number]) {
          only(validate(v, { ...base, "active.art20_5.licensing.decisions": bad }), "TYPE-NUMBER");
        }
      });
    });

    describe("REQ-CARRY-XYEAR", () => {
      /** last year's report whose 结转下年度 is exactly this year's 上年结转 */
      const previousOf = (pv: FormatVersion): NonNullable<ValidateOptions["previous"]> => ({
        formatVersion: pv,
        cells: consistentPrevious(v, base, pv),
      });

      for (const pv of FORMAT_VERSIONS) {
        it(`compares with a ${pv} previous report, as a warning, once`, () => {
          const previous = previousOf(pv);
          expect(validate(v, base, { previous })).toEqual([]);
          const changed = computeDerived(pv, {
            ...previous.cells,
            "requests.carriedForward.socialWelfare": previous.cells["requests.carriedForward.socialWelfare"]! + 5,
          });
          const issue = only(validate(v, base, { previous: { formatVersion: pv, cells: changed } }), "REQ-CARRY-XYEAR");
          expect(issue).toMatchObject({
            severity: "warning",
            cells: ["requests.carriedOver.socialWelfare"],
            previousCells: ["requests.carriedForward.socialWelfare"],
            expected: base["requests.carriedOver.socialWelfare"]! + 5,
            actual: base["requests.carriedOver.socialWelfare"],
          });
          expect(issue.message).toContain("“法人或其他组织·社会公益组织”列");
          // Across versions the active tables differ completely; only the carry-over columns are compared.
          // (consistentPrevious leaves the other version's active tables as validReport made them.)
          if (pv !== v) expect(previous.cells["active.art20_5.licensing.decisions"]).not.toBe(base["active.art20_5.licensing.decisions"]);
        });
      }

      it("does not fire without a previous report or when either year is blank", () => {
        const previous = previousOf(v);
        previous.cells["requests.carriedForward.natural"] = null;
        previous.cells["requests.carriedForward.total"] = null;
        expect(validate(v, base, { previous })).toEqual([]);
      });
    });
  });
}

describe("2019 active-table warnings", () => {
  const v = "2019";
  const base = validReport(v);

  it("ACT-PUBLISHED fires without a previous report", () => {
    const k = "active.art20_1.normativeDocs.totalPublished";
    const issue = only(validate(v, { ...base, [k]: 3 }), "ACT-PUBLISHED");
    expect(issue).toMatchObject({ severity: "warning", primaryCell: k, expected: 4, actual: 3 });
    expect(issue.cells).toEqual([k, "active.art20_1.normativeDocs.newlyPublished"]);
    expect(validate(v, { ...base, [k]: null })).toEqual([]);
  });

  it("ACT-ITEMS-XYEAR: 上一年项目数量 continues last year's 上一年项目数量 + 本年增/减", () => {
    const previous = { formatVersion: "2019" as const, cells: consistentPrevious(v, base, v) };
    expect(validate(v, base, { previous })).toEqual([]);

    const k = "active.art20_8.fees.prevYearItems";
    const cells = { ...base, [k]: base[k]! + 3 };
    expect(validate(v, cells)).toEqual([]); // soft, needs the previous report
    const issue = only(validate(v, cells, { previous }), "ACT-ITEMS-XYEAR");
    expect(issue).toMatchObject({ severity: "warning", cells: [k], expected: base[k], actual: base[k]! + 3 });
    expect(issue.message).toContain(`应为 上一年项目数量 ${previous.cells[k]} + 本年增/减 ${previous.cells["active.art20_8.fees.change"]} = ${base[k]}`);
    expect(issue.previousCells).toEqual([k, "active.art20_8.fees.change"]);
    expect(issue.message).toContain("第二十条第（八）项 行政事业性收费");

    // Against a 2021 report there are no item counts to compare.
    expect(validate(v, cells, { previous: { formatVersion: "2021", cells: consistentPrevious(v, base, "2021") } })).toEqual([]);
  });

  it("本年增/减 may be negative", () => {
    expect(validate(v, { ...base, "active.art20_5.licensing.change": -30 })).toEqual([]);
  });
});

describe("2021 active-table warnings", () => {
  const v = "2021";
  const base = validReport(v);

  it("ACT-INFORCE-XYEAR: 现行有效 = last year's 现行有效 + 制发 − 废止", () => {
    const previous = { formatVersion: "2021" as const, cells: consistentPrevious(v, base, v) };
    expect(previous.cells["active.art20_1.normativeDocs.inForce"]).toBe(58 - 6 + 2);
    expect(validate(v, base, { previous })).toEqual([]);

    const k = "active.art20_1.normativeDocs.inForce";
    const cells = { ...base, [k]: 60 };
    expect(validate(v, cells)).toEqual([]);
    const issue = only(validate(v, cells, { previous }), "ACT-INFORCE-XYEAR");
    expect(issue).toMatchObject({
      severity: "warning",
      primaryCell: k,
      cells: [k, "active.art20_1.normativeDocs.issued", "active.art20_1.normativeDocs.repealed"],
      previousCells: [k],
      expected: 58,
      actual: 60,
    });
    // A 2019 report has no 现行有效件数.
    expect(validate(v, cells, { previous: { formatVersion: "2019", cells: consistentPrevious(v, base, "2019") } })).toEqual([]);
  });

  it("only 2019 本年增/减 may be negative", () => {
    only(validate(v, { ...base, "active.art20_1.regulations.issued": -1 }), "ACT-NONNEG");
  });
});

describe("severity ordering", () => {
  it("a warning is reported alongside an error on the same cells", () => {
    const v = "2021";
    const base = validReport(v);
    const prev = consistentPrevious(v, base, v);
    // 上年结转 typed 5 too high: the balance breaks and last year's 结转下年度 disagrees; both are useful.
    const cells = withLeaves(v, base, { "requests.carriedOver.natural": base["requests.carriedOver.natural"]! + 5 });
    const issues = validate(v, cells, { previous: { formatVersion: v, cells: prev } });
    expect(issues.map((i) => [i.ruleId, i.severity])).toEqual([
      ["REQ-BALANCE", "error"],
      ["REQ-CARRY-XYEAR", "warning"],
    ]);
  });
});

describe("every issue", () => {
  it("names only cells of the report and a primary cell among them", () => {
    for (const v of FORMAT_VERSIONS) {
      const base = validReport(v);
      const messy = { ...base };
      leafKeys(v).forEach((k, i) => {
        if (i % 17 === 0) messy[k] = (base[k] ?? 0) + 1;
      });
      const issues = validate(v, messy);
      expect(issues.length).toBeGreaterThan(3);
      for (const i of issues) {
        expect(i.cells).toContain(i.primaryCell);
        expect(i.message).toMatch(/[\u4e00-\u9fff]/);
      }
      // one issue per cell and severity
      const seen = new Set<string>();
      for (const i of issues.filter((x) => x.severity === "error")) {
        for (const k of i.cells) {
          expect(seen.has(k), `${k} in two errors`).toBe(false);
          seen.add(k);
        }
      }
    }
  });

  it("ALL_COLS are the request columns", () => {
    expect(ALL_COLS).toHaveLength(7);
  });
});
