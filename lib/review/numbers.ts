/**
 * Numbers quoted in the narrative that disagree with the tables ("共接收政府信息公开申请6件" while the table says 8).
 *
 * Precision over recall: a false alarm costs a supervisor's trust, a missed one costs nothing the tables do not
 * already show. So a statement is recognised only when
 *  - the clause (text between ，,；;。！？ and line breaks) matches one of a few strict phrasings: the concept's
 *    keyword and a count in 件/项/起/个 (规范性文件 also 份/部) with only filler words (共/共计/合计/为/达/的 …)
 *    between them — or an explicit "没有/未/无 …" zero;
 *  - the clause has no word that makes the count a part or a different quantity: scope (本级, 部门, 乡镇, 各县 …),
 *    channel or applicant type (网上, 信函, 自然人 …) for requests, period (上半年, 1-11月, 以来, 累计 …),
 *    comparison (比上年, 增加, 下降 …), approximation (约, 左右), money (处理费, 收费);
 *  - for results and review/litigation: the sentence is about 申请 / 信息公开 or the text is in the matching section
 *    (a 司法局 report's "办理行政复议案件35件" is not about information disclosure);
 *  - one value per concept and clause, and only the first statement of a concept in a sentence (later ones are
 *    usually breakdowns: "全区共受理18件，地本级2件，县（市）区16件").
 * Information-processing fees (信息处理费) are not in the tables and are ignored.
 */
import { SECTION_KEYS, cellDef } from "../format";
import type { CellMap, FormatVersion, SectionKey } from "../format/types";

export type NarrativeConcept =
  | "newReceived"
  | "carriedOver"
  | "carriedForward"
  | "granted"
  | "partial"
  | "review"
  | "litigation"
  | "normativeDocsIssued"
  | "normativeDocsMade";

interface ConceptDef {
  /** how the message names what the text states */
  readonly label: string;
  /** table cells whose sum the statement is compared with */
  keys(v: FormatVersion): readonly string[];
  /** the table cells' label in messages */
  tableLabel(v: FormatVersion): string;
}

const label = (v: FormatVersion, key: string) => cellDef(v, key)?.label ?? key;

export const CONCEPTS: Readonly<Record<NarrativeConcept, ConceptDef>> = {
  newReceived: {
    label: "本年新收政府信息公开申请",
    keys: () => ["requests.newReceived.total"],
    tableLabel: (v) => label(v, "requests.newReceived.total"),
  },
  carriedOver: {
    label: "上年结转政府信息公开申请",
    keys: () => ["requests.carriedOver.total"],
    tableLabel: (v) => label(v, "requests.carriedOver.total"),
  },
  carriedForward: {
    label: "结转下年度继续办理的申请",
    keys: () => ["requests.carriedForward.total"],
    tableLabel: (v) => label(v, "requests.carriedForward.total"),
  },
  granted: {
    label: "予以公开",
    keys: () => ["requests.results.granted.total"],
    tableLabel: (v) => label(v, "requests.results.granted.total"),
  },
  partial: {
    label: "部分公开",
    keys: () => ["requests.results.partial.total"],
    tableLabel: (v) => label(v, "requests.results.partial.total"),
  },
  review: {
    label: "行政复议",
    keys: () => ["reviewLitigation.review.total"],
    tableLabel: () => "行政复议总计",
  },
  litigation: {
    label: "行政诉讼",
    keys: () => ["reviewLitigation.litigation.direct.total", "reviewLitigation.litigation.afterReview.total"],
    tableLabel: () => "行政诉讼总计（未经复议直接起诉 + 复议后起诉）",
  },
  normativeDocsIssued: {
    label: "发布规范性文件",
    keys: (v) => [v === "2019" ? "active.art20_1.normativeDocs.newlyPublished" : "active.art20_1.normativeDocs.issued"],
    tableLabel: (v) =>
      label(v, v === "2019" ? "active.art20_1.normativeDocs.newlyPublished" : "active.art20_1.normativeDocs.issued"),
  },
  normativeDocsMade: {
    label: "制定规范性文件",
    keys: (v) => [v === "2019" ? "active.art20_1.normativeDocs.newlyMade" : "active.art20_1.normativeDocs.issued"],
    tableLabel: (v) =>
      label(v, v === "2019" ? "active.art20_1.normativeDocs.newlyMade" : "active.art20_1.normativeDocs.issued"),
  },
};

