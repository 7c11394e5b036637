// Every endpoint of /api/v1: its parameters (the zod schemas the route validates with), its response schema and
// its description. The OpenAPI document (openapi.ts) and the /data page are generated from this list.
import { z } from "zod";
import { isFormatVersion, type FormatVersion } from "@/lib/format";
import { cellKeyRows, isKnownCellKey } from "./cell-keys";
import { parseIdKey } from "./cursor";
import {
  cellKeysParam,
  cursorParam,
  enumParam,
  idParam,
  intParam,
  limitParam,
  pathIdSchema,
  Q_MAX_LENGTH,
  REGION_CODE_PATTERN,
  regionCodeParam,
  regionCodeSchema,
  textParam,
} from "./params";
import {
  AGENCY_KINDS,
  AgencyList,
  AgencyResponse,
  CellKeyList,
  CellsList,
  FORMAT_VERSION_VALUES,
  RegionList,
  RegionResponse,
  REPORT_SCOPES,
  ReportCellsResponse,
  ReportList,
  ReportResponse,
} from "./schemas";

export const MIN_YEAR = 2019;
export const MAX_YEAR = 2100;
export const MAX_REVISION = 10_000;

/** Unknown keys are refused with the list of the ones that do not exist (in the format, when one is given). */
function checkKeys(p: { keys?: string[]; format?: FormatVersion }, ctx: z.core.$RefinementCtx) {
  // zod runs an object's refinement even when a field failed: keys is then still the raw text, already reported.
  if (!Array.isArray(p.keys) || (p.format !== undefined && !isFormatVersion(p.format))) return;
  const unknown = p.keys.filter((k) => !isKnownCellKey(k, p.format));
  if (unknown.length > 0) {
    const where = p.format ? `${p.format} 格式` : "任何格式";
    ctx.addIssue({ code: "custom", path: ["keys"], message: `${where}中没有这些单元格：${unknown.slice(0, 20).join("、")}${unknown.length > 20 ? " 等" : ""}（全部代码见 /api/v1/cell-keys）` });
  }
}

const reportFilters = {
  region: regionCodeParam("地区代码：该地区及其下辖各级地区的机关的报告"),
  year: intParam(MIN_YEAR, MAX_YEAR, "报告年度"),
  kind: enumParam(AGENCY_KINDS, "机关类别"),
  format: enumParam(FORMAT_VERSION_VALUES, "表格格式"),
  scope: enumParam(REPORT_SCOPES, "报告类型：OWN 本机关，SUMMARY 汇总"),
  agency: idParam("机关 id"),
};

const keysDescription = "单元格代码，以英文逗号分隔（见 /api/v1/cell-keys）；不传则返回全部单元格";
const revDescription = "版本号：查看某一历史发布版本；不传则为现行版本";

export const regionsQuery = z
  .strictObject({
    parent: regionCodeParam("上级地区代码：列出它的下一级地区"),
    level: intParam(1, 4, "层级：1 省级，2 地级，3 县级，4 乡级；parent 与 level 都不传时列出省级"),
    limit: limitParam(),
    cursor: cursorParam("regions", (k) => (REGION_CODE_PATTERN.test(k) ? k : null)),
  })
  .superRefine((p, ctx) => {
    if (p.parent !== undefined && p.level !== undefined) ctx.addIssue({ code: "custom", path: ["level"], message: "不能与 parent 同时使用" });
  });

export const agenciesQuery = z.strictObject({
  region: regionCodeParam("地区代码：该地区及其下辖各级地区的机关"),
  kind: enumParam(AGENCY_KINDS, "机关类别"),
  q: textParam(Q_MAX_LENGTH, `机关名称中的文字，或拼音首字母（如 tbq 找到洮北区），最多 ${Q_MAX_LENGTH} 个字符`),
  limit: limitParam(),
  cursor: cursorParam("agencies", parseIdKey),
});

export const reportsQuery = z.strictObject({
  ...reportFilters,
  limit: limitParam(),
  cursor: cursorParam("reports", parseIdKey),
});

export const reportQuery = z.strictObject({ rev: intParam(1, MAX_REVISION, revDescription) });

export const reportCellsQuery = z
  .strictObject({ rev: intParam(1, MAX_REVISION, revDescription), keys: cellKeysParam(keysDescription) })
  .superRefine(checkKeys);

export const cellsQuery = z
  .strictObject({
    ...reportFilters,
    keys: cellKeysParam(keysDescription),
    limit: limitParam(),
    cursor: cursorParam("cells", parseIdKey),
  })
  .superRefine(checkKeys);

function parseCellKeyCursor(key: string): { format: FormatVersion; key: string } | null {
  const m = /^(\d{4}):(.+)$/.exec(key);
  if (!m || !isFormatVersion(m[1]) || !cellKeyRows(m[1]).some((r) => r.key === m[2])) return null;
  return { format: m[1], key: m[2] };
}

export const cellKeysQuery = z.strictObject({
  format: enumParam(FORMAT_VERSION_VALUES, "表格格式；不传则两种格式都列出（先 2019 后 2021）"),
  limit: limitParam(),
  cursor: cursorParam("cell-keys", parseCellKeyCursor),
});

/** Single resources take no query parameters (a stray one is reported, not ignored). */
export const noQuery = z.strictObject({});

export const regionCodePath = regionCodeSchema();
export const idPath = pathIdSchema();

