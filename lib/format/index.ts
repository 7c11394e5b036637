/**
 * The format engine: the two official table formats of the 政府信息公开工作年度报告 as data, and everything
 * computed from them. Pure TypeScript (zod only), safe in the browser and on the server. See README.md.
 */
export type {
  BalanceDef,
  CellDef,
  CellMap,
  CellType,
  ColumnDef,
  FormatDef,
  FormatVersion,
  Issue,
  RowDef,
  RuleId,
  SectionKey,
  Severity,
  SumDef,
  TableDef,
  TableId,
  TableSpec,
  Unit,
} from "./types";
export { SECTIONS, SECTION_KEYS, sectionDef, type SectionDef } from "./sections";
export {
  FORMATS,
  FORMAT_VERSIONS,
  allCellDefs,
  allKeys,
  cellDef,
  derivedKeys,
  formatForYear,
  getFormat,
  getTable,
  isFormatVersion,
  leafKeys,
  optionalKeys,
  sectionTables,
} from "./registry";
export { cellKeyOf } from "./formats/build";
export { tableLayout, type LayoutCell, type LayoutOptions, type TableLayout } from "./layout";
export { blankLeafCells, computeDerived, sumOfLeaves } from "./derive";
export { validate, type ValidateOptions } from "./rules";
export { RULES, type RuleInfo } from "./messages";
export { MAX_ABS_VALUE, formatCellValue, parseCellInput, type FormatOptions, type ParseResult } from "./input";
export { SECTION_MAX_LENGTH, cellValueSchema, cellsSchema, sectionTextSchema, sectionsSchema, type Sections } from "./schema";
export {
  COMPARABLE_SERIES,
  RATES,
  rates,
  seriesById,
  seriesValue,
  type RateDef,
  type Rates,
  type Series,
} from "./compare";
export { prefillFromPrevious, type Prefill } from "./prefill";
export { issueKey } from "./explanations";
