/** Chinese wording of rules and issues, kept apart from the checking logic so wording can change alone. */
import type { RuleId, Severity } from "./types";

export interface RuleInfo {
  readonly id: RuleId;
  /** short Chinese title, for lists and for the clerk's explanations of warnings */
  readonly title: string;
  readonly severity: Severity;
  /** printed on / implied by the official table, as opposed to a plausibility check */
  readonly official: boolean;
  /** needs the previous year's report */
  readonly crossYear: boolean;
}

const rule = (id: RuleId, title: string, severity: Severity, official: boolean, crossYear = false): RuleInfo => ({
  id,
  title,
  severity,
  official,
  crossYear,
});

export const RULES: Readonly<Record<RuleId, RuleInfo>> = {
  "TYPE-NUMBER": rule("TYPE-NUMBER", "应为数字", "error", true),
  "TYPE-RANGE": rule("TYPE-RANGE", "数值超出范围", "error", true),
  "TYPE-INTEGER": rule("TYPE-INTEGER", "数量应为整数", "error", true),
  "TYPE-DECIMAL": rule("TYPE-DECIMAL", "金额最多 4 位小数", "error", true),
  "REQ-NONNEG": rule("REQ-NONNEG", "申请情况各项不能为负数", "error", true),
  "RL-NONNEG": rule("RL-NONNEG", "复议诉讼各项不能为负数", "error", true),
  "ACT-NONNEG": rule("ACT-NONNEG", "主动公开各项不能为负数", "error", true),
  "RL-REVIEW-TOTAL": rule("RL-REVIEW-TOTAL", "行政复议总计等于各项之和", "error", true),
  "RL-LITIGATION-DIRECT-TOTAL": rule("RL-LITIGATION-DIRECT-TOTAL", "未经复议直接起诉总计等于各项之和", "error", true),
  "RL-LITIGATION-AFTERREVIEW-TOTAL": rule("RL-LITIGATION-AFTERREVIEW-TOTAL", "复议后起诉总计等于各项之和", "error", true),
  "REQ-ROWSUM": rule("REQ-ROWSUM", "每行总计等于各类申请人之和", "error", true),
  "REQ-RESULTS-TOTAL": rule("REQ-RESULTS-TOTAL", "（七）总计等于各项办理结果之和", "error", true),
  "REQ-BALANCE": rule("REQ-BALANCE", "本年新收 + 上年结转 = 办理结果总计 + 结转下年度", "error", true),
  "ACT-PUBLISHED": rule("ACT-PUBLISHED", "对外公开总数量不少于本年新公开数量", "warning", false),
  "ACT-ITEMS-XYEAR": rule("ACT-ITEMS-XYEAR", "上一年项目数量与上年报告衔接", "warning", false, true),
  "ACT-INFORCE-XYEAR": rule("ACT-INFORCE-XYEAR", "现行有效件数与上年报告衔接", "warning", false, true),
  "REQ-CARRY-XYEAR": rule("REQ-CARRY-XYEAR", "上年结转等于上年报告的结转下年度", "warning", true, true),
};

export const fmt = (n: number): string => (Object.is(n, -0) ? "0" : String(n));

/** "6 + 2" style term with a name; a blank cell is shown as counted (0) and as blank. */
export const term = (name: string, value: number | null): string =>
  value === null ? `${name} 0（未填）` : `${name} ${fmt(value)}`;

/**
 * Terms of a sum. Long sums (the 19–21 result rows) list only the terms that are not 0, and at most
 * `maxTerms` of those, with the rest added up, so the message stays readable and the arithmetic checkable.
 */
export function sumExpression(terms: { name: string; value: number | null }[], maxListed = 6, maxTerms = 6): string {
  if (terms.length <= maxListed) return terms.map((t) => term(t.name, t.value)).join(" + ");
  const nonZero = terms.filter((t) => t.value !== null && t.value !== 0);
  if (nonZero.length === 0) return "各项均为 0 或未填";
  const listed = nonZero.slice(0, maxTerms).map((t) => term(t.name, t.value));
  const rest = nonZero.slice(maxTerms);
  if (rest.length > 0) listed.push(`其余 ${rest.length} 项合计 ${fmt(rest.reduce((s, t) => s + (t.value ?? 0), 0))}`);
  return `${listed.join(" + ")}（未列出的各项为 0 或未填）`;
}

export const MESSAGES = {
  notANumber: (label: string) => `“${label}”不是有效的数字`,
  tooLarge: (label: string, v: number) => `“${label}”数值过大：${fmt(v)}，不能超过 1,000,000,000,000`,
  notInteger: (label: string, v: number) => `“${label}”应为整数，实际为 ${fmt(v)}`,
  tooManyPlaces: (label: string, v: number) => `“${label}”最多保留 4 位小数，实际为 ${fmt(v)}`,
  negative: (label: string, v: number) => `“${label}”不能为负数，实际为 ${fmt(v)}`,

  /** a printed total that is not the sum of its parts */
  sum: (where: string, expr: string, expected: number, totalName: string, actual: number) =>
    `${where}：${expr} = ${fmt(expected)}，但${totalName}为 ${fmt(actual)}，相差 ${fmt(Math.abs(expected - actual))}`,

  balance: (column: string, lhs: string, l: number, rhs: string, r: number) =>
    `“${column}”列不平衡：${lhs} = ${fmt(l)}，应等于${rhs} = ${fmt(r)}，相差 ${fmt(Math.abs(l - r))}`,

  published: (row: string, total: number, newly: number) =>
    `“${row}”：对外公开总数量 ${fmt(total)} 少于本年新公开数量 ${fmt(newly)}，总数量应包含本年新公开的文件`,

  carry: (column: string, actual: number, expected: number) =>
    `“${column}”列：本年“上年结转” ${fmt(actual)}，与上一年度报告的“结转下年度继续办理” ${fmt(expected)} 不一致，相差 ${fmt(Math.abs(actual - expected))}`,

  items: (row: string, actual: number, prevItems: number, prevChange: number | null, expected: number) =>
    `“${row}”：本年“上一年项目数量” ${fmt(actual)}，按上一年度报告应为 上一年项目数量 ${fmt(prevItems)} + 本年增/减 ${prevChange === null ? "0（未填）" : fmt(prevChange)} = ${fmt(expected)}，相差 ${fmt(Math.abs(actual - expected))}`,

  inForce: (row: string, actual: number, prev: number, issued: number | null, repealed: number | null, expected: number) =>
    `“${row}”：现行有效件数 ${fmt(actual)}，按上一年度现行有效件数 ${fmt(prev)} + ${term("本年制发", issued)} − ${term("本年废止", repealed)} 应为 ${fmt(expected)}，相差 ${fmt(Math.abs(actual - expected))}（修订、失效等情况可能导致不一致，请核实）`,
} as const;
