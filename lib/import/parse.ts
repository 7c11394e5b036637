/**
 * parseReport: one file (or text/HTML string) → year, format version, agency, scope, the six narrative sections,
 * every cell of the version, and the problems met on the way. Never throws for bad content: a file that cannot
 * be read at all comes back with a fatal problem (isFatal) and no cells.
 */
import {
  allCellDefs,
  cellDef,
  computeDerived,
  formatForYear,
  getFormat,
  getTable,
  RULES,
  validate,
  type CellMap,
  type FormatVersion,
  type SectionKey,
  type TableDef,
} from "../format";
import { layoutTextToTabs } from "./columns";
import { sniff } from "./detect";
import { docxToHtml } from "./docx";
import { htmlToText } from "./html";
import { LIMITS } from "./limits";
import { findAgency, findScope, findYear } from "./meta";
import { flatten } from "./normalize";
import { pdfToText } from "./pdf";
import { splitSections } from "./sections";
import { cellStream, segments, type Segment } from "./stream";
import {
  layout,
  matchRows,
  readReviewRow,
  readRow,
  unitHintsFor,
  versionMarkers,
  type CellRead,
  type Layout,
  type RowMatch,
  type RowRead,
} from "./tables";
import type { ImportResult, ImportSections, ParseInput, ParseOptions, Problem, ProblemCode } from "./types";

const SECTION_KEYS: readonly SectionKey[] = ["s1_overall", "s2_active", "s3_requests", "s4_reviewLitigation", "s5_problems", "s6_other"];

export { FATAL_CODES, isFatal } from "./codes";

export function emptySections(): ImportSections {
  return Object.fromEntries(SECTION_KEYS.map((k) => [k, ""])) as ImportSections;
}

export function failed(code: ProblemCode, message: string, extra: Problem[] = []): ImportResult {
  return { year: null, formatVersion: null, agencyName: null, scope: null, sections: emptySections(), cells: {}, problems: [...extra, { code, message }] };
}

const MB = 1024 * 1024;

export async function parseReport(input: ParseInput, opts: ParseOptions = {}): Promise<ImportResult> {
  const maxBytes = opts.maxBytes ?? LIMITS.maxFileBytes;
  const problems: Problem[] = [];
  let text: string;
  let htmlTitle: string | null = null;

  if (input.text !== undefined) {
    text = input.text;
  } else if (input.html !== undefined) {
    if (input.html.length > LIMITS.maxHtmlChars) return failed("TEXT_TOO_LONG", tooLong(input.html.length, LIMITS.maxHtmlChars));
    const h = htmlToText(input.html);
    text = h.text;
    htmlTitle = h.title;
  } else if (input.buffer !== undefined) {
    const buf = Buffer.isBuffer(input.buffer) ? input.buffer : Buffer.from(input.buffer.buffer, input.buffer.byteOffset, input.buffer.byteLength);
    if (buf.length === 0) return failed("EMPTY_FILE", "文件为空（0 字节），没有可读取的内容");
    if (buf.length > maxBytes) {
      return failed("FILE_TOO_LARGE", `文件大小 ${(buf.length / MB).toFixed(1)} MB，超过上限 ${(maxBytes / MB).toFixed(0)} MB，未读取`);
    }
    const kind = sniff(buf);
    switch (kind.kind) {
      case "pdf": {
        const pdf = await pdfToText(buf, opts.signal);
        if (!pdf.ok) return failed(pdf.noText ? "PDF_NO_TEXT" : opts.signal?.aborted ? "TIMEOUT" : "PDF_UNREADABLE", pdf.reason);
        if (pdf.pagesWithoutText.length > 0) {
          problems.push({
            code: "PDF_PAGES_WITHOUT_TEXT",
            message: `PDF 第 ${pdf.pagesWithoutText.join("、")} 页没有文字层（可能是扫描页），这些页的内容未能读取`,
          });
        }
        if (pdf.pages > pdf.pagesRead) {
          problems.push({ code: "PDF_TOO_MANY_PAGES", message: `PDF 共 ${pdf.pages} 页，只读取了前 ${pdf.pagesRead} 页` });
        }
        text = pdf.text;
        break;
      }
      case "zip": {
        const docx = await docxToHtml(buf);
        if (!docx.ok) return failed(docx.code, docx.reason);
        if (docx.html.length > LIMITS.maxHtmlChars) return failed("TEXT_TOO_LONG", tooLong(docx.html.length, LIMITS.maxHtmlChars));
        text = htmlToText(docx.html).text;
        break;
      }
      case "ole":
        return failed("UNSUPPORTED_FORMAT", "文件是旧版 Office 格式（.doc/.xls），无法读取；请另存为 .docx 或 PDF 后再导入");
      case "image":
        return failed("UNSUPPORTED_FORMAT", `文件是 ${kind.format} 图片，没有文字，无法读取（扫描件需先识别为文字）`);
      case "binary":
        return failed("BINARY_CONTENT", "文件内容不是文字，也不是 PDF、Word（.docx）或 HTML，无法读取（文件可能已损坏）");
      case "html":
      case "text": {
        if (kind.replaced > 0) {
          problems.push({ code: "TEXT_DECODING", message: `文本按 ${kind.encoding} 解码时有 ${kind.replaced} 个字符无法识别，已替换为“�”` });
        }
        if (kind.kind === "html") {
          if (kind.text.length > LIMITS.maxHtmlChars) return failed("TEXT_TOO_LONG", tooLong(kind.text.length, LIMITS.maxHtmlChars));
          const h = htmlToText(kind.text);
          text = h.text;
          htmlTitle = h.title;
        } else {
          text = kind.text;
        }
        break;
      }
    }
  } else {
    return failed("EMPTY_FILE", "没有提供文件内容");
  }
  if (opts.signal?.aborted) return failed("TIMEOUT", "读取超时");
  return parseText(text, { htmlTitle, filename: input.filename, problems });
}

