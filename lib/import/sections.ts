// Splits the plain text of a 政府信息公开工作年度报告 into its six narrative sections (spec §1).
//
// What it does, in order:
//   1. Finds the top-level headings 一、… 六、 (Chinese numeral, then 、 . ． ， or a space; full- and half-width
//      punctuation alike). A heading is accepted only if its words fit its number (二 mentions 主动公开, 四 复议 or
//      诉讼, …) and its number is higher than the last accepted one, so table rows such as "一、本年新收政府信息公开
//      申请数量" and sub-items such as "一是…" never split the text. Text after the heading on the same line starts
//      the section.
//   2. When a heading is missing (../reports/district-2020.txt has no 三、四、五), the section starts at its table
//      (the request table's 勾稽关系/申请人情况 header, the 行政复议 header) or, for 五, at the first prose after the
//      last table; each such guess is listed in `problems`.
//   3. Drops the statistical tables: lines with two or more "|" or tabs, lines ending in "|" (one cell per line, as
//      district-2020.txt), markdown separator rows, and runs of short cell-like lines (numbers and table labels).
//      Only sentences remain around the tables of 二, 三 and 四.
//   4. Drops page furniture: "第 3 页", "- 3 -", "3/12", lone numbers, web-page chrome (打印本页, 字体 大中小…), and
//      site footers (a block of short lines holding 主办单位, 网站标识码, ICP备, 公网安备, 版权所有… together with
//      the 联系电话/地址 lines around them). A report's own contact lines after 六 that carry no such marker stay.
//   5. Rebuilds paragraphs: every line is a paragraph, except that a line broken off mid-sentence (a page or column
//      break: long line, no closing punctuation, next line not a list item) is joined to the next one. Spaces that
//      PDF extraction leaves between two Chinese characters are removed. In the result a paragraph is a line (the
//      project's convention for narrative text: components/report/Narrative.tsx, the section editor).
import type { SectionKey } from "../format/types";

export interface SplitSectionsResult {
  /** text before 一、 (legal basis, data period, contact), without the title */
  preamble: string;
  /** the report's title line, when the text starts with one (…年度报告) */
  title?: string;
  sections: Record<SectionKey, string>;
  /** what could not be done as the format says, in Chinese, for the importer's problem list */
  problems: string[];
}

const KEYS: readonly SectionKey[] = ["s1_overall", "s2_active", "s3_requests", "s4_reviewLitigation", "s5_problems", "s6_other"];

const OFFICIAL_HEADINGS = [
  "一、总体情况",
  "二、主动公开政府信息情况",
  "三、收到和处理政府信息公开申请情况",
  "四、政府信息公开行政复议、行政诉讼情况",
  "五、存在的主要问题及改进情况",
  "六、其他需要报告的事项",
];

const NUMERALS = "一二三四五六";

/** The words a heading of each number must contain (checked on the heading part only). */
const HEADING_WORDS: readonly RegExp[] = [
  /总体情况|总体概述|概述|基本情况|概况|总体工作/,
  /主动公开/,
  /申请/,
  /复议|诉讼/,
  /问题|改进|不足|打算/,
  /其[他它]|需要报告/,
];

const HEADING_RE = /^([一二三四五六])\s*(?:[、.．,，:：]|\s)\s*(.+)$/;
const HEADING_END_RE = /(情况|事项|概述|概况|措施|打算)/;

interface Line {
  text: string;
  kind: "blank" | "text" | "table" | "furniture" | "heading";
  /** for headings: section index 0–5 */
  section?: number;
}

