/**
 * zod schemas shared by the browser form and the server actions. Messages are Chinese because they reach
 * the clerk unchanged.
 *
 * cellsSchema(v) accepts exactly the leaf cells of the version: every leaf key must be present (null = blank),
 * unknown keys are rejected, optional local rows (2019 其他主动公开文件) may be present or absent, and derived
 * keys are accepted but dropped from the output — a client holding computeDerived() output can send it as
 * is, and the server never stores a total it did not compute itself.
 */
import { z } from "zod";
import { decimalPlacesOf, MONEY_PLACES } from "./decimal";
import { MAX_ABS_VALUE } from "./input";
import { allCellDefs, derivedKeys } from "./registry";
import { SECTIONS } from "./sections";
import type { CellDef, CellMap, FormatVersion, SectionKey } from "./types";

export const SECTION_MAX_LENGTH = 50_000;

/** Value of one cell: a number meeting the cell's type, or null for blank. */
export function cellValueSchema(def: CellDef) {
  return z
    .number({ error: (iss) => (iss.input === undefined ? `缺少单元格“${def.label}”（未填请用 null）` : `“${def.label}”应为数字或空`) })
    .nullable()
    .superRefine((v, ctx) => {
      if (v === null) return;
      const problem =
        Math.abs(v) > MAX_ABS_VALUE
          ? "数值过大，不能超过 1,000,000,000,000"
          : def.type === "decimal"
            ? decimalPlacesOf(v) > MONEY_PLACES
              ? `金额最多保留 ${MONEY_PLACES} 位小数`
              : null
            : !Number.isInteger(v)
              ? "应为整数"
              : null;
      const negative = v < 0 && def.type !== "signedInt" ? "不能为负数" : null;
      const message = problem ?? negative;
      if (message) ctx.addIssue({ code: "custom", message: `“${def.label}”${message}` });
    });
}

const cache = new Map<FormatVersion, z.ZodType<CellMap, unknown>>();

export function cellsSchema(v: FormatVersion): z.ZodType<CellMap, unknown> {
  let schema = cache.get(v);
  if (schema) return schema;
  const shape: Record<string, z.ZodType> = {};
  for (const def of allCellDefs(v)) {
    if (def.derived) shape[def.key] = z.unknown().optional();
    else if (def.optional) shape[def.key] = cellValueSchema(def).optional();
    else shape[def.key] = cellValueSchema(def);
  }
  const derived = derivedKeys(v);
  schema = z
    .strictObject(shape, {
      error: (iss) =>
        iss.code === "unrecognized_keys" ? `${v} 年版格式没有这些单元格：${iss.keys.join("、")}` : "单元格数据应为对象",
    })
    .transform((obj) => {
      const out: CellMap = {};
      for (const [k, val] of Object.entries(obj)) {
        if (val !== undefined && !derived.includes(k)) out[k] = val as number | null;
      }
      return out;
    });
  cache.set(v, schema);
  return schema;
}

// XML 1.0 (XLSX, DOCX exports) cannot hold C0 control characters other than tab, LF and CR; NUL also breaks
// PostgreSQL text. Everything else — any script, punctuation, emoji — is allowed.
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

export const sectionTextSchema = z
  .string({ error: (iss) => (iss.input === undefined ? "缺少该部分内容（没有内容请用空字符串）" : "内容应为文本") })
  .max(SECTION_MAX_LENGTH, { error: `内容过长，每部分最多 ${SECTION_MAX_LENGTH.toLocaleString("en-US")} 字` })
  .refine((s) => !FORBIDDEN_CONTROL.test(s), { error: "内容含有不可见的控制字符（如 NUL），请删除后重试" });

export type Sections = Record<SectionKey, string>;

/** The six narrative texts, plain text; empty is allowed (a draft, or a section that is only tables). */
export const sectionsSchema = z.strictObject(
  Object.fromEntries(SECTIONS.map((s) => [s.key, sectionTextSchema])) as Record<SectionKey, typeof sectionTextSchema>,
  {
    error: (iss) => (iss.code === "unrecognized_keys" ? `没有这些部分：${iss.keys.join("、")}` : "各部分内容应为对象"),
  },
);
