/** 《中华人民共和国政府信息公开工作年度报告格式（试行）》 (国办公开办函〔2019〕60号), report years 2019–2020. */
import type { ColumnDef, FormatDef, TableSpec } from "../types";
import { buildTable } from "./build";
import { OTHER_2019, REVIEW_LITIGATION, requestsTable } from "./shared";

const ITEMS_COLUMNS: ColumnDef[] = [
  { key: "prevYearItems", label: "上一年项目数量", groups: [], type: "int", unit: "项" },
  { key: "change", label: "本年增/减", groups: [], type: "signedInt", unit: "项" },
];

const DECISIONS: ColumnDef = { key: "decisions", label: "处理决定数量", groups: [], type: "int", unit: "件" };

const ACTIVE = { section: "s2_active", firstColumnHeader: "信息内容", headerNote: null, columnHeader: null, nonNegativeRuleId: "ACT-NONNEG" } as const;

const TABLES: TableSpec[] = [
  {
    ...ACTIVE,
    id: "active.art20_1",
    caption: "第二十条第（一）项",
    rows: [
      { key: "regulations", label: "规章", groups: [] },
      { key: "normativeDocs", label: "规范性文件", groups: [] },
      {
        key: "otherActiveDocs",
        label: "其他主动公开文件",
        groups: [],
        optional: true,
        note: "local extension, not in the national format (assumption)",
      },
    ],
    columns: [
      { key: "newlyMade", label: "本年新制作数量", groups: [], type: "int", unit: "件" },
      { key: "newlyPublished", label: "本年新公开数量", groups: [], type: "int", unit: "件" },
      { key: "totalPublished", label: "对外公开总数量", groups: [], type: "int", unit: "件" },
    ],
  },
  {
    ...ACTIVE,
    id: "active.art20_5",
    caption: "第二十条第（五）项",
    rows: [
      { key: "licensing", label: "行政许可", groups: [] },
      { key: "otherServices", label: "其他对外管理服务事项", groups: [] },
    ],
    columns: [...ITEMS_COLUMNS, DECISIONS],
  },
  {
    ...ACTIVE,
    id: "active.art20_6",
    caption: "第二十条第（六）项",
    rows: [
      { key: "punishment", label: "行政处罚", groups: [] },
      { key: "coercion", label: "行政强制", groups: [] },
    ],
    columns: [...ITEMS_COLUMNS, DECISIONS],
  },
  {
    ...ACTIVE,
    id: "active.art20_8",
    caption: "第二十条第（八）项",
    rows: [{ key: "fees", label: "行政事业性收费", groups: [] }],
    columns: ITEMS_COLUMNS,
  },
  {
    ...ACTIVE,
    id: "active.art20_9",
    caption: "第二十条第（九）项",
    rows: [{ key: "centralProcurement", label: "政府集中采购", groups: [] }],
    columns: [
      { key: "projects", label: "采购项目数量", groups: [], type: "int", unit: "项" },
      {
        key: "totalAmount",
        label: "采购总金额",
        groups: [],
        type: "decimal",
        // The header gives no unit; decisions.md stores 元 (a bare number in a document is 元).
        unit: "元",
        note: "the header gives no unit; a bare number is 元, and cells written with 万元/万 are converted to 元",
      },
    ],
  },
  requestsTable(OTHER_2019),
  REVIEW_LITIGATION,
];

export const FORMAT_2019: FormatDef = {
  version: "2019",
  document: "《中华人民共和国政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号",
  reportYears: { from: 2019, to: 2020 },
  tables: TABLES.map((t) => buildTable("2019", t)),
};