export function splitSections(input: string): SplitSectionsResult {
  const problems: string[] = [];
  const raw = input
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2002\u2003\u2009\u200b\ufeff]/g, " ")
    .split("\n");

  const lines: Line[] = raw.map((r) => classify(r));
  markCellRuns(lines);
  markFooters(lines);

  // 1. headings, in increasing order
  const starts: (number | null)[] = [null, null, null, null, null, null];
  let last = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind !== "text") continue;
    const h = matchHeading(line.text);
    if (!h || h.section <= last) continue;
    last = h.section;
    starts[h.section] = i;
    line.kind = "heading";
    line.section = h.section;
    // text after the heading on the same line starts the section
    if (h.rest) lines.splice(i + 1, 0, { text: h.rest, kind: "text" });
  }

  // 2. missing headings: start the section at its table or after the last table
  const found = starts.filter((s) => s !== null).length;
  if (found === 0) {
    problems.push("未找到任何章节标题（一、总体情况 … 六、其他需要报告的事项），全文作为“总体情况”。");
  } else {
    guessMissing(lines, starts, problems);
  }

  // 3. distribute
  const buckets: string[][] = [[], [], [], [], [], [], []]; // 0 = preamble, 1..6 = sections
  const boundaries = starts
    .map((s, idx) => ({ s, idx }))
    .filter((x): x is { s: number; idx: number } => x.s !== null)
    .sort((a, b) => a.s - b.s);
  let bucket = found === 0 ? 1 : 0;
  let next = 0;
  for (let i = 0; i < lines.length; i++) {
    while (next < boundaries.length && boundaries[next]!.s === i) {
      bucket = boundaries[next]!.idx + 1;
      next++;
    }
    const line = lines[i]!;
    if (line.kind === "text") buckets[bucket]!.push(line.text);
    else if (line.kind === "blank") buckets[bucket]!.push("");
  }

  // title: the first line of the preamble, when it names the report
  let title: string | undefined;
  const pre = buckets[0]!;
  const firstIdx = pre.findIndex((t) => t.trim() !== "");
  if (firstIdx >= 0) {
    const first = normalizeSpaces(pre[firstIdx]!);
    if (first.length <= 60 && !/[。；]/.test(first) && /报告|年报/.test(first)) {
      title = first;
      pre.splice(firstIdx, 1);
    }
  }

  // 1 missing but others found: the preamble's tail that is not about the report itself becomes 总体情况
  if (found > 0 && starts[0] === null) {
    const paras = pre.filter((t) => t.trim() !== "");
    const cut = paras.findIndex((t, idx) => idx > 0 && !/本报告|条例|统计期限|年度报告|1月1日|起至|至.*12月31日|联系/.test(t));
    if (cut > 0) {
      buckets[1] = [...paras.slice(cut), ...buckets[1]!];
      buckets[0] = paras.slice(0, cut);
    }
  }

  const sections = {} as Record<SectionKey, string>;
  KEYS.forEach((k, idx) => {
    sections[k] = paragraphs(buckets[idx + 1]!);
  });
  return { preamble: paragraphs(buckets[0]!), ...(title ? { title } : {}), sections, problems };
}

// ---------------------------------------------------------------------------------------------------------------

function classify(rawLine: string): Line {
  const text = rawLine.replace(/\s+$/, "").replace(/^[\s\u3000]+/, "");
  if (text === "") return { text, kind: "blank" };
  if (isTableLine(rawLine)) return { text, kind: "table" };
  const stripped = stripMarkup(text);
  if (stripped === "") return { text, kind: "blank" };
  if (isFurniture(stripped)) return { text: stripped, kind: "furniture" };
  return { text: stripped, kind: "text" };
}