function tooLong(n: number, max: number = LIMITS.maxTextChars): string {
  return `文件文字内容有 ${n.toLocaleString("en-US")} 个字符，超过上限 ${max.toLocaleString("en-US")}，未读取（一份年度报告通常不到 20 万字）`;
}

interface TextContext {
  htmlTitle: string | null;
  filename?: string;
  problems: Problem[];
}

export function parseText(rawText: string, ctx: TextContext): ImportResult {
  const problems = ctx.problems;
  // tables laid out with spaces (pdftotext -layout) become tab-separated, blank cells in place
  const text = layoutTextToTabs(rawText.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n"));
  if (text.length > LIMITS.maxTextChars) return failed("TEXT_TOO_LONG", tooLong(text.length), problems);
  if (text.replace(/\s+/g, "") === "") return failed("EMPTY_FILE", "文件中没有文字内容", problems);

  // narrative
  const split = splitSections(text);
  const sections = emptySections();
  for (const k of SECTION_KEYS) sections[k] = split.sections[k].split(/\n{2,}/).join("\n");
  const headings = countHeadings(text);

  // tables
  const segs = segments(cellStream(text));
  const lay = layout(segs);
  const markers = versionMarkers(lay);

  // year, title, agency
  const firstLines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.includes("\t") && !l.includes("|"))
    .slice(0, 5)
    .filter((l) => l.length <= 80);
  const titles = [...(split.title ? [split.title] : []), ...firstLines, ...(ctx.htmlTitle ? [ctx.htmlTitle] : [])];
  const { year } = findYear(titles, text.slice(0, 4000), ctx.filename);

  // version (spec §0) and cells; their problems are kept only if the file reads as a report at all
  const tableProblems: Problem[] = [];
  const v = decideVersion(lay, markers, year, tableProblems);
  let cells: CellMap = {};
  let anyRow = false;
  if (v) {
    const read = readTables(v, lay, tableProblems);
    cells = read.cells;
    anyRow = read.anyRow;
  }

  const isReport = anyRow || headings >= 3;
  if (!isReport) {
    problems.push({
      code: "NOT_A_REPORT",
      message:
        "未找到年度报告的统计表格（第二十条主动公开、申请处理情况、行政复议和行政诉讼）和章节标题（一、总体情况 … 六、其他需要报告的事项），这份文件可能不是政府信息公开工作年度报告，未读取",
    });
    return { year, formatVersion: null, agencyName: null, scope: null, sections: emptySections(), cells: {}, problems };
  }
  problems.push(...tableProblems);
  if (!v) {
    problems.push({
      code: "VERSION_UNKNOWN",
      message: year !== null && year < 2019
        ? `报告年度为 ${year} 年：2019 年以前没有统一的报告格式，统计表格未读取`
        : "无法判断报告格式版本（表格中没有区分 2019 版和 2021 版的表头，也没有读出报告年度），统计表格未读取",
    });
  }
  if (year === null) problems.push({ code: "YEAR_NOT_FOUND", message: "未能从标题或统计期限中读出报告年度" });

  const agencyName = findAgency(titles);
  if (!agencyName) problems.push({ code: "AGENCY_NOT_FOUND", message: "未能从报告标题中读出机关名称（标题应形如“××局2022年政府信息公开工作年度报告”）" });
  const scopeText = [split.title ?? "", split.preamble, sections.s1_overall.slice(0, 3000)].join("\n");
  const { scope } = findScope(agencyName, scopeText, isReport);
  if (!scope) problems.push({ code: "SCOPE_UNKNOWN", message: "无法判断是本机关报告还是汇总报告" });

  for (const m of split.problems) problems.push({ code: "SECTION", message: m });
  return { year, formatVersion: v, agencyName, scope, sections, cells, problems };
}

