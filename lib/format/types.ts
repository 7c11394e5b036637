/**
 * Types of the format engine. The two official formats are plain data (formats/v2019.ts, formats/v2021.ts)
 * described by these types; everything else (layout, derivation, validation, input parsing, schemas) is
 * computed from that data, so a table layout is written exactly once.
 */

export type FormatVersion = "2019" | "2021";

export type SectionKey =
  | "s1_overall"
  | "s2_active"
  | "s3_requests"
  | "s4_reviewLitigation"
  | "s5_problems"
  | "s6_other";

/** int: count ≥ 0; signedInt: count that may be negative (2019 本年增/减 only); decimal: money ≥ 0, ≤ 4 places. */
export type CellType = "int" | "signedInt" | "decimal";

export type Unit = "件" | "项" | "元" | "万元";

export type RuleId =
  | "REQ-BALANCE"
  | "REQ-ROWSUM"
  | "REQ-RESULTS-TOTAL"
  | "REQ-NONNEG"
  | "REQ-CARRY-XYEAR"
  | "RL-REVIEW-TOTAL"
  | "RL-LITIGATION-DIRECT-TOTAL"
  | "RL-LITIGATION-AFTERREVIEW-TOTAL"
  | "RL-NONNEG"
  | "ACT-NONNEG"
  | "ACT-ITEMS-XYEAR"
  | "ACT-INFORCE-XYEAR"
  | "ACT-PUBLISHED"
  // Cell type checks. Not in the spec's rule list (the spec folds them into *-NONNEG's "integer ≥ 0");
  // kept separate so that a message can say exactly what is wrong with the value.
  | "TYPE-NUMBER"
  | "TYPE-RANGE"
  | "TYPE-INTEGER"
  | "TYPE-DECIMAL";

export type Severity = "error" | "warning";

/** A derived cell is the sum of sibling cells in the same row (a sum column) or column (a sum row). */
export interface SumDef {
  /** keys of the sibling columns (for a sum column) or rows (for a sum row) that are added up */
  readonly of: readonly string[];
  /** the rule that checks a printed total against its parts */
  readonly ruleId: RuleId;
}

export interface ColumnDef {
  readonly key: string;
  readonly label: string;
  /** header group labels above this column, outermost first (the table-wide columnHeader is not repeated here) */
  readonly groups: readonly string[];
  readonly type: CellType;
  readonly unit: Unit;
  readonly sum?: SumDef;
  readonly note?: string;
}

export interface RowDef {
  readonly key: string;
  readonly label: string;
  /** row-header group labels to the left of this row's label, outermost first; each becomes a rowspan cell */
  readonly groups: readonly string[];
  /** short name used inside messages (e.g. 本年新收) */
  readonly shortLabel?: string;
  /** a row some reports add but that is not part of the national format (2019 其他主动公开文件) */
  readonly optional?: boolean;
  readonly sum?: SumDef;
  readonly note?: string;
}

/** For every column c: Σ lhs rows == Σ rhs rows (the 勾稽关系 printed on the request table). */
export interface BalanceDef {
  readonly ruleId: RuleId;
  readonly lhs: readonly string[];
  readonly rhs: readonly string[];
}

export type TableId =
  | "active.art20_1"
  | "active.art20_5"
  | "active.art20_6"
  | "active.art20_8"
  | "active.art20_9"
  | "requests"
  | "reviewLitigation";

/** What a format file writes down; cells are generated from it (see formats/build.ts). */
export interface TableSpec {
  readonly id: TableId;
  readonly section: SectionKey;
  readonly caption: string | null;
  /** text of the top-left header cell of tables whose rows are labelled (信息内容) */
  readonly firstColumnHeader: string | null;
  /** the 勾稽关系 note printed in the top-left header cell of the request table */
  readonly headerNote: string | null;
  /** one header spanning every value column (申请人情况) */
  readonly columnHeader: string | null;
  readonly rows: readonly RowDef[];
  readonly columns: readonly ColumnDef[];
  /** rule reported when a cell of this table is negative although its type forbids it */
  readonly nonNegativeRuleId: RuleId;
  readonly balance?: BalanceDef;
}

export interface TableDef extends TableSpec {
  readonly version: FormatVersion;
  /** every cell, row-major in official order, including cells of optional rows */
  readonly cells: readonly CellDef[];
}

export interface CellDef {
  /** the spec key, e.g. "requests.results.denied.stateSecret.total" */
  readonly key: string;
  readonly tableId: TableId;
  /** "" for the single unlabelled row of the reviewLitigation table */
  readonly rowKey: string;
  readonly colKey: string;
  readonly rowLabel: string;
  readonly colLabel: string;
  readonly rowGroups: readonly string[];
  readonly colGroups: readonly string[];
  /** human label for messages, e.g. "三、本年度办理结果（三）不予公开 1.属于国家秘密 / 总计" */
  readonly label: string;
  readonly type: CellType;
  readonly unit: Unit;
  readonly derived: boolean;
  /** direct parts of a derived cell; for a cell that is both in a sum row and a sum column
   *  (（七）总计 / 总计) these are the row-wise parts, as REQ-ROWSUM checks them */
  readonly parts?: readonly string[];
  /** all leaf cells a derived cell ultimately adds up */
  readonly leafParts?: readonly string[];
  /** the rule that checks this derived cell against `parts` */
  readonly sumRuleId?: RuleId;
  readonly optional: boolean;
}

export interface FormatDef {
  readonly version: FormatVersion;
  readonly document: string;
  readonly reportYears: { readonly from: number; readonly to: number | null };
  readonly tables: readonly TableDef[];
}

/** Values of a report's cells by key. null = blank, which is NOT zero. */
export type CellMap = Record<string, number | null>;

export interface Issue {
  readonly ruleId: RuleId;
  readonly severity: Severity;
  /** every cell of the report being validated that the rule involves, so a UI can mark each */
  readonly cells: string[];
  readonly primaryCell: string;
  /** Simplified Chinese, says where, what was expected and what was found */
  readonly message: string;
  readonly expected?: number;
  readonly actual?: number;
  /** for cross-year rules: the cells of the previous year's report that were compared */
  readonly previousCells?: string[];
}
