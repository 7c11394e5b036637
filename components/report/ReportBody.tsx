// The six sections of a report in order, narrative and official tables — shared by the public page, the review
// page and the import preview.
import { SECTIONS, sectionTables, type CellMap, type FormatVersion, type SectionKey } from "@/lib/format";
import { ActiveTables } from "./ActiveTables";
import { Narrative } from "./Narrative";
import { OfficialTable, type CellMarks } from "./OfficialTable";

export function ReportBody({
  version,
  sections,
  values,
  marks,
  aside,
}: {
  version: FormatVersion;
  sections: Record<SectionKey, string>;
  values: CellMap;
  marks?: CellMarks;
  /** extra content shown under a section's heading (review comments, similarity figures) */
  aside?: Partial<Record<SectionKey, React.ReactNode>>;
}) {
  return (
    <div className="space-y-10">
      {SECTIONS.map((s) => (
        <section key={s.key} aria-labelledby={`sec-${s.key}`} className="space-y-4">
          <h2 id={`sec-${s.key}`} className="border-l-4 border-brand-600 pl-3 text-lg font-semibold text-brand-800">
            {s.heading}
          </h2>
          {aside?.[s.key]}
          {sections[s.key]?.trim() || !s.hasTables ? <Narrative text={sections[s.key] ?? ""} /> : null}
          {s.key === "s2_active" ? <ActiveTables version={version} values={values} marks={marks} /> : null}
          {s.key !== "s2_active"
            ? sectionTables(version, s.key).map((t) => <OfficialTable key={t.id} version={version} table={t} values={values} marks={marks} />)
            : null}
        </section>
      ))}
    </div>
  );
}
