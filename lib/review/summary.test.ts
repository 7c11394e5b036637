import { describe, expect, it } from "vitest";
import { issueKey, validate } from "../format";
import { consistentPrevious, validReport } from "../format/test-fixtures";
import type { Issue } from "../format/types";
import { flagSummary, type FlagSummaryInput } from "./summary";

const warning = (ruleId: Issue["ruleId"], primaryCell: string): Issue => ({
  ruleId,
  severity: "warning",
  cells: [primaryCell],
  primaryCell,
  message: "",
});

const empty: FlagSummaryInput = { issues: [], explanations: {}, similarity: {}, jumps: [], numberMismatches: [] };

describe("flagSummary", () => {
  it("a clean report", () => {
    expect(flagSummary(empty)).toEqual({
      errors: 0,
      warnings: 0,
      explained: 0,
      largeJumps: 0,
      notableJumps: 0,
      maxSimilarity: 0,
      copiedSections: [],
      numberMismatches: 0,
      text: "无提示",
    });
  });

  it("the brief's example line", () => {
    const w1 = warning("REQ-CARRY-XYEAR", "requests.carriedOver.natural");
    const w2 = warning("ACT-PUBLISHED", "active.art20_1.normativeDocs.totalPublished");
    const s = flagSummary({
      issues: [w1, w2],
      explanations: { [issueKey(w1)]: "上年报告有误，已更正。", [issueKey(w2)]: "部分文件未公开。" },
      similarity: { s1_overall: 0.78, s5_problems: 0.2 },
      jumps: [{ severity: "large" }, { severity: "large" }, { severity: "notable" }, { severity: "large" }],
      numberMismatches: [],
    });
    expect(s).toMatchObject({ warnings: 2, explained: 2, largeJumps: 3, notableJumps: 1, maxSimilarity: 0.78 });
    expect(s.copiedSections).toEqual(["s1_overall"]);
    expect(s.text).toBe("2条提示（已说明2条）· 3处大幅变化 · 第一部分与上年重复78%");
  });

  it("counts only non-blank explanations of warnings, errors apart", () => {
    const w1 = warning("REQ-CARRY-XYEAR", "requests.carriedOver.total");
    const w2 = warning("ACT-INFORCE-XYEAR", "active.art20_1.normativeDocs.inForce");
    const err: Issue = { ...warning("REQ-BALANCE", "requests.carriedForward.total"), severity: "error" };
    const s = flagSummary({
      ...empty,
      issues: [w1, w2, err],
      explanations: { [issueKey(w1)]: "  ", [issueKey(w2)]: "已核实", [issueKey(err)]: "不应计入" },
      numberMismatches: 2,
    });
    expect(s).toMatchObject({ errors: 1, warnings: 2, explained: 1, numberMismatches: 2 });
    expect(s.text).toBe("1处错误 · 2条提示（已说明1条）· 2处数字与表格不符");
  });

  it("names several copied sections in official order with the highest share; 60% is copied, 59.9% is not", () => {
    const s = flagSummary({
      ...empty,
      similarity: { s5_problems: 0.999, s1_overall: 0.6, s3_requests: 0.599, s6_other: 0.61 },
    });
    expect(s.copiedSections).toEqual(["s1_overall", "s5_problems", "s6_other"]);
    expect(s.maxSimilarity).toBe(0.999);
    expect(s.text).toBe("第一、五、六部分与上年重复（最高99%）");
  });

  it("works with validate() output of a real cross-year warning", () => {
    const cur = validReport("2021");
    const prev = consistentPrevious("2021", cur, "2021");
    prev["requests.carriedForward.natural"] = (prev["requests.carriedForward.natural"] ?? 0) + 1;
    const issues = validate("2021", cur, { previous: { formatVersion: "2021", cells: prev } });
    expect(issues.length).toBeGreaterThan(0);
    const s = flagSummary({ ...empty, issues, explanations: { [issueKey(issues[0])]: "上年数据有误" } });
    expect(s.warnings).toBe(issues.length);
    expect(s.explained).toBe(1);
    expect(s.text).toBe(`${issues.length}条提示（已说明1条）`);
  });
});
