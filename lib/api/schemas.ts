// Response shapes as zod schemas, registered under the names the OpenAPI document gives them
// (components.schemas). The document is generated from these, and the tests validate real responses against the
// document, so a field added to a query but not here fails a test instead of silently drifting.
import { z } from "zod";
import { ERROR_CODE_LABELS, ERROR_CODES } from "./errors";

/** Names of the shared schemas in the OpenAPI document. */
export const apiSchemas = z.registry<{ id: string }>();

function named<T extends z.ZodType>(id: string, schema: T): T {
  apiSchemas.add(schema, { id });
  return schema;
}

export const AGENCY_KINDS = ["GOVERNMENT", "DEPARTMENT", "TOWNSHIP", "SUBDISTRICT", "OTHER"] as const;
export const REPORT_SCOPES = ["OWN", "SUMMARY"] as const;
export const FORMAT_VERSION_VALUES = ["2019", "2021"] as const;

const id = () => z.int().min(1).max(2_147_483_647);
const timestamp = (description: string) => z.iso.datetime().nullable().meta({ description: `${description}（ISO 8601，UTC）` });

export const AgencyKind = named(
  "AgencyKind",
  z.enum(AGENCY_KINDS).meta({ description: "机关类别：GOVERNMENT 人民政府，DEPARTMENT 政府部门，TOWNSHIP 乡镇人民政府，SUBDISTRICT 街道办事处，OTHER 其他机关" }),
);
export const ReportScope = named("ReportScope", z.enum(REPORT_SCOPES).meta({ description: "报告类型：OWN 本机关报告，SUMMARY 本行政区域汇总报告" }));
export const FormatVersion = named(
  "FormatVersion",
  z.enum(FORMAT_VERSION_VALUES).meta({ description: "表格格式：2019 为 2019—2020 年度适用的试行格式，2021 为 2021 年度起适用的格式" }),
);

export const CellValues = named(
  "CellValues",
  z.record(z.string(), z.number().nullable()).meta({
    description: "单元格代码 → 数值。null 表示空白（未填），不等于 0。金额为精确值，单位见 units；其余为件数或项数",
  }),
);
export const MoneyUnits = named(
  "MoneyUnits",
  z.record(z.string(), z.enum(["元", "万元"])).meta({
    description: "本响应中金额单元格的单位（2019 格式采购总金额为元，2021 格式收费金额为万元），数值按此单位原样给出，未做换算",
  }),
);

export const Region = named(
  "Region",
  z.object({
    code: z.string().meta({ description: "统计用区划代码：省 2 位，地 4 位，县 6 位，乡 9 位" }),
    name: z.string(),
    level: z.int().min(1).max(4).meta({ description: "1 省级，2 地级，3 县级，4 乡级" }),
    parent_code: z.string().nullable(),
  }),
);
export const RegionDetail = named("RegionDetail", Region.extend({ ancestors: z.array(Region).meta({ description: "上级地区，由省级向下" }) }));

export const AgencyRef = named(
  "AgencyRef",
  z.object({ id: id(), name: z.string(), kind: AgencyKind, region_code: z.string().meta({ description: "机关所在地区的区划代码" }) }),
);
export const Agency = named("Agency", AgencyRef.extend({ parent_id: id().nullable().meta({ description: "上级机关（部门所属的人民政府）" }) }));

export const AgencyReport = named(
  "AgencyReport",
  z.object({
    id: id(),
    year: z.int(),
    format_version: FormatVersion,
    scope: ReportScope,
    published_at: timestamp("首次发布时间"),
    revision: z.int().min(1).meta({ description: "现行（最新发布）版本号" }),
  }),
);
export const AgencyDetail = named(
  "AgencyDetail",
  Agency.extend({
    region_name: z.string(),
    parent: z.object({ id: id(), name: z.string() }).nullable(),
    reports: z.array(AgencyReport).meta({ description: "该机关已发布的年度报告，按年度由近及远" }),
  }),
);

export const ReportSummary = named(
  "ReportSummary",
  z.object({
    id: id(),
    agency: AgencyRef,
    year: z.int().meta({ description: "报告年度" }),
    format_version: FormatVersion,
    scope: ReportScope,
    published_at: timestamp("首次发布时间"),
    revision: z.int().min(1).meta({ description: "版本号（1 为首次发布，更正后递增）" }),
    revision_published_at: timestamp("该版本的发布时间"),
  }),
);

export const RevisionInfo = named(
  "RevisionInfo",
  z.object({
    number: z.int().min(1),
    published_at: timestamp("发布时间"),
    reason: z.string().nullable().meta({ description: "更正原因（首次发布为 null）" }),
  }),
);

export const Sections = named(
  "Sections",
  z
    .object({
      s1_overall: z.string(),
      s2_active: z.string(),
      s3_requests: z.string(),
      s4_reviewLitigation: z.string(),
      s5_problems: z.string(),
      s6_other: z.string(),
    })
    .meta({ description: "报告正文六个部分的文字（一段一行）：一、总体情况 … 六、其他需要报告的事项" }),
);

