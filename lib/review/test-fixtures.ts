/** Test-only: the sample reports (plain text and expected cells) split into the six sections. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { SECTION_KEYS } from "../format";
import { SHARED, loadExpectedReports, type ExpectedReport } from "../format/test-fixtures";
import type { SectionKey } from "../format/types";

export interface SampleReport extends ExpectedReport {
  text: string;
  sections: Record<SectionKey, string>;
}

/** Words that identify each section's heading line ("一、总体情况", "六、其他需要报告事项" …). */
const HEADING_WORDS: readonly [string, RegExp][] = [
  ["一", /总体情况/],
  ["二", /主动公开/],
  ["三", /收到和处理/],
  ["四", /行政复议/],
  ["五", /存在的?主要问题|存在问题/],
  ["六", /其他需要报告/],
];

/**
 * The text of each section: from its heading line to the next heading found (headings a report leaves out
 * make the previous section longer; text before 一、 is dropped). Table lines stay in: the analyses must
 * ignore them.
 */
export function splitSections(text: string): Record<SectionKey, string> {
  const out = Object.fromEntries(SECTION_KEYS.map((k) => [k, ""])) as Record<SectionKey, string>;
  let current: SectionKey | null = null;
  const lines: Record<string, string[]> = {};
  for (const line of text.split("\n")) {
    const t = line.trim();
    const i = HEADING_WORDS.findIndex(([num, re]) => t.startsWith(`${num}、`) && re.test(t) && t.length < 40);
    if (i >= 0) {
      current = SECTION_KEYS[i];
      lines[current] = [];
      continue;
    }
    if (current) lines[current].push(line);
  }
  for (const k of SECTION_KEYS) out[k] = (lines[k] ?? []).join("\n").trim();
  return out;
}

export function loadSampleReports(): SampleReport[] {
  return loadExpectedReports().map((r) => {
    const text = readFileSync(path.join(SHARED, "reports", r.name.replace(/\.json$/, ".txt")), "utf8");
    return { ...r, text, sections: splitSections(text) };
  });
}

export function sampleReport(name: string): SampleReport {
  const r = loadSampleReports().find((x) => x.name.startsWith(name));
  if (!r) throw new Error(`no sample report ${name}`);
  return r;
}
