// The OpenAPI document is generated from the zod schemas the routes use; these tests pin that down, so that the
// document and the code cannot drift apart, and check the document is a usable OpenAPI 3.1 description.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ENDPOINTS } from "./endpoints";
import { API_BASE, buildOpenApiDocument, parameterSchema } from "./openapi";
import { openApiErrors } from "./openapi.testkit";
import { apiSchemas, ErrorResponse } from "./schemas";

type Op = {
  parameters: { name?: string; in?: string; required?: boolean; schema?: unknown; $ref?: string }[];
  responses: Record<string, { $ref?: string; content?: { "application/json": { schema: { $ref?: string } } } }>;
};
const doc = buildOpenApiDocument() as {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, { get: Op }>;
  components: { schemas: Record<string, unknown> };
};

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 under /api/v1 and survives a JSON round trip", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: API_BASE }]);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it("describes every endpoint, with 200, 304, 400 and 500 (and 404 where something can be missing)", () => {
    expect(Object.keys(doc.paths).sort()).toEqual(ENDPOINTS.map((e) => e.path).sort());
    for (const ep of ENDPOINTS) {
      const op = doc.paths[ep.path].get;
      expect(Object.keys(op.responses).sort(), ep.path).toEqual(["200", "304", "400", "500", ...(ep.notFound ? ["404"] : [])].sort());
    }
  });

  it("documents exactly the parameters each route accepts, with the schemas zod validates them by", () => {
    for (const ep of ENDPOINTS) {
      const op = doc.paths[ep.path].get;
      const query = op.parameters.filter((p) => p.in === "query");
      expect(query.map((p) => p.name), ep.path).toEqual(Object.keys(ep.query.shape));
      const inputSchema = z.toJSONSchema(ep.query, { io: "input" }) as { properties: Record<string, Record<string, unknown>> };
      for (const p of query) {
        const { description: _d, ...expected } = inputSchema.properties[p.name!];
        expect(p.schema, `${ep.path} ${p.name}`).toEqual(expected);
        expect(p.required).toBe(false);
      }
      const path = op.parameters.filter((p) => p.in === "path");
      expect(path.map((p) => p.name)).toEqual(ep.pathParams.map((p) => p.name));
      for (const p of ep.pathParams) expect(path.find((x) => x.name === p.name)!.schema).toEqual(parameterSchema(p.schema));
      for (const name of [...ep.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) expect(path.map((p) => p.name)).toContain(name);
    }
    const limit = doc.paths["/reports"].get.parameters.find((p) => p.name === "limit")!;
    expect(limit.schema).toEqual({ type: "integer", minimum: 1, maximum: 500, default: 50 });
  });

  it("holds, as components, exactly z.toJSONSchema of the registered response schemas", () => {
    const fresh = z.toJSONSchema(apiSchemas, { uri: (id) => `#/components/schemas/${id}` }).schemas;
    expect(Object.keys(doc.components.schemas).sort()).toEqual(Object.keys(fresh).sort());
    for (const [id, schema] of Object.entries(fresh)) {
      const { $schema: _s, $id: _i, ...bare } = schema as Record<string, unknown>;
      expect(doc.components.schemas[id], id).toEqual(bare);
    }
  });

  it("resolves every $ref it contains", () => {
    const refs = new Set([...JSON.stringify(doc).matchAll(/"\$ref":"#\/([^"]+)"/g)].map((m) => m[1]));
    for (const ref of refs) {
      const target = ref.split("/").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part.replaceAll("~1", "/").replaceAll("~0", "~")], doc);
      expect(target, ref).toBeDefined();
    }
  });

  it("validates with ajv: a conforming body passes, a wrong one fails", () => {
    expect(openApiErrors("/reports", "200", { data: [], next_cursor: null })).toEqual([]);
    expect(openApiErrors("/reports", "200", { data: [{ id: 1 }], next_cursor: null })).not.toEqual([]);
    const error = { error: { code: "invalid_parameter", message: "参数 limit 无效", details: [{ param: "limit", message: "…" }] } };
    expect(ErrorResponse.parse(error)).toEqual(error);
    expect(openApiErrors("/reports", "400", error)).toEqual([]);
    expect(openApiErrors("/reports/{id}", "404", { error: { code: "not_found", message: "没有" } })).toEqual([]);
    expect(openApiErrors("/reports", "500", { error: { code: "internal_error", message: "x" } })).toEqual([]);
    expect(openApiErrors("/reports", "400", { error: { code: "teapot", message: "x" } })).not.toEqual([]);
  });
});
