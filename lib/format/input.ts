/**
 * What a clerk types or pastes into one cell, and how a stored value is shown again. Pasted text comes from
 * Word/PDF/Excel copies of published reports, so full-width digits, Chinese separators and units are normal.
 */
import { MONEY_PLACES, type Decimal, formatNumber, isInteger, parseDecimal, roundTo, shift, significantPlaces, toNumber } from "./decimal";
import type { CellDef } from "./types";

/** Largest magnitude a cell may hold; larger values are typos (or a currency mix-up), not statistics. */
export const MAX_ABS_VALUE = 1e12;

export type ParseResult = { ok: true; value: number | null } | { ok: false; message: string };

export const INPUT_MESSAGES = {
  notANumber: "请输入数字",
  negative: "该项不能为负数",
  notInteger: "该项应为整数",
  tooManyPlaces: `金额最多保留 ${MONEY_PLACES} 位小数`,
  tooLarge: "数值过大，不能超过 1,000,000,000,000",
  badGrouping: "千位分隔符位置不正确，请检查数字",
  moneyUnitOnCount: (unit: string) => `该项是数量，单位为“${unit}”，不能填写金额单位`,
  countUnitOnMoney: "该项是金额，单位只能是“元”或“万元”",
  wrongCountUnit: (unit: string) => `该项的单位是“${unit}”`,
} as const;

const WIDTH_MAP: Record<string, string> = {
  "．": ".",
  "。": ".", // IME full stop typed instead of a decimal point
  "，": ",",
  "－": "-",
  "−": "-",
  "﹣": "-",
  "＋": "+",
  "﹢": "+",
  "　": " ",
  "\u00a0": " ",
  "￥": "¥",
};

function normalizeWidth(text: string): string {
  return text.replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xff10 + 0x30)).replace(/[．。，－−﹣＋﹢　\u00a0￥]/g, (ch) => WIDTH_MAP[ch] ?? ch);
}

const UNIT_SUFFIX = /^(.*?)\s*(万元|万|元|件|项)$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

export function parseCellInput(def: CellDef, text: string): ParseResult {
  let s = normalizeWidth(text).trim();
  if (s === "") return { ok: true, value: null };

  // Power of ten that converts the written unit into the stored one (万元 → 元: 4; 元 → 万元: -4).
  let exp = 0;
  const unit = UNIT_SUFFIX.exec(s);
  if (unit) {
    const written = unit[2] === "万" ? "万元" : unit[2];
    s = (unit[1] ?? "").trim();
    if (def.type === "decimal") {
      if (written !== "元" && written !== "万元") return fail(INPUT_MESSAGES.countUnitOnMoney);
      if (written !== def.unit) exp = written === "万元" ? 4 : -4;
    } else {
      if (written === "元" || written === "万元") return fail(INPUT_MESSAGES.moneyUnitOnCount(def.unit));
      if (written !== def.unit) return fail(INPUT_MESSAGES.wrongCountUnit(def.unit));
    }
  }
  if (def.type === "decimal" && s.startsWith("¥")) s = s.slice(1).trim();
  if (s.includes(",")) {
    if (!GROUPED.test(s)) return fail(INPUT_MESSAGES.badGrouping);
    s = s.replace(/,/g, "");
  }

  const parsed = parseDecimal(s);
  if (!parsed) return fail(INPUT_MESSAGES.notANumber);
  if (parsed.units < 0n && def.type !== "signedInt") return fail(INPUT_MESSAGES.negative);

  let d: Decimal = parsed;
  if (def.type === "decimal") {
    if (exp === 0 && significantPlaces(d) > MONEY_PLACES) return fail(INPUT_MESSAGES.tooManyPlaces);
    // A converted amount is rounded: 4 places of 万元 is 1 元, the precision the database keeps.
    d = roundTo(shift(d, exp), MONEY_PLACES).value;
  } else if (!isInteger(d)) {
    return fail(INPUT_MESSAGES.notInteger);
  }

  const value = toNumber(d);
  if (Math.abs(value) > MAX_ABS_VALUE) return fail(INPUT_MESSAGES.tooLarge);
  return { ok: true, value: value === 0 ? 0 : value };
}

function fail(message: string): ParseResult {
  return { ok: false, message };
}

export interface FormatOptions {
  /** thousands separators, for reading on public pages (parseCellInput accepts them back) */
  grouping?: boolean;
  /** append the cell's unit ("251000元") */
  withUnit?: boolean;
}

/**
 * Display text of a stored value: "" for blank; money with up to 4 places and no trailing zeros;
 * 本年增/减 with an explicit "+" for increases, as the reports print it ("+3", "-2", "0").
 * parseCellInput(def, formatCellValue(def, v)) returns v for every valid v, with any options.
 */
export function formatCellValue(def: CellDef, value: number | null | undefined, options: FormatOptions = {}): string {
  if (value === null || value === undefined) return "";
  let text = formatNumber(value, def.type === "decimal" ? MONEY_PLACES : 0);
  if (def.type !== "decimal" && !Number.isInteger(value)) text = formatNumber(value, MONEY_PLACES); // never hide bad data
  if (options.grouping) text = text.replace(/^(-?)(\d+)/, (_m, sign: string, int: string) => sign + int.replace(/\B(?=(\d{3})+$)/g, ","));
  if (def.type === "signedInt" && value > 0) text = `+${text}`;
  if (options.withUnit) text += def.unit;
  return text;
}
