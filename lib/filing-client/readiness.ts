/**
 * Whether a draft may be submitted, computed with the same engine the server uses: no rule error, no blank leaf
 * cell, no cell whose typed text could not be read, no over-long section, and a written explanation for every
 * soft warning (keyed by issueKey).
 */
import {
  SECTIONS,
  SECTION_MAX_LENGTH,
  blankLeafCells,
  cellDef,
  type CellMap,
  type FormatVersion,
  type Issue,
  type SectionKey,
} from "@/lib/format";
import type { Sections } from "./contract";
import { issueKey } from "./issue-key";

export interface BlankGroup {
  section: SectionKey;
  heading: string;
  keys: string[];
}

export interface Readiness {
  errors: Issue[];
  warnings: { issue: Issue; key: string; explained: boolean }[];
  /** cells holding text that is not a value; they are not counted as blank */
  unreadable: string[];
  blanks: BlankGroup[];
  blankCount: number;
  overlongSections: SectionKey[];
  ready: boolean;
}

export function readiness(
  v: FormatVersion,
  cells: CellMap,
  issues: readonly Issue[],
  explanations: Record<string, string>,
  unreadable: readonly string[],
  overlong: readonly SectionKey[],
): Readiness {
  const unreadableSet = new Set(unreadable);
  const errors = issues.filter((i) => i.severity === "error");
  const warnings = issues
    .filter((i) => i.severity === "warning")
    .map((issue) => {
      const key = issueKey(issue);
      return { issue, key, explained: (explanations[key] ?? "").trim() !== "" };
    });
  const bySection = new Map<SectionKey, string[]>();
  for (const key of blankLeafCells(v, cells)) {
    if (unreadableSet.has(key)) continue;
    const section = sectionOfCell(v, key);
    if (!section) continue;
    const list = bySection.get(section) ?? [];
    list.push(key);
    bySection.set(section, list);
  }
  const blanks = SECTIONS.filter((s) => bySection.has(s.key)).map((s) => ({ section: s.key, heading: s.heading, keys: bySection.get(s.key)! }));
  const blankCount = blanks.reduce((n, g) => n + g.keys.length, 0);
  const overlongSections = [...overlong];
  return {
    errors,
    warnings,
    unreadable: [...unreadable],
    blanks,
    blankCount,
    overlongSections,
    ready: errors.length === 0 && blankCount === 0 && unreadable.length === 0 && overlongSections.length === 0 && warnings.every((w) => w.explained),
  };
}

/** Sections over the length limit. Kept apart from readiness() so that typing in a narrative, which rarely
 *  changes this list, does not recompute (and re-render) the submit checklist. */
export function overlongSections(sections: Sections): SectionKey[] {
  return SECTIONS.filter((s) => (sections[s.key] ?? "").length > SECTION_MAX_LENGTH).map((s) => s.key);
}

export function sectionOfCell(v: FormatVersion, key: string): SectionKey | null {
  const def = cellDef(v, key);
  if (!def) return null;
  if (def.tableId.startsWith("active.")) return "s2_active";
  return def.tableId === "requests" ? "s3_requests" : "s4_reviewLitigation";
}
