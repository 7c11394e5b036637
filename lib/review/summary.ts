/** The one-line summary of a report's flags for the supervisor's review queue. */
import { SECTIONS, issueKey } from "../format";
import type { Issue, SectionKey } from "../format/types";
import type { JumpSeverity } from "./jumps";

/** A section whose text repeats last year's at least this much counts as copied. */
export const COPIED_THRESHOLD = 0.6;

export interface FlagSummaryInput {
  /** validate() output for the report, warnings included */
  issues: readonly Pick<Issue, "ruleId" | "primaryCell" | "severity">[];
  /** the clerk's explanations of warnings, keyed by issueKey() */
  explanations: Readonly<Record<string, string>>;
  /** compareNarrative(...).similarity per section; missing sections were not compared */
  similarity: Readonly<Partial<Record<SectionKey, number>>>;
  jumps: readonly { severity: JumpSeverity }[];
  /** checkNarrativeNumbers() output, or its length */
  numberMismatches: readonly unknown[] | number;
}

export interface FlagSummary {
  /** errors in `issues` (a submitted report has none; counted in case) */
  errors: number;
  warnings: number;
  /** warnings with a non-blank explanation */
  explained: number;
  largeJumps: number;
  notableJumps: number;
  /** 0..1; 0 when no section was compared */
  maxSimilarity: number;
  /** sections with similarity ≥ COPIED_THRESHOLD, in official order */
  copiedSections: SectionKey[];
  numberMismatches: number;
  /** one short Chinese line, e.g. "2条提示（已说明2条）· 3处大幅变化 · 第一部分与上年重复78%" */
  text: string;
}

const CN_NUMBER = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** Percent for display, rounded down so that a copy is never overstated (0.999 → 99%). */
const percent = (x: number) => `${Math.floor(x * 100 + 1e-9)}%`;

/** " · " between parts; no space after a full-width bracket, which carries its own spacing ("（已说明2条）· 3处"). */
function joinParts(parts: readonly string[]): string {
  return parts.reduce((acc, part) => (acc === "" ? part : `${acc}${acc.endsWith("）") ? "" : " "}· ${part}`), "");
}

export function flagSummary(input: FlagSummaryInput): FlagSummary {
  const errors = input.issues.filter((i) => i.severity === "error").length;
  const warningIssues = input.issues.filter((i) => i.severity === "warning");
  const explained = warningIssues.filter((i) => (input.explanations[issueKey(i)] ?? "").trim() !== "").length;
  const largeJumps = input.jumps.filter((j) => j.severity === "large").length;
  const notableJumps = input.jumps.filter((j) => j.severity === "notable").length;
  const sims = SECTIONS.map((s) => ({ section: s, value: input.similarity[s.key] })).filter(
    (x): x is { section: (typeof SECTIONS)[number]; value: number } => typeof x.value === "number" && Number.isFinite(x.value),
  );
  const maxSimilarity = sims.reduce((m, x) => Math.max(m, x.value), 0);
  const copied = sims.filter((x) => x.value >= COPIED_THRESHOLD);
  const numberMismatches =
    typeof input.numberMismatches === "number" ? input.numberMismatches : input.numberMismatches.length;

  const parts: string[] = [];
  if (errors > 0) parts.push(`${errors}处错误`);
  if (warningIssues.length > 0) parts.push(`${warningIssues.length}条提示（已说明${explained}条）`);
  if (largeJumps > 0) parts.push(`${largeJumps}处大幅变化`);
  if (copied.length === 1) {
    parts.push(`第${CN_NUMBER[copied[0].section.number]}部分与上年重复${percent(copied[0].value)}`);
  } else if (copied.length > 1) {
    const names = copied.map((x) => CN_NUMBER[x.section.number]).join("、");
    parts.push(`第${names}部分与上年重复（最高${percent(Math.max(...copied.map((x) => x.value)))}）`);
  }
  if (numberMismatches > 0) parts.push(`${numberMismatches}处数字与表格不符`);

  return {
    errors,
    warnings: warningIssues.length,
    explained,
    largeJumps,
    notableJumps,
    maxSimilarity,
    copiedSections: copied.map((x) => x.section.key),
    numberMismatches,
    text: parts.length > 0 ? joinParts(parts) : "无提示",
  };
}