/** Markdown emphasis and heading marks a converter may leave around a line. */
function stripMarkup(t: string): string {
  return t
    .replace(/^#{1,6}\s+/, "")
    .replace(/^\*\*(.*)\*\*$/, "$1")
    .replace(/^__(.*)__$/, "$1")
    .trim();
}

function isTableLine(raw: string): boolean {
  const t = raw.trim();
  if ((t.match(/\|/g)?.length ?? 0) >= 2) return true;
  if (t.endsWith("|") || t.startsWith("|")) return true;
  if ((raw.match(/\t/g)?.length ?? 0) >= 2) return true;
  if (/^[\s|:+\-─━┃│┌┐└┘├┤┬┴┼=]+$/.test(t) && /[-─━=]{3,}/.test(t)) return true;
  // one tab between a label and a number ("规章\t0")
  if (/\t/.test(raw) && /\t\s*[+\-]?\d/.test(raw) && t.length < 80) return true;
  return false;
}

const FURNITURE_RES: readonly RegExp[] = [
  /^第\s*\d+\s*页(\s*[,，/／]?\s*共\s*\d+\s*页)?$/,
  /^共\s*\d+\s*页(\s*[,，/／]?\s*第\s*\d+\s*页)?$/,
  /^[-—–]\s*\d+\s*[-—–]$/,
  /^\d+\s*[/／]\s*\d+$/,
  /^page\s*\d+(\s*of\s*\d+)?$/i,
  /^[+\-]?[\d.,，\s]+(万元|元|万|件|项|条)?$/, // a lone number: a table cell or a page number
  /^(打印本页|打印|关闭窗口|关闭|返回顶部|收藏本页|分享到|扫一扫|【?\s*字体|字号|浏览次数|阅读次数|访问次数|\[?\s*打印\s*\]?)/,
  /^第二十条第[（(][一二三四五六七八九十]+[）)]项$/,
  /^(信息内容|申请人情况|自然人|法人或其他组织|总计|行政复议|行政诉讼)$/,
];

function isFurniture(t: string): boolean {
  return FURNITURE_RES.some((re) => re.test(t));
}

const FOOTER_MARKER = /主办单位|承办单位|协办单位|网站标识码|ICP\s*备|公网安备|版权所有|技术支持|网站地图|Copyright|©/i;
const CONTACT_LIKE = /电话|地址|邮编|邮政编码|传真|邮箱|e-?mail|网址|备案|标识码|主办|承办|协办|版权|技术支持|维护|网站/i;

/** Site footers: a marker line and the short contact-like lines around it. */
function markFooters(lines: Line[]): void {
  const shortLine = (l: Line) => (l.kind === "text" || l.kind === "furniture") && l.text.length <= 80 && !/。/.test(l.text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // a sentence that merely mentions 技术支持 or 主办单位 is prose, not a footer
    if (!shortLine(line) || !FOOTER_MARKER.test(line.text)) continue;
    line.kind = "furniture";
    for (const dir of [-1, 1]) {
      for (let j = i + dir; j >= 0 && j < lines.length; j += dir) {
        const l = lines[j]!;
        if (l.kind === "blank") continue;
        if (!shortLine(l) || !(CONTACT_LIKE.test(l.text) || FOOTER_MARKER.test(l.text))) break;
        l.kind = "furniture";
      }
    }
  }
}

const TABLE_LABEL =
  /^(信息内容|规章|(行政)?规范性文件|其他主动公开文件|行政许可|其他对外管理服务事项|行政处罚|行政强制|行政事业性收费|政府集中采购|本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|本年增\/减|处理决定数量|本年处理决定数量|采购项目数量|采购总金额|本年制发件数|本年废止件数|现行有效件数|本年收费金额.*|本年新|自然人|法人或其他组织|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计|申请人情况|结果维持|结果纠正|其他结果|尚未审结|未经复议直接起诉|复议后起诉|行政复议|行政诉讼|第二十条第.*项|[（(][一二三四五六七][）)].{0,30}|\d+[.、．].{0,30}|[一二三四]、.{0,20}(数量|结果|办理))$/;

/** Pipe-less tables with one cell per line: runs of 3+ short cell-like lines, at least one of them a number. */
function markCellRuns(lines: Line[]): void {
  const cellLike = (t: string) => t.length <= 32 && !/[。；;]/.test(t) && (/^[+\-]?[\d.,，\s]+(万元|元|万|件|项)?$/.test(t) || TABLE_LABEL.test(t));
  const isNumber = (t: string) => /^[+\-]?[\d.,，\s]+(万元|元|万|件|项)?$/.test(t);
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.kind === "blank" || (lines[i]!.kind !== "text" && lines[i]!.kind !== "furniture") || !cellLike(lines[i]!.text)) {
      i++;
      continue;
    }
    let j = i;
    const run: number[] = [];
    while (j < lines.length) {
      const l = lines[j]!;
      if (l.kind === "blank" || l.kind === "table") {
        j++;
        continue;
      }
      if ((l.kind === "text" || l.kind === "furniture") && cellLike(l.text)) {
        run.push(j);
        j++;
        continue;
      }
      break;
    }
    const numbers = run.filter((k) => isNumber(lines[k]!.text)).length;
    if (run.length >= 3 && numbers >= 1) for (const k of run) lines[k]!.kind = "table";
    i = Math.max(j, i + 1);
  }
}

function matchHeading(text: string): { section: number; rest: string } | null {
  const m = HEADING_RE.exec(text);
  if (!m) return null;
  const section = NUMERALS.indexOf(m[1]!);
  const body = m[2]!.trim();
  let head: string;
  let rest: string;
  const end = HEADING_END_RE.exec(body);
  if (end && end.index + end[0].length <= 45) {
    head = body.slice(0, end.index + end[0].length);
    rest = body.slice(end.index + end[0].length);
  } else if (body.length <= 45 && !/[。；]/.test(body)) {
    head = body;
    rest = "";
  } else {
    return null;
  }
  if (!HEADING_WORDS[section]!.test(head)) return null;
  // a sentence that merely starts like a heading ("一、本年新收…数量", "三、本年度办理结果") has no heading words;
  // one that has them but goes on as a long clause is not a heading either
  if (/[，,；;]/.test(head) && head.length > 30) return null;
  rest = rest.replace(/^[\s。．.：:，,、；;）)]+/, "").trim();
  return { section, rest };
}

