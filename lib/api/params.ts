// Query and path parameters are validated by zod schemas built from these helpers. The same schemas generate the
// parameter section of the OpenAPI document (lib/api/openapi.ts), so the document cannot say something the code
// does not check. Each helper puts one Chinese hint on every check of a parameter, so a 400 names the parameter and
// says what a valid value looks like.
import { z } from "zod";
import { ApiError, type ErrorDetail } from "./errors";
import { CURSOR_MAX_LENGTH, CURSOR_PATTERN, decodeCursor } from "./cursor";

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;
export const Q_MAX_LENGTH = 100;

// Query values are text. A plain decimal integer becomes a number; anything else ("abc", "1e3", "2.5") is left as
// text, which the integer check then refuses with the parameter's hint.
const INT_TEXT = /^-?\d{1,12}$/;
const toInt = (v: unknown) => (typeof v === "string" && INT_TEXT.test(v) ? Number(v) : v);

function intSchema(min: number, max: number) {
  const error = `应为 ${min} 至 ${max} 之间的整数`;
  return z.preprocess(toInt, z.int({ error }).min(min, { error }).max(max, { error }));
}

export function intParam(min: number, max: number, description: string) {
  return intSchema(min, max).optional().meta({ description });
}

export const ID_MAX = 2_147_483_647;

export function idParam(description: string) {
  return intParam(1, ID_MAX, description);
}

export function limitParam() {
  return intSchema(1, MAX_LIMIT)
    // prefault, not default: the value goes through the same checks, and it is what an "input" JSON Schema (the
    // parameter as a client sends it) states as its default.
    .prefault(DEFAULT_LIMIT)
    .meta({ description: `每页条数，1 至 ${MAX_LIMIT}，默认 ${DEFAULT_LIMIT}` });
}

export function enumParam<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  return z.enum(values, { error: `应为 ${values.join("、")} 之一` }).optional().meta({ description });
}

export const REGION_CODE_PATTERN = /^(\d{2}|\d{4}|\d{6}|\d{9})$/;
const REGION_CODE_HINT = "应为 2、4、6 或 9 位数字的统计用区划代码（如 22、2208、220802）";

export function regionCodeSchema() {
  return z.string().regex(REGION_CODE_PATTERN, { error: REGION_CODE_HINT });
}

export function regionCodeParam(description: string) {
  return regionCodeSchema().optional().meta({ description });
}

// No control characters: PostgreSQL text cannot hold NUL, and nothing a person searches for contains one.
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;

export function textParam(maxLength: number, description: string) {
  return z
    .string()
    .max(maxLength, { error: `最多 ${maxLength} 个字符` })
    .regex(NO_CONTROL, { error: "不能包含控制字符" })
    .trim()
    .optional()
    .meta({ description });
}

const CELL_KEY_LIST = /^[A-Za-z0-9_.]{1,80}(,[A-Za-z0-9_.]{1,80})*$/;
export const MAX_KEYS = 300;

/** A comma-separated list of cell keys, deduplicated; whether each key exists is checked against the format by the caller's refinement. */
export function cellKeysParam(description: string) {
  return z
    .string()
    .max(MAX_KEYS * 81, { error: `最多 ${MAX_KEYS} 个单元格代码` })
    .regex(CELL_KEY_LIST, { error: "应为以英文逗号分隔的单元格代码，如 requests.newReceived.total,requests.newReceived.natural" })
    .transform((s, ctx) => {
      const keys = [...new Set(s.split(","))];
      if (keys.length > MAX_KEYS) ctx.issues.push({ code: "custom", message: `最多 ${MAX_KEYS} 个单元格代码`, input: s });
      return keys;
    })
    .optional()
    .meta({ description });
}

export function cursorParam<T>(list: string, parseKey: (key: string) => T | null) {
  const error = "不是本列表的有效游标：请原样使用上一页响应中的 next_cursor";
  return z
    .string()
    .max(CURSOR_MAX_LENGTH, { error })
    .regex(CURSOR_PATTERN, { error })
    .transform((s, ctx) => {
      const key = decodeCursor(list, s, parseKey);
      if (key === null) {
        ctx.issues.push({ code: "custom", message: error, input: s });
        return z.NEVER;
      }
      return key;
    })
    .optional()
    .meta({ description: "翻页游标：上一页响应中的 next_cursor；第一页不传" });
}

/** Turns zod's issues into the API's 400: unknown parameters, malformed cursors and invalid values each have a code. */
export function issuesToError(issues: readonly z.core.$ZodIssue[], allowed: readonly string[]): ApiError {
  const details: (ErrorDetail & { kind: "unknown" | "cursor" | "value" })[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) details.push({ kind: "unknown", param: key, message: "不支持该参数" });
    } else {
      const param = issue.path.length > 0 ? String(issue.path[0]) : undefined;
      details.push({ kind: param === "cursor" ? "cursor" : "value", ...(param ? { param } : {}), message: issue.message });
    }
  }
  const kinds = new Set(details.map((d) => d.kind));
  const code = kinds.size === 1 && kinds.has("unknown") ? "unknown_parameter" : kinds.size === 1 && kinds.has("cursor") ? "invalid_cursor" : "invalid_parameter";
  const parts = details.map((d) => (d.kind === "unknown" ? `不支持参数 ${d.param}` : d.param ? `参数 ${d.param} 无效：${d.message}` : d.message));
  const unknownHint = kinds.has("unknown") ? `（本接口可用的参数：${allowed.join("、") || "无"}）` : "";
  return new ApiError(
    400,
    code,
    `${parts.join("；")}${unknownHint}`,
    details.map(({ kind: _kind, ...d }) => d),
  );
}

type QuerySchema = z.ZodObject<z.ZodRawShape>;

/**
 * Validates a request's query string against an endpoint's schema (a strict object: unknown parameters are an
 * error, not silently ignored — a misspelt filter would otherwise return everything). An empty value (`?year=`)
 * counts as absent, as an HTML form sends it; a repeated parameter is an error.
 */
export function parseQuery<S extends QuerySchema>(schema: S, params: URLSearchParams): z.output<S> {
  // A null-prototype object: "__proto__" or "constructor" in a URL are then plain (unknown) parameter names.
  const input: Record<string, string | undefined> = Object.create(null);
  const repeated: string[] = [];
  for (const [key, value] of params) {
    if (Object.hasOwn(input, key)) repeated.push(key);
    input[key] = value === "" ? undefined : value;
  }
  if (repeated.length > 0) {
    const names = [...new Set(repeated)];
    throw new ApiError(
      400,
      "invalid_parameter",
      `参数不能重复：${names.join("、")}`,
      names.map((param) => ({ param, message: "参数重复" })),
    );
  }
  const result = schema.safeParse(input, { error: () => "取值无效" });
  if (result.success) return result.data;
  throw issuesToError(result.error.issues, Object.keys(schema.shape));
}

/** Validates one path segment (a region code, an id) with the same 400 shape as a query parameter. */
export function parsePathParam<S extends z.ZodType>(schema: S, name: string, raw: string): z.output<S> {
  const result = schema.safeParse(raw, { error: () => "取值无效" });
  if (result.success) return result.data;
  const message = result.error.issues[0]?.message ?? "取值无效";
  throw new ApiError(400, "invalid_parameter", `路径参数 ${name} 无效：${message}`, [{ param: name, message }]);
}

/** Path ids: the same plain positive integers as query ids. */
export function pathIdSchema() {
  return intSchema(1, ID_MAX);
}
