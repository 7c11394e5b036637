// The three statistical tables alone (roll-ups, comparisons): the same renderers as a full report.
import { sectionTables, type CellMap, type FormatVersion } from "@/lib/format";
import { ActiveTables } from "./ActiveTables";
import { OfficialTable, type CellMarks } from "./OfficialTable";

export function ReportTables({ version, values, marks }: { version: FormatVersion; values: CellMap; marks?: CellMarks }) {
  return (
    <div className="space-y-6">
      <h3 className="font-medium">二、主动公开政府信息情况</h3>
      <ActiveTables version={version} values={values} marks={marks} />
      <h3 className="font-medium">三、收到和处理政府信息公开申请情况</h3>
      {sectionTables(version, "s3_requests").map((t) => (
        <OfficialTable key={t.id} version={version} table={t} values={values} marks={marks} />
      ))}
      <h3 className="font-medium">四、政府信息公开行政复议、行政诉讼情况</h3>
      {sectionTables(version, "s4_reviewLitigation").map((t) => (
        <OfficialTable key={t.id} version={version} table={t} values={values} marks={marks} />
      ))}
    </div>
  );
}