function countHeadings(text: string): number {
  const found = new Set<number>();
  for (const line of text.split("\n")) {
    if (line.length > 80 || !/^[\s\u3000#*]*[一二三四五六]/.test(line)) continue;
    const f = flatten(line).replace(/^[#*]+/, "").replace(/[、.:，,]/, "、");
    const m = /^([一二三四五六])、(.{2,30})$/.exec(f);
    if (!m) continue;
    const n = "一二三四五六".indexOf(m[1]!);
    const words = [/总体|概述|概况|基本情况/, /主动公开/, /申请/, /复议|诉讼/, /问题|改进/, /其[他它]|需要报告/][n]!;
    if (words.test(m[2]!)) found.add(n);
  }
  return found.size;
}

function decideVersion(lay: Layout, markers: Record<FormatVersion, string[]>, year: number | null, problems: Problem[]): FormatVersion | null {
  const m19 = markers["2019"];
  const m21 = markers["2021"];
  if (m21.length > 0 && m19.length === 0) return "2021";
  if (m19.length > 0 && m21.length === 0) return "2019";
  // rule 3: the （六）其他处理 rows
  const rows = matchRows(lay, "2021");
  const has = (id: string) => {
    const m = rows.get(id);
    return !!m && m.segment.values.some((c) => c.kind === "num");
  };
  const split = has("requests.results.other.noCorrection") || has("requests.results.other.noFeePaid");
  const single = has("requests.results.other") && !split;
  const byYear = year !== null && year >= 2019 ? formatForYear(year) : null;
  let v: FormatVersion | null = split ? "2021" : single ? "2019" : byYear;
  if (m19.length > 0 && m21.length > 0) {
    // conflicting header words: rule 3, then the year, then the majority
    v ??= m21.length >= m19.length ? "2021" : "2019";
    problems.push({
      code: "VERSION_CONFLICT",
      message: `表格同时有 2019 版表头（${m19.join("、")}）和 2021 版表头（${m21.join("、")}），按${split || single ? "（六）其他处理的行数" : byYear ? `报告年度 ${year}` : "多数表头"}判定为 ${v} 版`,
    });
  } else if (v && !split && !single && byYear) {
    problems.push({ code: "VERSION_FROM_YEAR", message: `表格中没有区分格式版本的表头，按报告年度 ${year} 判定为 ${v} 版格式` });
  }
  return v;
}

// ---------------------------------------------------------------------------------------------------------------

const OTHER_2021 = ["results.other.noCorrection", "results.other.noFeePaid", "results.other.other"];

function rowLabel(table: TableDef, rowKey: string): string {
  if (table.id === "reviewLitigation") return "行政复议、行政诉讼情况";
  const row = table.rows.find((r) => r.key === rowKey)!;
  const groups = row.groups.filter((g) => !g.startsWith("三、"));
  return [table.caption ?? "", ...groups, row.label].filter(Boolean).join(" ");
}

function tableName(table: TableDef): string {
  if (table.id === "requests") return "收到和处理政府信息公开申请情况表";
  if (table.id === "reviewLitigation") return "政府信息公开行政复议、行政诉讼情况表";
  return `${table.caption ?? table.id}表`;
}

/** The first numeric segment of the review/litigation table. */
function reviewSegment(lay: Layout): Segment | null {
  if (lay.reviewStart === null) return null;
  const segs = lay.segments;
  for (let i = lay.reviewStart; i < Math.min(segs.length, lay.reviewStart + 60); i++) {
    const s = segs[i]!;
    if (s.label && flatten(s.label.text).length > 30) {
      if (i > lay.reviewStart + 2) break; // prose after the table: no value row
      continue;
    }
    if (s.values.some((c) => c.kind === "num" || c.kind === "junk")) return s;
  }
  return null;
}

function readTables(v: FormatVersion, lay: Layout, problems: Problem[]): { cells: CellMap; anyRow: boolean } {
  const matches = matchRows(lay, v);
  const fmt = getFormat(v);
  const reads = new Map<string, CellRead>();
  const foundOptional = new Set<string>();
  const rowProblems: Problem[] = [];
  let anyRow = false;

  const note = (table: TableDef, rowKey: string, r: RowRead) => {
    const label = rowLabel(table, rowKey);
    for (const c of r.cells) reads.set(c.key, c);
    const missing = r.cells.filter((c) => c.missing && !cellDef(v, c.key)?.derived).map((c) => c.key);
    if (missing.length > 0) {
      rowProblems.push({
        code: "ROW_INCOMPLETE",
        message: `“${label}”一行只读到 ${r.found} 个单元格，应有 ${r.cells.length} 个；缺少的 ${missing.length} 个单元格留空（表格可能被截断）`,
        cells: missing,
      });
    }
    if (r.inferredBlanks) {
      const leafKey = (i: number) => r.cells[i]!.key;
      const uncertain = (r.uncertain ?? []).map(leafKey).filter((k) => !cellDef(v, k)?.derived);
      const blanks = r.inferredBlanks.map(leafKey);
      if (uncertain.length > 0) {
        rowProblems.push({
          code: "CELLS_UNCERTAIN",
          message: `“${label}”一行只印了 ${r.found} 个数字，应有 ${r.cells.length} 个，无法确定哪几个单元格是空白；这 ${uncertain.length} 个单元格留空，请核对原件`,
          cells: uncertain,
        });
      }
      if (blanks.length > 0) {
        rowProblems.push({
          code: "BLANKS_INFERRED",
          message: `“${label}”一行只印了 ${r.found} 个数字，应有 ${r.cells.length} 个；按该行的合计关系判断第 ${r.inferredBlanks.map((i) => i + 1).join("、")} 个单元格为空白，请核对`,
          cells: blanks,
        });
      }
    }
    if (r.ambiguous) {
      rowProblems.push({
        code: "ROW_EXTRA_CELLS",
        message: `“${label}”一行的数字多于 ${r.cells.length} 个，按位置取了${table.id === "reviewLitigation" ? "前" : "后"} ${r.cells.length} 个，请核对`,
        cells: r.cells.map((c) => c.key),
      });
    }
    for (const c of r.cells) {
      if (c.unreadable) {
        rowProblems.push({
          code: "CELL_UNREADABLE",
          message: `“${cellDef(v, c.key)?.label ?? c.key}”的内容“${c.unreadable.text}”无法读作数字（${c.unreadable.reason}），已留空`,
          cells: [c.key],
        });
      }
    }
  };

  const hasNumbers = (m: RowMatch | undefined) => !!m && m.segment.values.some((c) => c.kind === "num" || c.kind === "junk");

  for (const table of fmt.tables) {
    if (table.id === "reviewLitigation") {
      const seg = reviewSegment(lay);
      if (seg) {
        anyRow = true;
        note(table, "", readReviewRow(table, seg));
      } else {
        rowProblems.push({
          code: "TABLE_NOT_FOUND",
          message: `未找到${tableName(table)}${lay.reviewStart === null ? "" : "中的数字"}，该表 ${table.cells.length} 个单元格留空`,
          cells: table.cells.map((c) => c.key),
        });
      }
      continue;
    }
    const notFound: string[] = [];
    let foundInTable = 0;
    for (const row of table.rows) {
      // （六）其他处理 read in the other version's shape: see below
      if (table.id === "requests" && (row.key === "results.other" || OTHER_2021.includes(row.key))) continue;
      const m = matches.get(`${table.id}.${row.key}`);
      if (!m) {
        if (!row.optional) notFound.push(row.key);
        continue;
      }
      if (row.optional) foundOptional.add(row.key);
      foundInTable++;
      note(table, row.key, readRow(table, row.key, m.segment, unitHintsFor(table, lay.segments, m.segment.index)));
    }
    if (table.id === "requests") {
      const r = readOtherRows(v, table, matches, hasNumbers);
      for (const p of r.problems) rowProblems.push(p);
      for (const rr of r.rows) {
        foundInTable++;
        note(table, rr.rowKey, rr.read);
      }
      notFound.push(...r.notFound);
    }
    if (foundInTable > 0) anyRow = true;
    const allRows = table.rows.filter((r) => !r.optional).length;
    const cellsOf = (rowKey: string) => table.cells.filter((c) => c.rowKey === rowKey && !c.derived).map((c) => c.key);
    if (foundInTable === 0) {
      rowProblems.push({
        code: "TABLE_NOT_FOUND",
        message: `未找到${tableName(table)}，该表 ${table.cells.filter((c) => !c.optional && !c.derived).length} 个单元格留空`,
        cells: table.cells.filter((c) => !c.optional && !c.derived).map((c) => c.key),
      });
    } else {
      for (const rowKey of notFound) {
        if (cellsOf(rowKey).length === 0) continue; // （七）总计: computed anyway
        rowProblems.push({
          code: "ROW_NOT_FOUND",
          message: `${tableName(table)}中未找到“${rowLabel(table, rowKey)}”一行${notFound.length === allRows ? "" : "（文件可能被截断或该行标签无法识别）"}，该行单元格留空`,
          cells: cellsOf(rowKey),
        });
      }
    }
  }

  // leaf values as printed; printed totals kept apart
  const leaves: CellMap = {};
  const printed: CellMap = {};
  const blanks: string[] = [];
  for (const def of allCellDefs(v)) {
    if (def.optional && !foundOptional.has(def.rowKey)) continue;
    const r = reads.get(def.key);
    const value = r?.value ?? null;
    printed[def.key] = value;
    if (!def.derived) {
      leaves[def.key] = value;
      if (r && r.blank && !r.unreadable && !r.uncertain) blanks.push(def.key);
    }
  }

  // validate what the document printed, before totals are recomputed
  const issues = validate(v, printed);
  const computed = computeDerived(v, leaves);
  const mismatch = new Map<string, number>();
  for (const def of allCellDefs(v)) {
    if (!def.derived || (def.optional && !foundOptional.has(def.rowKey))) continue;
    const p = printed[def.key];
    if (p !== null && p !== undefined && p !== computed[def.key]) mismatch.set(def.key, p);
  }
  const out: Problem[] = [];
  for (const [key, p] of mismatch) {
    const issue = issues.find((i) => i.primaryCell === key);
    const def = cellDef(v, key)!;
    out.push({
      code: "PRINTED_TOTAL_MISMATCH",
      message: `${issue ? `${issue.message}。` : `“${def.label}”印刷为 ${p}，与各项之和 ${computed[key]} 不符。`}已采用计算值 ${computed[key]}，印刷值 ${p} 未采用`,
      cells: issue ? issue.cells : [key, ...(def.leafParts ?? [])],
      printed: p,
    });
  }
  for (const issue of issues) {
    if (mismatch.has(issue.primaryCell)) continue;
    const warn = RULES[issue.ruleId]?.severity === "warning";
    out.push({ code: `RULE_${issue.ruleId}`, message: `${warn ? "提示：" : ""}${issue.message}`, cells: issue.cells });
  }

  problems.push(...rowProblems);
  if (blanks.length > 0) {
    problems.push({
      code: "BLANK_CELLS",
      message: `${blanks.length} 个单元格在文件中为空白，保留为空（未填，不按 0 计）`,
      cells: blanks,
    });
  }
  problems.push(...out);

  const cells: CellMap = {};
  for (const def of allCellDefs(v)) {
    if (def.optional && !foundOptional.has(def.rowKey)) continue;
    cells[def.key] = computed[def.key] ?? null;
  }
  return { cells, anyRow };
}

/**
 * The （六）其他处理 rows. 2021 has three numbered rows, 2019 one. A report that prints the other version's shape
 * (decisions.md: a 2021 report with the old single row → requests.results.other.other; a 2019 report with the
 * three rows → their sum in requests.results.other) is read and the problem listed.
 */
function readOtherRows(
  v: FormatVersion,
  table: TableDef,
  matches: Map<string, RowMatch>,
  hasNumbers: (m: RowMatch | undefined) => boolean,
): { rows: { rowKey: string; read: RowRead }[]; notFound: string[]; problems: Problem[] } {
  const rows: { rowKey: string; read: RowRead }[] = [];
  const problems: Problem[] = [];
  const notFound: string[] = [];
  const old = matches.get("requests.results.other");
  const newRows = OTHER_2021.map((k) => ({ key: k, m: matches.get(`requests.${k}`) }));
  const other = getTable(v === "2021" ? "2019" : "2021", "requests")!;
  if (v === "2021") {
    if (hasNumbers(old) && !newRows.some((r) => hasNumbers(r.m))) {
      const read = readRow(other, "results.other", old!.segment, new Map());
      const mapped = remap(read, "requests.results.other.", "requests.results.other.other.");
      rows.push({ rowKey: "results.other.other", read: mapped });
      problems.push({
        code: "OTHER_ROW_2019_IN_2021",
        message:
          "2021 版格式的报告印的是旧版（2019 版）单行的“（六）其他处理”：其数字记入“（六）其他处理 3.其他”，“1.申请人无正当理由逾期不补正…”和“2.申请人逾期未按收费通知要求缴纳费用…”两行留空",
        cells: table.cells.filter((c) => c.rowKey === "results.other.other" && !c.derived).map((c) => c.key),
      });
      return { rows, notFound, problems };
    }
    for (const r of newRows) {
      if (r.m) rows.push({ rowKey: r.key, read: readRow(table, r.key, r.m.segment, new Map()) });
      else notFound.push(r.key);
    }
    return { rows, notFound, problems };
  }
  // 2019
  if (!hasNumbers(old) && newRows.some((r) => hasNumbers(r.m))) {
    const reads = newRows.filter((r) => r.m).map((r) => readRow(other, r.key, r.m!.segment, new Map()));
    const cols = table.columns.map((c) => c.key);
    const cells: CellRead[] = cols.map((col) => {
      const key = `requests.results.other.${col}`;
      const parts = reads.map((rr) => rr.cells.find((c) => c.key.endsWith(`.${col}`))!);
      const values = parts.map((p) => p.value).filter((x): x is number => x !== null);
      return { key, value: values.length > 0 ? values.reduce((a, b) => a + b, 0) : null, blank: values.length === 0, missing: false };
    });
    rows.push({ rowKey: "results.other", read: { cells, ambiguous: false, found: cols.length } });
    problems.push({
      code: "OTHER_ROWS_2021_IN_2019",
      message: "2019 版格式的报告印的是 2021 版分三行的“（六）其他处理”：三行之和记入“（六）其他处理”",
      cells: table.cells.filter((c) => c.rowKey === "results.other" && !c.derived).map((c) => c.key),
    });
    return { rows, notFound, problems };
  }
  if (old) rows.push({ rowKey: "results.other", read: readRow(table, "results.other", old.segment, new Map()) });
  else notFound.push("results.other");
  return { rows, notFound, problems };
}

function remap(read: RowRead, from: string, to: string): RowRead {
  return { ...read, cells: read.cells.map((c) => ({ ...c, key: c.key.startsWith(from) ? to + c.key.slice(from.length) : c.key })) };
}
