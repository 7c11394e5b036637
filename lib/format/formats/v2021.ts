/** 《中华人民共和国政府信息公开工作年度报告格式》 (国办公开办函〔2021〕30号), report years 2021 onward. */
import type { ColumnDef, FormatDef, TableSpec } from "../types";
import { buildTable } from "./build";
import { OTHER_2021, REVIEW_LITIGATION, requestsTable } from "./shared";

const DECISIONS: ColumnDef = { key: "decisions", label: "本年处理决定数量", groups: [], type: "int", unit: "件" };

const ACTIVE = { section: "s2_active", firstColumnHeader: "信息内容", headerNote: null, columnHeader: null, nonNegativeRuleId: "ACT-NONNEG" } as const;

const TABLES: TableSpec[] = [
  {
    ...ACTIVE,
    id: "active.art20_1",
    caption: "第二十条第（一）项",
    rows: [
      { key: "regulations", label: "规章", groups: [] },
      { key: "normativeDocs", label: "行政规范性文件", groups: [] },
    ],
    columns: [
      { key: "issued", label: "本年制发件数", groups: [], type: "int", unit: "件" },
      { key: "repealed", label: "本年废止件数", groups: [], type: "int", unit: "件" },
      { key: "inForce", label: "现行有效件数", groups: [], type: "int", unit: "件" },
    ],
  },
  {
    ...ACTIVE,
    id: "active.art20_5",
    caption: "第二十条第（五）项",
    rows: [{ key: "licensing", label: "行政许可", groups: [] }],
    columns: [DECISIONS],
  },
  {
    ...ACTIVE,
    id: "active.art20_6",
    caption: "第二十条第（六）项",
    rows: [
      { key: "punishment", label: "行政处罚", groups: [] },
      { key: "coercion", label: "行政强制", groups: [] },
    ],
    columns: [DECISIONS],
  },
  {
    ...ACTIVE,
    id: "active.art20_8",
    caption: "第二十条第（八）项",
    rows: [{ key: "fees", label: "行政事业性收费", groups: [] }],
    columns: [{ key: "amount", label: "本年收费金额（单位：万元）", groups: [], type: "decimal", unit: "万元" }],
  },
  requestsTable(OTHER_2021),
  REVIEW_LITIGATION,
];

export const FORMAT_2021: FormatDef = {
  version: "2021",
  document: "《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号 (2021-09-26)",
  reportYears: { from: 2021, to: null },
  tables: TABLES.map((t) => buildTable("2021", t)),
};
