// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the routes validate with (endpoints.ts) and
// the response schemas (schemas.ts) — nothing here restates a rule, so the document cannot drift from the code.
// OpenAPI 3.1 schemas are JSON Schema 2020-12, which is what z.toJSONSchema emits by default.
import { z } from "zod";
import { ENDPOINTS, type EndpointDoc } from "./endpoints";
import { DEFAULT_LIMIT, MAX_LIMIT } from "./params";
import { apiSchemas } from "./schemas";

type Json = Record<string, unknown>;

export const API_BASE = "/api/v1";
export const API_VERSION = "1.0.0";
const SCHEMA_REF = "#/components/schemas/";

/** JSON Schema for a component or parameter: the dialect and id markers belong to the document, not to each schema. */
function bare(schema: Json): Json {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

/** components.schemas: every registered response schema, cross-referenced by name. */
export function componentSchemas(): Record<string, Json> {
  const { schemas } = z.toJSONSchema(apiSchemas, { uri: (id) => `${SCHEMA_REF}${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([id, s]) => [id, bare(s as Json)]));
}

/** The JSON Schema of one parameter as clients send it (io "input": before the route's own conversions). */
export function parameterSchema(schema: z.ZodType): Json {
  return bare(z.toJSONSchema(schema, { io: "input" }) as Json);
}

function queryParameters(ep: EndpointDoc): Json[] {
  const object = z.toJSONSchema(ep.query, { io: "input" }) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return { name, in: "query", required: object.required?.includes(name) ?? false, ...(description ? { description } : {}), schema: rest };
  });
}

function pathParameters(ep: EndpointDoc): Json[] {
  return ep.pathParams.map((p) => ({ name: p.name, in: "path", required: true, description: p.description, schema: parameterSchema(p.schema) }));
}

function responseRef(schema: z.ZodType): Json {
  const meta = apiSchemas.get(schema);
  if (!meta) throw new Error("response schema is not registered in apiSchemas");
  return { $ref: `${SCHEMA_REF}${meta.id}` };
}

function operation(ep: EndpointDoc): Json {
  const badRequest = ep.list
    ? "参数无效：未知参数（unknown_parameter）、取值不合规则（invalid_parameter）、游标无效（invalid_cursor）"
    : "参数无效：未知参数（unknown_parameter）或取值不合规则（invalid_parameter）";
  return {
    operationId: ep.operationId,
    tags: [ep.tag],
    summary: ep.summary,
    description: ep.description,
    parameters: [...pathParameters(ep), ...queryParameters(ep), { $ref: "#/components/parameters/IfNoneMatch" }],
    responses: {
      "200": {
        description: ep.list ? "一页数据：data 为本页条目，next_cursor 为下一页游标" : "成功",
        headers: {
          ETag: { $ref: "#/components/headers/ETag" },
          "Cache-Control": { $ref: "#/components/headers/CacheControl" },
          "Access-Control-Allow-Origin": { $ref: "#/components/headers/AllowOrigin" },
        },
        content: {
          "application/json": {
            schema: ep.response ? responseRef(ep.response) : { type: "object", description: "OpenAPI 3.1 文档" },
          },
        },
      },
      "304": { description: "内容未变：请求的 If-None-Match 与当前 ETag 相同，无响应体", headers: { ETag: { $ref: "#/components/headers/ETag" } } },
      "400": { description: badRequest, content: { "application/json": { schema: { $ref: `${SCHEMA_REF}Error` } } } },
      ...(ep.notFound ? { "404": { description: `${ep.notFound}（not_found）`, content: { "application/json": { schema: { $ref: `${SCHEMA_REF}Error` } } } } } : {}),
      "500": { $ref: "#/components/responses/InternalError" },
    },
  };
}

const DESCRIPTION = [
  "政府信息公开工作年度报告的开放数据接口：只读，无需注册，返回 JSON，允许任何网站跨域调用。只提供已发布的报告（现行版本及历次更正的发布版本）。",
  "",
  `**分页**：列表接口返回 \`{ data: [...], next_cursor }\`。limit 为每页条数（默认 ${DEFAULT_LIMIT}，最多 ${MAX_LIMIT}）；把 next_cursor 原样作为 cursor 参数即得下一页，next_cursor 为 null 表示已是最后一页。列表按唯一键（id 或区划代码）排序，翻页期间新增的数据不会造成重复或遗漏已有条目。`,
  "",
  "**缓存**：成功响应带弱 ETag 和 `Cache-Control: public, max-age=60`；请求带 If-None-Match 且内容未变时返回 304。",
  "",
  "**数值**：单元格数值为 JSON 数字，空白（未填）为 null，不等于 0。金额为精确值、不做换算：2019 格式采购总金额单位为元，2021 格式收费金额单位为万元（见响应中的 units 和 /cell-keys）。",
  "",
  "**错误**：HTTP 400/404/500，响应体为 `{ error: { code, message, details? } }`，message 为中文说明。未知参数、重复参数、超出范围的取值一律返回 400，不会被忽略。参数值为空（如 `year=`）视同未传。",
].join("\n");

let cached: Json | null = null;

export function buildOpenApiDocument(): Json {
  if (cached) return cached;
  const paths: Record<string, Json> = {};
  for (const ep of ENDPOINTS) paths[ep.path] = { get: operation(ep) };
  cached = {
    openapi: "3.1.0",
    info: { title: "政府信息公开工作年度报告开放数据接口", version: API_VERSION, description: DESCRIPTION },
    servers: [{ url: API_BASE }],
    tags: [...new Set(ENDPOINTS.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: componentSchemas(),
      parameters: {
        IfNoneMatch: {
          name: "If-None-Match",
          in: "header",
          required: false,
          description: "上次响应的 ETag；内容未变时返回 304",
          schema: { type: "string" },
        },
      },
      headers: {
        ETag: { description: "弱 ETag，由响应内容计算", schema: { type: "string" } },
        CacheControl: { description: "public, max-age=60", schema: { type: "string" } },
        AllowOrigin: { description: "*（允许任何网站跨域读取）", schema: { type: "string" } },
      },
      responses: {
        InternalError: {
          description: "服务器内部错误（internal_error），不含技术细节",
          content: { "application/json": { schema: { $ref: `${SCHEMA_REF}Error` } } },
        },
      },
    },
  };
  return cached;
}
