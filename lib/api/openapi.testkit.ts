// Test support (imported by tests only): validates a JSON body against the OpenAPI document the API serves, with
// ajv's JSON Schema 2020-12 validator — the dialect of OpenAPI 3.1 schemas. ajv is in node_modules as a dependency of
// prisma's tooling, not a declared dependency of this project (see the report in lib/api/README.md).
import Ajv2020 from "ajv/dist/2020.js";
import { buildOpenApiDocument } from "./openapi";

const DOC_ID = "https://nianbao.invalid/api/v1/openapi.json";

let ajv: Ajv2020 | null = null;

function validatorHost(): Ajv2020 {
  if (!ajv) {
    // strict: false because the document is not itself a schema (openapi, paths… are not keywords); formats are
    // left to the patterns zod emits next to them (ajv-formats is not installed).
    ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema({ ...buildOpenApiDocument(), $id: DOC_ID });
  }
  return ajv;
}

const pointer = (s: string) => s.replaceAll("~", "~0").replaceAll("/", "~1");

/** Errors of `body` against the document's schema for `path`'s response `status` (empty when it conforms). */
export function openApiErrors(path: string, status: "200" | "400" | "404" | "500", body: unknown): string[] {
  const host = validatorHost();
  const doc = buildOpenApiDocument() as { paths: Record<string, { get: { responses: Record<string, { $ref?: string }> } }> };
  const response = doc.paths[path]?.get.responses[status];
  if (!response) return [`the document has no ${status} response for ${path}`];
  const where = response.$ref
    ? response.$ref.slice(1) + "/content/application~1json/schema"
    : `/paths/${pointer(path)}/get/responses/${status}/content/application~1json/schema`;
  const ref = `${DOC_ID}#${where}`;
  const validate = host.getSchema(ref) ?? host.compile({ $id: `${ref}/validator`.replaceAll("#", "/"), $ref: ref });
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
}
