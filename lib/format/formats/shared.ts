/**
 * The request table (三) and the review/litigation table (四) are identical in both versions except for the
 * （六）其他处理 rows, so they are written once here and each version passes its （六） rows in.
 */
import type { ColumnDef, RowDef, TableSpec } from "../types";

const THREE = "三、本年度办理结果";

const REQUEST_COLUMNS_LEAF: ColumnDef[] = [
  { key: "natural", label: "自然人", groups: [], type: "int", unit: "件" },
  { key: "commercial", label: "商业企业", groups: ["法人或其他组织"], type: "int", unit: "件" },
  { key: "research", label: "科研机构", groups: ["法人或其他组织"], type: "int", unit: "件" },
  { key: "socialWelfare", label: "社会公益组织", groups: ["法人或其他组织"], type: "int", unit: "件" },
  { key: "legalService", label: "法律服务机构", groups: ["法人或其他组织"], type: "int", unit: "件" },
  { key: "otherOrg", label: "其他", groups: ["法人或其他组织"], type: "int", unit: "件" },
];

const REQUEST_COLUMNS: ColumnDef[] = [
  ...REQUEST_COLUMNS_LEAF,
  {
    key: "total",
    label: "总计",
    groups: [],
    type: "int",
    unit: "件",
    sum: { of: REQUEST_COLUMNS_LEAF.map((c) => c.key), ruleId: "REQ-ROWSUM" },
  },
];

const group = (groups: string[], items: [key: string, label: string][]): RowDef[] =>
  items.map(([key, label]) => ({ key, label, groups }));

const RESULT_ROWS_BEFORE_OTHER: RowDef[] = [
  { key: "results.granted", label: "（一）予以公开", groups: [THREE] },
  {
    key: "results.partial",
    label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    groups: [THREE],
    shortLabel: "（二）部分公开",
  },
  ...group(
    [THREE, "（三）不予公开"],
    [
      ["results.denied.stateSecret", "1.属于国家秘密"],
      ["results.denied.lawForbidden", "2.其他法律行政法规禁止公开"],
      ["results.denied.safetyStability", "3.危及“三安全一稳定”"],
      ["results.denied.thirdParty", "4.保护第三方合法权益"],
      ["results.denied.internalAffairs", "5.属于三类内部事务信息"],
      ["results.denied.processInfo", "6.属于四类过程性信息"],
      ["results.denied.enforcementFile", "7.属于行政执法案卷"],
      ["results.denied.adminQuery", "8.属于行政查询事项"],
    ],
  ),
  ...group(
    [THREE, "（四）无法提供"],
    [
      ["results.unable.notHeld", "1.本机关不掌握相关政府信息"],
      ["results.unable.needCreate", "2.没有现成信息需要另行制作"],
      ["results.unable.stillUnclear", "3.补正后申请内容仍不明确"],
    ],
  ),
  ...group(
    [THREE, "（五）不予处理"],
    [
      ["results.notProcessed.petition", "1.信访举报投诉类申请"],
      ["results.notProcessed.repeat", "2.重复申请"],
      ["results.notProcessed.publication", "3.要求提供公开出版物"],
      ["results.notProcessed.massive", "4.无正当理由大量反复申请"],
      ["results.notProcessed.confirm", "5.要求行政机关确认或重新出具已获取信息"],
    ],
  ),
];

export const REQUESTS_HEADER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/** `otherRows`: the （六）其他处理 row(s) of the version, already carrying their groups. */
export function requestsTable(otherRows: RowDef[]): TableSpec {
  const resultRows = [...RESULT_ROWS_BEFORE_OTHER, ...otherRows];
  return {
    id: "requests",
    section: "s3_requests",
    caption: null,
    firstColumnHeader: null,
    headerNote: REQUESTS_HEADER_NOTE,
    columnHeader: "申请人情况",
    nonNegativeRuleId: "REQ-NONNEG",
    columns: REQUEST_COLUMNS,
    rows: [
      { key: "newReceived", label: "一、本年新收政府信息公开申请数量", groups: [], shortLabel: "本年新收" },
      { key: "carriedOver", label: "二、上年结转政府信息公开申请数量", groups: [], shortLabel: "上年结转" },
      ...resultRows,
      {
        key: "results.total",
        label: "（七）总计",
        groups: [THREE],
        shortLabel: "办理结果总计",
        sum: { of: resultRows.map((r) => r.key), ruleId: "REQ-RESULTS-TOTAL" },
      },
      { key: "carriedForward", label: "四、结转下年度继续办理", groups: [], shortLabel: "结转下年度" },
    ],
    balance: {
      ruleId: "REQ-BALANCE",
      lhs: ["newReceived", "carriedOver"],
      rhs: ["results.total", "carriedForward"],
    },
  };
}

export const OTHER_2019: RowDef[] = [{ key: "results.other", label: "（六）其他处理", groups: [THREE] }];

export const OTHER_2021: RowDef[] = [
  {
    key: "results.other.noCorrection",
    label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    groups: [THREE, "（六）其他处理"],
    shortLabel: "（六）其他处理 1.逾期不补正",
  },
  {
    key: "results.other.noFeePaid",
    label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    groups: [THREE, "（六）其他处理"],
    shortLabel: "（六）其他处理 2.逾期未缴纳费用",
  },
  { key: "results.other.other", label: "3.其他", groups: [THREE, "（六）其他处理"] },
];

const RL_GROUPS: { key: string; groups: string[]; ruleId: "RL-REVIEW-TOTAL" | "RL-LITIGATION-DIRECT-TOTAL" | "RL-LITIGATION-AFTERREVIEW-TOTAL" }[] = [
  { key: "review", groups: ["行政复议"], ruleId: "RL-REVIEW-TOTAL" },
  { key: "litigation.direct", groups: ["行政诉讼", "未经复议直接起诉"], ruleId: "RL-LITIGATION-DIRECT-TOTAL" },
  { key: "litigation.afterReview", groups: ["行政诉讼", "复议后起诉"], ruleId: "RL-LITIGATION-AFTERREVIEW-TOTAL" },
];

const RL_OUTCOMES: [key: string, label: string][] = [
  ["upheld", "结果维持"],
  ["corrected", "结果纠正"],
  ["other", "其他结果"],
  ["pending", "尚未审结"],
];

/** One unlabelled row of 15 cells under a three-level header (spec §5). */
export const REVIEW_LITIGATION: TableSpec = {
  id: "reviewLitigation",
  section: "s4_reviewLitigation",
  caption: null,
  firstColumnHeader: null,
  headerNote: null,
  columnHeader: null,
  nonNegativeRuleId: "RL-NONNEG",
  rows: [{ key: "", label: "", groups: [] }],
  columns: RL_GROUPS.flatMap(({ key, groups, ruleId }): ColumnDef[] => [
    ...RL_OUTCOMES.map(([k, label]): ColumnDef => ({ key: `${key}.${k}`, label, groups, type: "int", unit: "件" })),
    {
      key: `${key}.total`,
      label: "总计",
      groups,
      type: "int",
      unit: "件",
      sum: { of: RL_OUTCOMES.map(([k]) => `${key}.${k}`), ruleId },
    },
  ]),
};
