import "server-only";
// What the review queue and review page show beside a submission: rule results, last year's figures, copied text.
import { SECTION_KEYS, computeDerived, isFormatVersion, validate, type CellMap, type FormatVersion, type SectionKey } from "@/lib/format";
import { cellJumps, checkNarrativeNumbers, compareNarrative, flagSummary } from "@/lib/review";
import { db } from "./client";
import { cellsFromRows } from "./revision-cells";

export interface PreviousYear {
  reportId: number;
  formatVersion: FormatVersion;
  cells: CellMap;
  sections: Record<SectionKey, string>;
}

/** Last year's published revisions of these agencies, in two queries whatever their number. */
export async function previousYears(items: { agencyId: number; year: number }[]): Promise<Map<string, PreviousYear>> {
  if (items.length === 0) return new Map();
  const reports = await db().report.findMany({
    where: { OR: items.map((i) => ({ agencyId: i.agencyId, year: i.year - 1 })), publishedRevisionId: { not: null } },
    select: { id: true, agencyId: true, year: true, formatVersion: true, publishedRevision: true },
  });
  const revIds = reports.map((r) => r.publishedRevision!.id);
  const cells = await db().cell.findMany({ where: { revisionId: { in: revIds } }, select: { revisionId: true, key: true, value: true } });
  const byRev = new Map<number, { key: string; value: (typeof cells)[number]["value"] }[]>();
  for (const c of cells) (byRev.get(c.revisionId) ?? byRev.set(c.revisionId, []).get(c.revisionId)!).push(c);
  const out = new Map<string, PreviousYear>();
  for (const r of reports) {
    if (!isFormatVersion(r.formatVersion) || !r.publishedRevision) continue;
    out.set(`${r.agencyId}:${r.year + 1}`, {
      reportId: r.id,
      formatVersion: r.formatVersion,
      cells: cellsFromRows(byRev.get(r.publishedRevision.id) ?? []),
      sections: Object.fromEntries(SECTION_KEYS.map((k) => [k, r.publishedRevision![k]])) as Record<SectionKey, string>,
    });
  }
  return out;
}

export function sectionSimilarity(previous: PreviousYear | undefined, sections: Record<SectionKey, string>) {
  const out: Partial<Record<SectionKey, ReturnType<typeof compareNarrative>>> = {};
  if (!previous) return out;
  for (const k of SECTION_KEYS) {
    if (sections[k]?.trim() && previous.sections[k]?.trim()) out[k] = compareNarrative(previous.sections[k], sections[k]);
  }
  return out;
}

/** One short line per queued submission: warnings and their explanations, and text repeated from last year. */
export async function queueFlags(
  queue: { id: number; explanations: unknown; report: { agencyId: number; year: number; formatVersion: string } }[],
): Promise<Map<number, string>> {
  const [cellRows, revisions, prev] = await Promise.all([
    db().cell.findMany({ where: { revisionId: { in: queue.map((q) => q.id) } }, select: { revisionId: true, key: true, value: true } }),
    db().reportRevision.findMany({ where: { id: { in: queue.map((q) => q.id) } } }),
    previousYears(queue.map((q) => q.report)),
  ]);
  const out = new Map<number, string>();
  for (const q of queue) {
    const v = q.report.formatVersion as FormatVersion;
    const cells = computeDerived(v, cellsFromRows(cellRows.filter((c) => c.revisionId === q.id)));
    const previous = prev.get(`${q.report.agencyId}:${q.report.year}`);
    const issues = validate(v, cells, { previous: previous ? { formatVersion: previous.formatVersion, cells: previous.cells } : undefined });
    const rev = revisions.find((r) => r.id === q.id)!;
    const sections = Object.fromEntries(SECTION_KEYS.map((k) => [k, rev[k]])) as Record<SectionKey, string>;
    const sim = sectionSimilarity(previous, sections);
    const summary = flagSummary({
      issues,
      explanations: (q.explanations ?? {}) as Record<string, string>,
      similarity: Object.fromEntries(Object.entries(sim).map(([k, c]) => [k, c?.similarity ?? 0])),
      jumps: cellJumps(v, cells, previous ? { formatVersion: previous.formatVersion, cells: previous.cells } : null),
      numberMismatches: checkNarrativeNumbers(v, sections, cells, { year: q.report.year }),
    });
    out.set(q.id, previous ? summary.text : `${summary.text} · 无上年报告可比`);
  }
  return out;
}