export const ReportDetail = named(
  "ReportDetail",
  ReportSummary.extend({
    is_latest: z.boolean().meta({ description: "是否为现行版本（以 rev 查询历史版本时为 false）" }),
    revision_reason: z.string().nullable(),
    sections: Sections,
    cells: CellValues,
    units: MoneyUnits,
    revisions: z.array(RevisionInfo).meta({ description: "全部已发布版本，按版本号由新到旧" }),
  }),
);

export const ReportCells = named(
  "ReportCells",
  z.object({
    id: id(),
    year: z.int(),
    format_version: FormatVersion,
    revision: z.int().min(1),
    cells: CellValues,
    units: MoneyUnits,
  }),
);

export const CellsRow = named(
  "CellsRow",
  z.object({
    report_id: id(),
    agency: AgencyRef,
    year: z.int(),
    format_version: FormatVersion,
    scope: ReportScope,
    revision: z.int().min(1),
    cells: CellValues,
  }).meta({ description: "一份报告一行。cells 为所请求的单元格（未指定 keys 时为全部）；报告格式中没有的单元格不出现，空白为 null" }),
);

export const CellKey = named(
  "CellKey",
  z.object({
    format_version: FormatVersion,
    key: z.string().meta({ description: "单元格代码" }),
    table: z.string().meta({ description: "所在表格代码" }),
    table_caption: z.string().nullable().meta({ description: "表格标题（如 第二十条第（一）项）" }),
    section: z.string().meta({ description: "所在部分代码（s2_active 等）" }),
    section_heading: z.string().meta({ description: "所在部分标题" }),
    row_label: z.string().meta({ description: "行标签" }),
    row_groups: z.array(z.string()).meta({ description: "行标签的上级分组，由外向内" }),
    column_label: z.string().meta({ description: "列标签" }),
    column_groups: z.array(z.string()).meta({ description: "列标签的上级分组，由外向内" }),
    label: z.string().meta({ description: "完整中文名称" }),
    unit: z.enum(["件", "项", "元", "万元"]),
    type: z.enum(["int", "signedInt", "decimal"]).meta({ description: "int 非负整数，signedInt 可为负的整数（2019 格式本年增/减），decimal 金额（最多 4 位小数）" }),
    derived: z.boolean().meta({ description: "是否为合计单元格（由其组成部分计算得出，空白按 0 计）" }),
    optional: z.boolean().meta({ description: "是否为可选的地方扩展行（2019 格式其他主动公开文件），不属于国家统一格式" }),
  }),
);

export const ErrorResponse = named(
  "Error",
  z.object({
    error: z.object({
      code: z.enum(ERROR_CODES).meta({
        description: ERROR_CODES.map((c) => `${c}：${ERROR_CODE_LABELS[c].label}`).join("；"),
      }),
      message: z.string().meta({ description: "中文说明" }),
      details: z
        .array(z.object({ param: z.string().optional(), message: z.string() }))
        .optional()
        .meta({ description: "逐个参数的问题" }),
    }),
  }),
);

/** `{ data: [item…], next_cursor }`: every list. */
function listOf<T extends z.ZodType, E extends z.ZodRawShape = Record<never, never>>(name: string, item: T, extra?: E) {
  return named(
    name,
    z.object({
      data: z.array(item),
      next_cursor: z.string().nullable().meta({ description: "下一页的游标；为 null 表示已是最后一页" }),
      ...(extra as E),
    }),
  );
}

/** `{ data: item }`: every single resource, so that all responses have the same envelope. */
function oneOf<T extends z.ZodType>(name: string, item: T) {
  return named(name, z.object({ data: item }));
}

export const RegionList = listOf("RegionList", Region);
export const RegionResponse = oneOf("RegionResponse", RegionDetail);
export const AgencyList = listOf("AgencyList", Agency);
export const AgencyResponse = oneOf("AgencyResponse", AgencyDetail);
export const ReportList = listOf("ReportList", ReportSummary);
export const ReportResponse = oneOf("ReportResponse", ReportDetail);
export const ReportCellsResponse = oneOf("ReportCellsResponse", ReportCells);
export const CellsList = listOf("CellsList", CellsRow, { units: MoneyUnits });
export const CellKeyList = listOf("CellKeyList", CellKey);

export type RegionListBody = z.output<typeof RegionList>;
export type RegionBody = z.output<typeof RegionResponse>;
export type AgencyListBody = z.output<typeof AgencyList>;
export type AgencyBody = z.output<typeof AgencyResponse>;
export type ReportListBody = z.output<typeof ReportList>;
export type ReportBody = z.output<typeof ReportResponse>;
export type ReportCellsBody = z.output<typeof ReportCellsResponse>;
export type CellsListBody = z.output<typeof CellsList>;
export type CellKeyListBody = z.output<typeof CellKeyList>;
