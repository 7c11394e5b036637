// A submitted or published report: values as text, exactly as the public page shows them, with the
// supervisor's comments still beside their sections.
import { SECTIONS, computeDerived, sectionTables, type CellMap, type FormatVersion } from "@/lib/format";
import type { ReportComment, Sections } from "@/lib/filing-client";
import { ActiveTables } from "@/components/report/ActiveTables";
import { Narrative } from "@/components/report/Narrative";
import { OfficialTable } from "@/components/report/OfficialTable";
import { CommentList } from "./CommentList";

export function ReadOnlyReport({
  version,
  title,
  cells,
  sections,
  comments,
}: {
  version: FormatVersion;
  title: string;
  cells: CellMap;
  sections: Sections;
  comments: readonly ReportComment[];
}) {
  const values = computeDerived(version, cells);
  const known = new Set<string>(SECTIONS.map((s) => s.key));
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold text-brand-800">{title}</h1>
        <p role="status" className="rounded border border-slate-300 bg-slate-100 px-4 py-3 text-sm text-slate-700">
          本报告已提交，当前为只读状态，不能修改。
        </p>
      </header>
      <CommentList comments={comments.filter((c) => c.section === null || !known.has(c.section))} title="审核意见（全文）" />
      {SECTIONS.map((s) => (
        <section key={s.key} aria-labelledby={`ro-${s.key}`} className="space-y-4">
          <h2 id={`ro-${s.key}`} className="border-l-4 border-brand-600 pl-3 text-lg font-semibold text-brand-800">
            {s.heading}
          </h2>
          <CommentList comments={comments.filter((c) => c.section === s.key)} title="审核意见" />
          {sections[s.key]?.trim() || !s.hasTables ? <Narrative text={sections[s.key] ?? ""} /> : null}
          {s.key === "s2_active" ? <ActiveTables version={version} values={values} /> : null}
          {s.key !== "s2_active" ? sectionTables(version, s.key).map((t) => <OfficialTable key={t.id} version={version} table={t} values={values} />) : null}
        </section>
      ))}
    </div>
  );
}
