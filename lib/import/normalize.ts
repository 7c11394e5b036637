/**
 * Label normalisation and fuzzy matching. Real reports print the official labels with variant punctuation
 * (full/half width, “”/"", 1./1、), spaces inserted by PDF extraction, labels broken over lines or cells, stray
 * characters ("(-)" for （一）, "·公开(区分", "四、纟") and extra explanatory parentheses; labels are compared on
 * their "core" (letters, CJK and digits only) after the numbering prefix has been split off.
 */

/** A label or cell text prepared for comparison. */
export interface Norm {
  /** NFKC, no whitespace, no quotes: "(二)部分公开(区分处理的,只计这一情形,不计其他情形)" */
  flat: string;
  /** numbering prefix: kind and value, e.g. { kind: "paren", value: "二" } for "(二)" */
  prefix: { kind: "paren" | "cn" | "num"; value: string } | null;
  /** letters, CJK and digits of the text after the prefix */
  core: string;
  /** core with parenthesised parts removed: "部分公开" */
  bare: string;
  /** character bigrams of core */
  grams: Set<string>;
  /** character bigrams of bare */
  bareGrams: Set<string>;
}

const QUOTES = /[“”‘’"'「」『』〝〞`´·•●◆■□▪・]/g;
const WS = /[\s\u200b\ufeff]+/g;
const PREFIX_RE = /^(?:\(([一二三四五六七八九十]+|\d{1,2}|[-—–一])\)|([一二三四五六七八九十]+)[、.,:]|(\d{1,2})[.、,](?!\d))/;
const NOT_CORE = /[^\p{L}\p{N}]/gu;
const PARENS = /\([^()]*\)?/g;

const CN_DIGITS: Record<string, string> = { 一: "1", 二: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9", 十: "10" };

/** NFKC and whitespace/quote removal: the form labels are compared in. */
export function flatten(text: string): string {
  return text.normalize("NFKC").replace(WS, "").replace(QUOTES, "").replace(/[〔【［]/g, "(").replace(/[〕】］]/g, ")");
}

export function norm(text: string): Norm {
  const flat = flatten(text);
  let rest = flat;
  let prefix: Norm["prefix"] = null;
  const m = PREFIX_RE.exec(flat);
  if (m) {
    rest = flat.slice(m[0].length);
    if (m[1] !== undefined) prefix = { kind: "paren", value: numeral(m[1]) };
    else if (m[2] !== undefined) prefix = { kind: "cn", value: numeral(m[2]) };
    else prefix = { kind: "num", value: m[3]! };
  }
  const core = rest.replace(NOT_CORE, "");
  const bare = rest.replace(PARENS, "").replace(NOT_CORE, "");
  const grams = bigrams(core);
  return { flat, prefix, core, bare, grams, bareGrams: bare === core ? grams : bigrams(bare) };
}

function numeral(s: string): string {
  if (/^\d+$/.test(s)) return String(Number(s));
  if (s === "十") return "10";
  if (s.length === 1) return CN_DIGITS[s] ?? "?";
  if (s.length === 2 && s[0] === "十") return String(10 + Number(CN_DIGITS[s[1]!] ?? 0));
  return "?"; // "-", "—": a stray character where a numeral was
}

export function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  if (s.length === 1) out.add(s);
  return out;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const g of small) if (large.has(g)) common++;
  return (2 * common) / (a.size + b.size);
}

/** Minimum similarity for a cell to count as a label, by the label's core length. */
export function threshold(label: Norm): number {
  const n = label.core.length;
  return n <= 2 ? 1 : n <= 4 ? 0.75 : 0.55;
}

/**
 * Similarity of a cell's text to an official label, 0–1. 1: same core. Otherwise the best of: the bigram Dice
 * coefficient of the cores; the cores without explanatory parentheses; a cell that is a truncated start of the
 * label. A numbering prefix that contradicts the label's lowers the score; one that agrees raises it a little (above 1 for an exact match).
 */
export function similarity(cell: Norm, label: Norm): number {
  if (cell.core.length === 0 || label.core.length === 0) return 0;
  // Labels are short; a sentence is never a label.
  if (cell.core.length > label.core.length * 2 + 12) return 0;
  let s: number;
  if (cell.core === label.core) s = 1;
  else if (label.core.length <= 2 || cell.core.length <= 2) s = cell.bare === label.bare && cell.bare.length > 0 ? 0.95 : 0;
  else {
    s = dice(cell.grams, label.grams);
    if (cell.bare.length >= 2 && cell.bare === label.bare) s = Math.max(s, 0.95);
    else if (cell.bare.length >= 3 && label.bare.length >= 3) s = Math.max(s, 0.95 * dice(cell.bareGrams, label.bareGrams));
    if (label.core.startsWith(cell.core) && cell.core.length >= 4) s = Math.max(s, 0.5 + 0.45 * (cell.core.length / label.core.length));
  }
  if (cell.prefix && label.prefix && cell.prefix.value !== "?") {
    if (cell.prefix.value !== label.prefix.value) s *= 0.6;
    else s += 0.05; // may exceed 1: "3.其他" beats the column label 其他
  }
  return s;
}

/** A cell's text with the spaces PDF extraction leaves between CJK characters removed, for messages. */
export function tidy(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/([\u3400-\u9fff\uff00-\uffef\u3000-\u303f])\s+(?=[\u3400-\u9fff\uff00-\uffef\u3000-\u303f])/g, "$1")
    .trim();
}