function guessMissing(lines: Line[], starts: (number | null)[], problems: string[]): void {
  const end = lines.length;
  const startOf = (n: number) => starts[n];
  const nextStart = (n: number) => {
    for (let k = n + 1; k < 6; k++) if (starts[k] !== null) return starts[k]!;
    return end;
  };
  const prevStart = (n: number) => {
    for (let k = n - 1; k >= 0; k--) if (starts[k] !== null) return starts[k]!;
    return 0;
  };
  const findTable = (from: number, to: number, re: RegExp) => {
    for (let i = from; i < to; i++) if (lines[i]!.kind === "table" && re.test(lines[i]!.text)) return i;
    return null;
  };
  const note = (n: number, how: string) =>
    problems.push(`未找到标题“${OFFICIAL_HEADINGS[n]}”，${how}。`);

  // 二: at the first 第二十条 table
  if (startOf(1) === null) {
    const at = findTable(prevStart(1) + 1, nextStart(1), /第二十条|信息内容/);
    if (at !== null && (startOf(0) === null || at > startOf(0)!)) {
      starts[1] = at;
      note(1, "从第二十条表格处开始");
    } else note(1, "该部分留空");
  }
  // 三: at the request table's header
  if (startOf(2) === null) {
    const at = findTable(prevStart(2) + 1, nextStart(2), /勾稽关系|申请人情况|本年新收/);
    if (at !== null) {
      // take the prose right before the table along (e.g. "本年度共收到申请…") — none if a table precedes it
      starts[2] = backToProse(lines, at, prevStart(2));
      note(2, "从申请情况表处开始");
    } else note(2, "该部分留空");
  }
  // 四: at the 行政复议 header
  if (startOf(3) === null) {
    const at = findTable(prevStart(3) + 1, nextStart(3), /行政复议/);
    if (at !== null) {
      starts[3] = backToProse(lines, at, prevStart(3));
      note(3, "从行政复议、行政诉讼表处开始");
    } else note(3, "该部分留空");
  }
  // 五: the first prose after the last table before 六, if it speaks of problems or improvements
  if (startOf(4) === null) {
    const from = prevStart(4);
    const to = nextStart(4);
    let lastTable = -1;
    for (let i = from; i < to; i++) if (lines[i]!.kind === "table") lastTable = i;
    let at: number | null = null;
    if (lastTable >= 0) {
      for (let i = lastTable + 1; i < to; i++) {
        if (lines[i]!.kind === "text") {
          at = i;
          break;
        }
      }
    }
    const prose = at === null ? "" : lines.slice(at, to).filter((l) => l.kind === "text").map((l) => l.text).join("");
    if (at !== null && /问题|不足|改进/.test(prose)) {
      starts[4] = at;
      note(4, "取最后一张表格之后的文字");
    } else note(4, "该部分留空");
  }
  if (startOf(5) === null) note(5, "该部分留空");
}

/** The start of the prose paragraph(s) directly before a table that belongs with it, or the table itself. */
function backToProse(lines: Line[], tableAt: number, floor: number): number {
  let i = tableAt - 1;
  while (i > floor && lines[i]!.kind === "blank") i--;
  if (i <= floor || lines[i]!.kind !== "text") return tableAt;
  // only a short lead-in sentence ("详见下表。") goes with the table
  return /下表|如下|见表/.test(lines[i]!.text) ? i : tableAt;
}

// ---------------------------------------------------------------------------------------------------------------

const CJK = "\\u3400-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef\\u2018-\\u201d\\u2026";
const CJK_GAP = new RegExp(`([${CJK}])[ \\t]+(?=[${CJK}])`, "g");

function normalizeSpaces(t: string): string {
  return t.replace(/[ \t]+/g, " ").replace(CJK_GAP, "$1").trim();
}

const CLOSED_END = /([。！？!?；;…:：]|[。！？!?][”’」』）)])$/;
const LIST_START = /^([（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|[一二三四五六七八九十]是|\d+[、.．]|[①-⑳])/;
const LABEL_START = /^[\u4e00-\u9fa5A-Za-z]{2,8}\s*[：:]/;

/** Lines → paragraphs, one per line; a line broken off mid-sentence is joined to the next. */
function paragraphs(lines: readonly string[]): string {
  const out: string[] = [];
  let pendingJoin = false;
  for (const rawLine of lines) {
    const line = normalizeSpaces(rawLine);
    if (line === "") continue;
    if (pendingJoin && out.length > 0 && !LIST_START.test(line) && !LABEL_START.test(line)) {
      const prev = out[out.length - 1]!;
      const glue = /[A-Za-z0-9]$/.test(prev) && /^[A-Za-z0-9]/.test(line) ? " " : "";
      out[out.length - 1] = prev + glue + line;
    } else {
      out.push(line);
    }
    const cur = out[out.length - 1]!;
    const subHeading = LIST_START.test(cur) && cur.length <= 40;
    pendingJoin = !CLOSED_END.test(cur) && cur.length >= 20 && !subHeading && !LABEL_START.test(cur);
  }
  return out.join("\n");
}
