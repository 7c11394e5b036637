/**
 * What differs between two copies of a draft, for the conflict dialog: the clerk chooses between their copy and
 * the one someone else saved meanwhile, so every differing cell and section is listed with both values.
 */
import { SECTIONS, allCellDefs, type CellMap, type FormatVersion, type SectionKey } from "@/lib/format";
import type { Sections } from "./contract";

export interface DraftContent {
  cells: CellMap;
  sections: Sections;
}

export interface CellDiff {
  key: string;
  label: string;
  mine: number | null;
  theirs: number | null;
}

export interface SectionDiff {
  key: SectionKey;
  heading: string;
  mine: string;
  theirs: string;
  /** the text around the first difference in each copy, for showing in a list */
  mineExcerpt: string;
  theirsExcerpt: string;
}

export interface DraftDiff {
  cells: CellDiff[];
  sections: SectionDiff[];
}

/** Leaf cells (optional rows included) in official order, then sections in order. Derived cells follow their
 *  leaves and are not listed. A missing cell is blank. */
export function diffDrafts(v: FormatVersion, mine: DraftContent, theirs: DraftContent): DraftDiff {
  const cells: CellDiff[] = [];
  for (const def of allCellDefs(v)) {
    if (def.derived) continue;
    const a = mine.cells[def.key] ?? null;
    const b = theirs.cells[def.key] ?? null;
    if (a !== b) cells.push({ key: def.key, label: def.label, mine: a, theirs: b });
  }
  const sections: SectionDiff[] = [];
  for (const s of SECTIONS) {
    const a = mine.sections[s.key] ?? "";
    const b = theirs.sections[s.key] ?? "";
    if (a !== b) {
      const ex = differenceExcerpts(a, b);
      sections.push({ key: s.key, heading: s.heading, mine: a, theirs: b, mineExcerpt: ex.a, theirsExcerpt: ex.b });
    }
  }
  return { cells, sections };
}

/** The two texts around their first difference, `context` characters either side, with "…" where cut. */
export function differenceExcerpts(a: string, b: string, context = 30): { a: string; b: string } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  // Common suffix, not overlapping the common prefix, so the excerpt ends where the texts agree again.
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const cut = (s: string, end: number) => {
    const from = Math.max(0, start - context);
    const to = Math.min(s.length, Math.max(end, start) + context);
    const body = s.slice(from, to).replace(/\n+/g, " ⏎ ");
    return (from > 0 ? "…" : "") + body + (to < s.length ? "…" : "") || "（空）";
  };
  return { a: cut(a, endA), b: cut(b, endB) };
}
