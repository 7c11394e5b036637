/**
 * Report year, agency name and scope (own / summary) from the words of the report.
 *
 * Scope heuristic (decisions.md: a summary report is a people's government's report for its whole jurisdiction):
 *   SUMMARY points
 *     +3 the text says it summarises subordinate bodies: "汇总…各部门/各乡(镇)/各街道/各县…" (within one sentence)
 *     +2 "本行政区域" used as the report's subject (the 2019 table line "本行政区域(或本部门)…" does not count)
 *     +2 the agency is a people's government above township level (…省/市/区/县/旗/州/盟人民政府), a 行政公署,
 *        or a bare region name as title ("大兴安岭地区 2020 年…": the government's report for the region)
 *     +1 (at most twice) the text speaks for the whole jurisdiction: "全区/全市/全县…" next to its departments and
 *        lower governments ("各县（市）区", "地直各部门", "各乡镇"…)
 *   OWN points
 *     +3 the agency is a department, office or institution (…局/委员会/办公室/中心/厅…), a 乡/镇 government or a
 *        街道办事处 (no subordinate reports to summarise)
 *     +1 the text speaks of itself as one body: "本机关", "本单位", "我局", "我镇"…
 *   SUMMARY when its points are ≥ 2 and exceed OWN's; otherwise OWN when the document reads as a report at all;
 *   null when nothing is known (no agency, no signals, not a report).
 */
import type { Scope } from "./types";

const YEAR_MIN = 2008;

function plausibleYear(y: number): boolean {
  return y >= YEAR_MIN && y <= new Date().getFullYear() + 1;
}

const FLAT = (s: string) => s.normalize("NFKC").replace(/[\s\u3000]+/g, "");

const TITLE_RE = /(\d{4})年度?(?:政府|政务)?信息公开(?:工作)?(?:年度)?(?:报告|年报)/;
const PERIOD_RE = /(\d{4})年1月1日(?:起)?(?:至|到|-|—|~)(?:(\d{4})年)?12月31日/;
const YEAR_DU_RE = /(\d{4})年度/;
const YEAR_RE = /(\d{4})年/;

/**
 * The report year: from the title (…2022年政府信息公开工作年度报告), then the data period
 * (2022年1月1日至2022年12月31日), then "2022年度" near the start, then the file name, then any "2022年" near the
 * start. `head` is the first part of the text; `titles` are title candidates (first lines, HTML <title>).
 */
export function findYear(titles: readonly string[], head: string, filename?: string): { year: number | null; how: string } {
  for (const t of titles) {
    const m = TITLE_RE.exec(FLAT(t));
    if (m && plausibleYear(Number(m[1]))) return { year: Number(m[1]), how: "title" };
  }
  const flat = FLAT(head);
  const p = PERIOD_RE.exec(flat);
  if (p && plausibleYear(Number(p[1]))) return { year: Number(p[1]), how: "period" };
  const m2 = TITLE_RE.exec(flat);
  if (m2 && plausibleYear(Number(m2[1]))) return { year: Number(m2[1]), how: "title" };
  const d = YEAR_DU_RE.exec(flat.slice(0, 600));
  if (d && plausibleYear(Number(d[1]))) return { year: Number(d[1]), how: "text" };
  if (filename) {
    const f = /(?:^|[^\d])(20\d{2})(?:[^\d]|$)/.exec(filename);
    if (f && plausibleYear(Number(f[1]))) return { year: Number(f[1]), how: "filename" };
  }
  const y = YEAR_RE.exec(flat.slice(0, 300));
  if (y && plausibleYear(Number(y[1]))) return { year: Number(y[1]), how: "text" };
  return { year: null, how: "" };
}

const AGENCY_BEFORE_YEAR = /^(.{2,40}?)(?:关于)?(?:\d{4})年度?(?:政府|政务)?信息公开(?:工作)?(?:年度)?(?:报告|年报)/;
const AGENCY_AFTER_YEAR = /^(?:\d{4})年度?(.{2,40}?)(?:政府|政务)?信息公开(?:工作)?(?:年度)?(?:报告|年报)/;

/** The agency from a title line: "友谊县友谊镇人民政府 2022 年政府 信息公开工作年度报告" → "友谊县友谊镇人民政府". */
export function findAgency(titles: readonly string[]): string | null {
  for (const raw of titles) {
    // "…年度报告_XX市人民政府" (an HTML <title>): the part that holds the report title
    const parts = raw.split(/\s*[_|｜]\s*|\s+-\s+/).filter((p) => TITLE_RE.test(FLAT(p)));
    for (const part of parts.length > 0 ? parts : [raw]) {
      const t = FLAT(part).replace(/^[《〈“"]+/, "").replace(/[》〉”"]+$/, "");
      let m = AGENCY_BEFORE_YEAR.exec(t);
      let name = m ? m[1]! : null;
      if (!name) {
        m = AGENCY_AFTER_YEAR.exec(t);
        name = m ? m[1]! : null;
        if (name && /人民$/.test(name)) name += "政府"; // "2022年XX县人民政府信息公开…": one 政府 for two
      }
      if (!name) continue;
      name = name.replace(/^(关于|印发|发布)/, "").replace(/[《》〈〉“”"：:，,。]/g, "");
      if (name.length >= 2 && /[\u4e00-\u9fff]{2}/.test(name) && !/报告|年度/.test(name)) return name;
    }
  }
  return null;
}

const DEPARTMENT_SUFFIX = /(局|委员会|委|办公室|办|中心|厅|院|所|站|队|处|部|会|馆|社|公司|集团|银行|分局|支队|大队|监狱|学校|大学|医院)$/;
const TOWNSHIP_GOV = /(乡|镇|街道|街道办事处|苏木)(人民政府)?$|街道办事处$/;
const UPPER_GOV = /(省|自治区|市|区|县|旗|州|盟|地区)人民政府$|行政公署$/;
const BARE_REGION = /(省|自治区|市|地区|自治州|州|盟|县|自治县|区|旗|自治旗)$/;

export function findScope(agency: string | null, text: string, isReport: boolean): { scope: Scope | null; summary: number; own: number } {
  const flat = FLAT(text);
  let summary = 0;
  let own = 0;
  if (/汇总[^。；]{0,40}(各部门|各乡|各镇|各街道|各县|各区|各市|各单位|县(\(市|市)|各级)/.test(flat)) summary += 3;
  if (/本行政区域(?!\(或本部门\))/.test(flat.replace(/（/g, "(").replace(/）/g, ")"))) summary += 2;
  if (agency) {
    if (TOWNSHIP_GOV.test(agency)) own += 3;
    else if (UPPER_GOV.test(agency)) summary += 2;
    else if (/人民政府办公(室|厅)$/.test(agency) || DEPARTMENT_SUFFIX.test(agency)) own += 3;
    else if (BARE_REGION.test(agency)) summary += 2;
  }
  const wide = flat.match(/全(省|市|区|县|旗|州|盟)[^。；]{0,60}(各部门|各县|各乡|各镇|各街道|县\(市|地直|市直|区直|县直|省直)/g);
  summary += Math.min(2, wide?.length ?? 0);
  if (/(本机关|本单位|我局|我委|我办|本局|本委|本办|我镇|我乡|本镇|本乡|我街道|本中心|我中心)/.test(flat)) own += 1;
  let scope: Scope | null = null;
  if (summary >= 2 && summary > own) scope = "SUMMARY";
  else if (own > 0 || isReport) scope = "OWN";
  return { scope, summary, own };
}