/** A statement of a count recognised in a section's text. */
export interface NarrativeNumber {
  section: SectionKey;
  concept: NarrativeConcept;
  /** the clause (or two clauses) that states it, as written */
  quote: string;
  /** UTF-16 offsets of `quote` in the section text */
  start: number;
  end: number;
  value: number;
  /** the table cells it is compared with (their sum) */
  cellKeys: string[];
}

export interface NarrativeNumberMismatch extends NarrativeNumber {
  /** the first of `cellKeys`: the cell a UI marks */
  cellKey: string;
  /** the table's value (sum of `cellKeys`, totals computed from their leaves); null = blank */
  tableValue: number | null;
  /** Simplified Chinese */
  message: string;
}

export interface NarrativeNumberOptions {
  /** the report year: a sentence that names another year (e.g. last year's figures) is skipped */
  year?: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers

const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Value of a count as written: ASCII or full-width digits with optional "," grouping, or a Chinese numeral
 * below 10,000 (一, 两, 十二, 二十, 一百零五, 〇). null if it is not a well-formed count.
 */
export function parseCount(text: string): number | null {
  const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d{1,3}(?:,\d{3})+$|^\d+$/.test(ascii)) return Number(ascii.replace(/,/g, ""));
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(text)) return null;
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const ch of text) {
    if (ch in CN_DIGITS) {
      if (digit !== null && CN_DIGITS[ch] !== 0 && digit !== 0) return null; // 二三
      digit = CN_DIGITS[ch];
    } else {
      const unit = CN_UNITS[ch];
      if (unit >= lastUnit) return null; // 十十, 十百
      total += (digit ?? (unit === 10 && total === 0 ? 1 : NaN)) * unit;
      if (Number.isNaN(total)) return null;
      digit = null;
      lastUnit = unit;
    }
  }
  if (digit !== null) {
    if (text.length > 1 && lastUnit !== Infinity && lastUnit > 10 && !/零|〇/.test(text)) return null; // 一百五 (colloquial 150): ambiguous
    total += digit;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------------------------
// Patterns. Written as source strings; {COUNT} is a count with a 件/项/起/个 unit, {DOCCOUNT} one for documents.

const NUM = String.raw`(?<n>[0-9０-９]{1,3}(?:,[0-9]{3})+|[0-9０-９]+|[零〇一二两三四五六七八九十百千]+)`;
/** not glued to a preceding number, decimal point or ordinal 第 */
const NUM_START = String.raw`(?<![0-9０-９.．零〇一二两三四五六七八九十百千第])`;
const COUNT = String.raw`${NUM_START}${NUM}\s*(?:件|项|起|个(?![月人别体案]))`;
const DOCCOUNT = String.raw`${NUM_START}${NUM}\s*(?:件|项|个|份|部)`;
/** filler allowed between a concept and its count */
const FILL = String.raw`\s*(?:的\s*)?(?:(?:申请|事项|案件|件数|数量|总数|总量)\s*)?(?:(?:共计|合计|总计|共|计)\s*)?(?:(?:为|达到|达|有)\s*)?`;
const REQUEST = String.raw`(?:政府信息公开申请|信息公开申请|公开申请|依申请公开(?:申请|事项|件)?)`;
const RECEIVE = String.raw`(?<!不予|不|未|拒绝)(?:新收|收到|接收|接到|受理)`;
const NEXT_YEAR = String.raw`(?:下一?年度?|明年|次年|[0-9０-９]{4}\s*年度?)`;
const FORWARD = String.raw`结转(?:至|到)?\s*${NEXT_YEAR}`;
const LAST_YEAR = String.raw`(?:上一?年度?|去年)`;
const NEG = String.raw`(?:没有|未|无)`;
/** words between 没有/未/无 and 行政复议/行政诉讼 in a zero statement */
const RL_ZERO_GAP = String.raw`(?:发生|出现|收到|产生|接到|涉及)?(?:过)?(?:任何)?(?:因|涉及|有关)?(?:政府信息公开|信息公开)?(?:工作)?(?:而)?(?:被申请|被提起|引起|引发|提起|申请)?(?:的)?(?:政府信息公开|信息公开)?(?:方面)?(?:的)?`;

const AND = String.raw`\s*(?:案件)?\s*(?:和|与|及|、|或)\s*`;
const NOT_AND_LITIGATION = String.raw`(?!${AND}行政诉讼)`;
const NOT_AFTER_REVIEW = String.raw`(?<!行政复议${AND})`;

interface Pattern {
  concept: NarrativeConcept | "reviewAndLitigation";
  re: RegExp;
  /** a word every match contains: a cheap test before the regular expression */
  needs: string;
  /** the value when the pattern has no count (zero statements) */
  zero?: true;
  /** only in these sections */
  sections?: readonly SectionKey[];
}

const NEEDS: Readonly<Record<Pattern["concept"], string>> = {
  newReceived: "申请",
  carriedOver: "结转",
  carriedForward: "结转",
  granted: "予以公开",
  partial: "部分",
  review: "行政复议",
  litigation: "行政诉讼",
  reviewAndLitigation: "行政诉讼",
  normativeDocsIssued: "规范性文件",
  normativeDocsMade: "规范性文件",
};

const p = (concept: Pattern["concept"], src: string, extra: Partial<Pattern> = {}): Pattern => ({
  concept,
  re: new RegExp(src.replace("{COUNT}", COUNT).replace("{DOCCOUNT}", DOCCOUNT), "gu"),
  needs: NEEDS[concept],
  ...extra,
});

/** Every statement has a count with a unit or a negation: most clauses are passed over on this test alone. */
const MAY_STATE = /[0-9０-９零〇一二两三四五六七八九十百千]\s*[件项起个份部]|没有|未|无/u;

const PATTERNS: readonly Pattern[] = [
  // 共接收政府信息公开申请6件 · 收到政府信息公开申请共计6件 · 全年共受理依申请公开12件 · 收到需要办理的依申请公开事项 0 项
  p("newReceived", String.raw`${RECEIVE}[^0-9０-９]{0,12}?${REQUEST}${FILL}{COUNT}`),
  // 受理6件政府信息公开申请
  p("newReceived", String.raw`${RECEIVE}(?:了)?\s*(?:(?:共计|合计|共)\s*)?{COUNT}\s*(?:的)?\s*${REQUEST}`),
  // in the request section, plain 申请: 本年度共收到申请6件
  p("newReceived", String.raw`(?:新收|收到|接收|接到)(?:各类|的)?申请${FILL}{COUNT}`, { sections: ["s3_requests"] }),
  // 未收到政府信息公开申请 · 无依申请公开事项
  p("newReceived", String.raw`${NEG}(?:收到|接到|接收|受理|发生|出现)?(?:过)?(?:任何)?(?:需要办理的)?${REQUEST}`, { zero: true }),

  // 上年结转2件 · 上年度结转的政府信息公开申请2件
  p(
    "carriedOver",
    String.raw`${LAST_YEAR}\s*(?:未办结的?|未办理完毕的?)?\s*(?:${REQUEST}|申请)?\s*结转(?:至本年度?|到本年度?|至今年|到今年)?\s*(?:的)?\s*(?:${REQUEST}|申请)?\s*(?:办理)?${FILL}{COUNT}`,
  ),
  // 2件为上年结转
  p("carriedOver", String.raw`{COUNT}\s*(?:申请)?\s*(?:为|系|属)\s*${LAST_YEAR}\s*结转`),

  // 结转下年度继续办理1件
  p(
    "carriedForward",
    String.raw`${FORWARD}\s*(?:继续)?(?:办理|处理|答复)?\s*(?:的)?\s*(?:${REQUEST}|申请)?${FILL}{COUNT}`,
  ),
  // 1件结转下年度办理 · 1件申请需结转下一年度办理
  p(
    "carriedForward",
    String.raw`{COUNT}\s*(?:的)?\s*(?:${REQUEST}|申请)?\s*(?:需要|需|将|予以|已|均|依法)?\s*${FORWARD}`,
  ),

  // 予以公开5件 · 5件予以公开 (not 部分予以公开, 不予以公开)
  p("granted", String.raw`(?<!部分|不)予以公开${FILL}{COUNT}`),
  p("granted", String.raw`{COUNT}\s*(?:均|已|已经|依法)?\s*予以公开`),
  // 部分公开2件 · 予以部分公开2件 · 部分予以公开2件 · 2件部分公开
  p("partial", String.raw`(?:予以)?部分(?:予以)?公开${FILL}{COUNT}`),
  p("partial", String.raw`{COUNT}\s*(?:均|已|已经|依法)?\s*(?:予以)?部分(?:予以)?公开`),

  // 行政复议、行政诉讼各1件 / 均为0件
  p("reviewAndLitigation", String.raw`行政复议${AND}行政诉讼\s*(?:案件)?\s*(?:均为|均|各)\s*{COUNT}`),
  // 没有政府信息公开行政复议、行政诉讼情况 · 未发生因政府信息公开引起的行政复议和行政诉讼
  p("reviewAndLitigation", String.raw`${NEG}${RL_ZERO_GAP}行政复议${AND}行政诉讼`, { zero: true }),
  // 被申请行政复议2件 · 行政复议案件共2起 · 2起行政复议
  // (a count after "行政复议、行政诉讼" or before it may be of both: not taken)
  p("review", String.raw`行政复议${FILL}{COUNT}`),
  p("review", String.raw`{COUNT}\s*(?:的)?\s*(?:政府信息公开)?\s*行政复议${NOT_AND_LITIGATION}`),
  p("review", String.raw`${NEG}${RL_ZERO_GAP}行政复议${NOT_AND_LITIGATION}`, { zero: true }),
  p("litigation", String.raw`${NOT_AFTER_REVIEW}行政诉讼${FILL}{COUNT}`),
  p("litigation", String.raw`{COUNT}\s*(?:的)?\s*(?:政府信息公开)?\s*行政诉讼`),
  p("litigation", String.raw`${NEG}${RL_ZERO_GAP}${NOT_AFTER_REVIEW}行政诉讼`, { zero: true }),

  // 发布规范性文件3件 · 印发行政规范性文件共3件 · 印发3件规范性文件
  p(
    "normativeDocsIssued",
    String.raw`(?:发布|印发|公布|新公开)(?:了)?\s*(?:的)?\s*(?:行政)?规范性文件\s*(?:(?:共计|合计|共|计)\s*)?(?:(?:为|达)\s*)?{DOCCOUNT}`,
  ),
  p("normativeDocsIssued", String.raw`(?:发布|印发|公布|新公开)(?:了)?\s*(?:(?:共计|共)\s*)?{DOCCOUNT}\s*(?:行政)?规范性文件`),
  p(
    "normativeDocsMade",
    String.raw`(?:制定|制作|制发|出台)(?:了)?\s*(?:的)?\s*(?:行政)?规范性文件\s*(?:(?:共计|合计|共|计)\s*)?(?:(?:为|达)\s*)?{DOCCOUNT}`,
  ),
  p("normativeDocsMade", String.raw`(?:制定|制作|制发|出台)(?:了)?\s*(?:(?:共计|共)\s*)?{DOCCOUNT}\s*(?:行政)?规范性文件`),
];

/** Cross-clause carry-forward: "1件信件申请，结转下一年办理". */
const FORWARD_ALONE = new RegExp(String.raw`^\s*(?:需要|需|将|予以|已|均|依法)?\s*${FORWARD}\s*(?:继续)?(?:办理|处理|答复)?\s*$`, "u");
const COUNT_FIRST = new RegExp(String.raw`^\s*(?:另有|还有|有)?\s*${COUNT}[^0-9０-９]{0,8}$`, "u");

// ---------------------------------------------------------------------------------------------------------------
// Exclusions

/** Phrases that look like scope words but name the whole: removed before the checks below. */
const WHOLE = /公民、?法人(?:和|或|及)其他组织|(?:本|我)(?:部门|机关|单位|局|委|办|厅|街道|镇|乡|区|县|市|中心|府)/gu;
/** Full-year periods, removed before the partial-period check. */
const FULL_YEAR =
  /(?:[0-9０-９]{4}\s*年\s*)?(?:1|一)\s*月\s*(?:1|一)\s*日\s*(?:起)?\s*(?:至|到|—|－|-|~|～)\s*(?:[0-9０-９]{4}\s*年\s*)?(?:12|十二)\s*月\s*(?:31|三十一)\s*日\s*(?:止)?|(?:12|十二)\s*月\s*(?:31|三十一)\s*日|(?:12|十二)\s*月\s*(?:底|末)/gu;
const PARTIAL_PERIOD = /(?:^|[^0-9０-９])(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月|上半年|下半年|季度|月份/u;

/** A part of the whole, a different period, a comparison, an estimate or money: never compared. */
const EXCLUDE_ALL =
  /本级|部门|乡镇|街道|县（市）|县\(市\)|各县|各区|各地|各单位|累计|历年|以来|同比|环比|比上年|较上年|比去年|较去年|增加|增长|减少|下降|上升|持平|分别|平均|大约|约(?=\s*[0-9０-９一二两三四五六七八九十])|左右|处理费|收费|费用/u;
/** Channels and applicant types: a part of the requests. */
const EXCLUDE_CHANNEL =
  /网上|网络|在线|线上|信函|信件|当面|来信|来访|邮寄|传真|邮件|自然人|法人|企业|科研机构|公益组织|法律服务机构/u;
/** Statements about other years (the report year's "上年结转" is its own concept). */
const EXCLUDE_OTHER_YEAR = /上年|上一年|去年|往年|前年/u;
/** Outcomes of review/litigation cases: the count would be a part. */
const EXCLUDE_RL_OUTCOME = /维持|纠正|纠错|撤销|确认违法|驳回|败诉|胜诉|审结|审理|结果|判决|裁定|撤诉|调解/u;

const EXCLUDE: Readonly<Record<NarrativeConcept, readonly RegExp[]>> = {
  newReceived: [EXCLUDE_OTHER_YEAR, /其中|结转|咨询|复议|诉讼|建议|提案|投诉|举报|信访|答复|办结|办理完毕|处理完毕|不予受理/u],
  carriedOver: [],
  carriedForward: [],
  granted: [EXCLUDE_OTHER_YEAR],
  partial: [EXCLUDE_OTHER_YEAR],
  review: [EXCLUDE_OTHER_YEAR, EXCLUDE_RL_OUTCOME],
  litigation: [EXCLUDE_OTHER_YEAR, EXCLUDE_RL_OUTCOME],
  normativeDocsIssued: [EXCLUDE_OTHER_YEAR, /其中|解读|清理|备案|审查|审核|废止|修订|修改|征求意见|草案|规章/u],
  normativeDocsMade: [EXCLUDE_OTHER_YEAR, /其中|解读|清理|备案|审查|审核|废止|修订|修改|征求意见|草案|规章/u],
};

/** The sentence must be about the matter, unless the text is in the matter's own section. */
const CONTEXT: Partial<Record<NarrativeConcept, { re: RegExp; section: SectionKey }>> = {
  granted: { re: /申请/u, section: "s3_requests" },
  partial: { re: /申请/u, section: "s3_requests" },
  review: { re: /信息公开/u, section: "s4_reviewLitigation" },
  litigation: { re: /信息公开/u, section: "s4_reviewLitigation" },
};

/** Concepts whose counts a channel or applicant type makes a part. */
const CHANNEL_SENSITIVE: ReadonlySet<NarrativeConcept> = new Set(["newReceived", "granted", "partial"]);

/**
 * Scope words apply to the sentence up to the end of the statement ("网上申请10件，其中予以公开3件": the 3 are
 * the online ones), not after it ("共接收申请6件，5件为网络申请": the 6 are all).
 */
function scopeExcluded(text: string, concept: NarrativeConcept | null): boolean {
  const c = text.replace(WHOLE, "");
  if (EXCLUDE_ALL.test(c) || PARTIAL_PERIOD.test(c.replace(FULL_YEAR, ""))) return true;
  return concept !== null && CHANNEL_SENSITIVE.has(concept) && EXCLUDE_CHANNEL.test(c);
}

function excludedFor(concept: NarrativeConcept, clause: string): boolean {
  const c = clause.replace(WHOLE, "");
  return EXCLUDE[concept].some((re) => re.test(c));
}

// ---------------------------------------------------------------------------------------------------------------
// Text splitting

interface Span {
  text: string;
  start: number;
}

function split(text: string, start: number, delimiter: RegExp): Span[] {
  const out: Span[] = [];
  let from = 0;
  for (const m of text.matchAll(delimiter)) {
    out.push({ text: text.slice(from, m.index), start: start + from });
    from = m.index + m[0].length;
  }
  out.push({ text: text.slice(from), start: start + from });
  return out;
}

const SENTENCE_END = /[。！!？?；;\r\n]/gu;
/** "," between digits is digit grouping (1,234), not a clause break */
const CLAUSE_END = /[，]|,(?![0-9]{3}(?![0-9]))/gu;

function trimmed(s: Span): Span {
  const lead = s.text.length - s.text.trimStart().length;
  return { text: s.text.trim(), start: s.start + lead };
}

const YEAR = /(?<![0-9０-９])([12][0-9]{3}|[１２][０-９]{3})\s*年/gu;

/** Whether the sentence names a year other than the report's (next year allowed where work is carried forward). */
function namesOtherYear(sentence: string, year: number): boolean {
  for (const m of sentence.matchAll(YEAR)) {
    const y = parseCount(m[1]);
    if (y === year || (y === year + 1 && /结转/u.test(sentence))) continue;
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Extraction

interface Candidate {
  concept: NarrativeConcept;
  value: number;
}

function candidatesIn(clause: string, section: SectionKey): Candidate[] {
  const out: Candidate[] = [];
  if (!MAY_STATE.test(clause)) return out;
  for (const pat of PATTERNS) {
    if (!clause.includes(pat.needs)) continue;
    if (pat.sections && !pat.sections.includes(section)) continue;
    for (const m of clause.matchAll(pat.re)) {
      let value = 0;
      if (!pat.zero) {
        const v = parseCount(m.groups?.n ?? "");
        if (v === null) continue;
        value = v;
      }
      if (pat.concept === "reviewAndLitigation") {
        out.push({ concept: "review", value }, { concept: "litigation", value });
      } else {
        out.push({ concept: pat.concept, value });
      }
    }
  }
  return out;
}

/**
 * Every count the narrative states for a table cell, by the rules above. `sections` may lack sections
 * (a missing one is empty). The same statement in two sections is listed twice.
 */
export function extractNarrativeNumbers(
  version: FormatVersion,
  sections: Partial<Record<SectionKey, string>>,
  opts: NarrativeNumberOptions = {},
): NarrativeNumber[] {
  const out: NarrativeNumber[] = [];
  for (const section of SECTION_KEYS) {
    const text = sections[section] ?? "";
    if (!text) continue;
    for (const sentence of split(text, 0, SENTENCE_END)) {
      if (!MAY_STATE.test(sentence.text)) continue;
      if (opts.year !== undefined && namesOtherYear(sentence.text, opts.year)) continue;
      const clauses = split(sentence.text, sentence.start, CLAUSE_END).map(trimmed);
      const seen = new Set<NarrativeConcept>();
      clauses.forEach((clause, i) => {
        if (!clause.text) return;
        let quote = clause;
        let cands = candidatesIn(clause.text, section);
        // "1件信件申请，结转下一年办理": the count is in the clause before
        const before = clauses[i - 1];
        if (cands.length === 0 && before && FORWARD_ALONE.test(clause.text) && /申请/u.test(before.text)) {
          const m = COUNT_FIRST.exec(before.text);
          const v = m ? parseCount(m.groups?.n ?? "") : null;
          if (v !== null) {
            cands = [{ concept: "carriedForward", value: v }];
            quote = { text: text.slice(before.start, clause.start + clause.text.length), start: before.start };
          }
        }
        if (cands.length === 0) return;
        const prefix = text.slice(sentence.start, clause.start + clause.text.length);
        if (scopeExcluded(prefix, null)) return;
        const byConcept = new Map<NarrativeConcept, Set<number>>();
        for (const c of cands) {
          if (!byConcept.has(c.concept)) byConcept.set(c.concept, new Set());
          byConcept.get(c.concept)!.add(c.value);
        }
        for (const [concept, values] of byConcept) {
          if (seen.has(concept)) continue;
          seen.add(concept);
          if (values.size !== 1) continue; // two different counts for one thing in one clause: not confident
          if (excludedFor(concept, quote.text) || scopeExcluded(prefix, concept)) continue;
          const ctx = CONTEXT[concept];
          if (ctx && section !== ctx.section && !ctx.re.test(sentence.text)) continue;
          out.push({
            section,
            concept,
            quote: quote.text,
            start: quote.start,
            end: quote.start + quote.text.length,
            value: [...values][0],
            cellKeys: [...CONCEPTS[concept].keys(version)],
          });
        }
      });
    }
  }
  return out;
}

/** A cell's value; a total is computed from its leaves when they are given (null when all are blank). */
function tableValue(v: FormatVersion, cells: CellMap, key: string): number | null {
  const def = cellDef(v, key);
  const leaves = def?.derived ? (def.leafParts ?? []) : [];
  if (leaves.some((k) => cells[k] !== undefined)) {
    if (leaves.every((k) => cells[k] === null || cells[k] === undefined)) return null;
    return leaves.reduce((s, k) => s + (cells[k] ?? 0), 0);
  }
  return cells[key] ?? null;
}

function sumOf(v: FormatVersion, cells: CellMap, keys: readonly string[]): number | null {
  const values = keys.map((k) => tableValue(v, cells, k));
  if (values.every((x) => x === null)) return null;
  return values.reduce<number>((s, x) => s + (x ?? 0), 0);
}

/**
 * Counts stated in the narrative that disagree with the tables; [] when everything agrees. A blank table
 * cell disagrees with a non-zero count only (blank counts as 0 in the table rules).
 */
export function checkNarrativeNumbers(
  version: FormatVersion,
  sections: Partial<Record<SectionKey, string>>,
  cells: CellMap,
  opts: NarrativeNumberOptions = {},
): NarrativeNumberMismatch[] {
  const out: NarrativeNumberMismatch[] = [];
  for (const n of extractNarrativeNumbers(version, sections, opts)) {
    const table = sumOf(version, cells, n.cellKeys);
    if ((table ?? 0) === n.value) continue;
    const def = CONCEPTS[n.concept];
    const unit = cellDef(version, n.cellKeys[0])?.unit ?? "件";
    const tableText = table === null ? "未填" : `为 ${table} ${unit}`;
    out.push({
      ...n,
      cellKey: n.cellKeys[0],
      tableValue: table,
      message: `正文称${def.label} ${n.value} ${unit}，表格“${def.tableLabel(version)}”${tableText}。`,
    });
  }
  return out;
}