export type QuerySchema = z.ZodObject<z.ZodRawShape>;

export interface PathParamDoc {
  name: string;
  schema: z.ZodType;
  description: string;
}

export interface EndpointDoc {
  /** relative to /api/v1, OpenAPI style: /reports/{id} */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description: string;
  query: QuerySchema;
  pathParams: PathParamDoc[];
  /** a schema registered in apiSchemas; null for the OpenAPI document itself */
  response: z.ZodType | null;
  /** when the endpoint answers 404 for something that does not exist */
  notFound: string | null;
  /** a working example URL on the demo data, for the /data page (null where it needs an id from a list) */
  example: string | null;
  list: boolean;
}

const codePathParam: PathParamDoc = { name: "code", schema: regionCodePath, description: "统计用区划代码" };
const idPathParam = (what: string): PathParamDoc => ({ name: "id", schema: idPath, description: `${what} id` });

export const ENDPOINTS: readonly EndpointDoc[] = [
  {
    path: "/regions",
    operationId: "listRegions",
    tag: "地区",
    summary: "地区列表",
    description: "某一地区的下一级地区（parent），或某一层级的全部地区（level），默认列出省级。按区划代码排序。",
    query: regionsQuery,
    pathParams: [],
    response: RegionList,
    notFound: null,
    example: "/api/v1/regions?parent=2208",
    list: true,
  },
  {
    path: "/regions/{code}",
    operationId: "getRegion",
    tag: "地区",
    summary: "地区详情",
    description: "一个地区及其各级上级地区。",
    query: noQuery,
    pathParams: [codePathParam],
    response: RegionResponse,
    notFound: "没有这个地区",
    example: "/api/v1/regions/220802",
    list: false,
  },
  {
    path: "/agencies",
    operationId: "listAgencies",
    tag: "机关",
    summary: "机关列表",
    description: "按地区（含下辖各级地区）、类别或名称筛选机关。按 id 排序。",
    query: agenciesQuery,
    pathParams: [],
    response: AgencyList,
    notFound: null,
    example: "/api/v1/agencies?region=220802&kind=GOVERNMENT",
    list: true,
  },
  {
    path: "/agencies/{id}",
    operationId: "getAgency",
    tag: "机关",
    summary: "机关详情",
    description: "一个机关及其已发布的年度报告（id、年度、格式、类型）。",
    query: noQuery,
    pathParams: [idPathParam("机关")],
    response: AgencyResponse,
    notFound: "没有这个机关",
    example: null,
    list: false,
  },
  {
    path: "/reports",
    operationId: "listReports",
    tag: "年度报告",
    summary: "年度报告列表",
    description: "已发布的年度报告（草稿、待审核、退回修改的报告不会出现）。按报告 id 排序。",
    query: reportsQuery,
    pathParams: [],
    response: ReportList,
    notFound: null,
    example: "/api/v1/reports?region=220802&year=2020",
    list: true,
  },
  {
    path: "/reports/{id}",
    operationId: "getReport",
    tag: "年度报告",
    summary: "年度报告全文",
    description: "一份已发布报告的现行版本（或 rev 指定的历史发布版本）：正文六个部分、全部单元格数值、各版本的发布时间和更正原因。",
    query: reportQuery,
    pathParams: [idPathParam("报告")],
    response: ReportResponse,
    notFound: "没有这份已发布的报告（或没有这个已发布版本）",
    example: null,
    list: false,
  },
  {
    path: "/reports/{id}/cells",
    operationId: "getReportCells",
    tag: "表格数据",
    summary: "一份报告的单元格数值",
    description: "一份已发布报告（现行版本或 rev 指定的版本）的单元格数值，可用 keys 只取部分单元格。",
    query: reportCellsQuery,
    pathParams: [idPathParam("报告")],
    response: ReportCellsResponse,
    notFound: "没有这份已发布的报告（或没有这个已发布版本）",
    example: null,
    list: false,
  },
  {
    path: "/cells",
    operationId: "listCells",
    tag: "表格数据",
    summary: "多份报告的单元格数值",
    description: "按与报告列表相同的条件筛选已发布报告，每份报告一行，给出所请求的单元格数值（现行版本）。适合研究者批量取数。按报告 id 排序。",
    query: cellsQuery,
    pathParams: [],
    response: CellsList,
    notFound: null,
    example: "/api/v1/cells?region=2208&year=2020&keys=requests.newReceived.total,requests.results.granted.total",
    list: true,
  },
  {
    path: "/cell-keys",
    operationId: "listCellKeys",
    tag: "表格数据",
    summary: "单元格代码表",
    description: "两种表格格式的全部单元格代码，附官方表格中的行、列名称，单位，类型，是否为合计单元格。按官方表格顺序排列。",
    query: cellKeysQuery,
    pathParams: [],
    response: CellKeyList,
    notFound: null,
    example: "/api/v1/cell-keys?format=2021&limit=500",
    list: true,
  },
  {
    path: "/openapi.json",
    operationId: "getOpenApiDocument",
    tag: "说明",
    summary: "OpenAPI 3.1 接口说明文档",
    description: "本接口的机器可读说明（OpenAPI 3.1），由接口实际使用的参数校验规则和响应结构生成。",
    query: noQuery,
    pathParams: [],
    response: null,
    notFound: null,
    example: "/api/v1/openapi.json",
    list: false,
  },
];
