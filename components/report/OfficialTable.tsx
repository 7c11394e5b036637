// One official statistical table, laid out from the format engine's grid (rowspans, colspans, header note).
import { cellDef, formatCellValue, tableLayout, type CellMap, type FormatVersion, type TableDef } from "@/lib/format";

export function OfficialTable({
  version,
  table,
  values,
  caption,
  marks,
}: {
  version: FormatVersion;
  table: TableDef;
  values: CellMap;
  caption?: string;
  /** cells to highlight, with the note a reader (and a screen reader) gets */
  marks?: CellMarks;
}) {
  const layout = tableLayout(table);
  const title = caption ?? layout.caption;
  return (
    <div className="overflow-x-auto">
      <table className="official-table w-full bg-white" data-table={table.id}>
        {title ? <caption className="pb-2 text-left text-sm font-medium text-slate-700">{title}</caption> : null}
        <thead>
          {layout.headerRows.map((row, i) => (
            <tr key={i}>
              {row.map((c, j) =>
                c.kind === "text" ? (
                  <th key={j} rowSpan={c.rowSpan} colSpan={c.colSpan} scope={c.colSpan > 1 ? "colgroup" : "col"}>
                    {c.text}
                  </th>
                ) : null,
              )}
            </tr>
          ))}
        </thead>
        <tbody>
          {layout.bodyRows.map((row, i) => (
            <tr key={i}>
              {row.map((c, j) =>
                c.kind === "text" ? (
                  <th key={j} rowSpan={c.rowSpan} colSpan={c.colSpan} scope={c.rowSpan > 1 ? "rowgroup" : "row"} className="text-left">
                    {c.text}
                  </th>
                ) : (
                  <ValueCell key={j} version={version} cellKey={c.cellKey} derived={c.derived} values={values} mark={marks?.[c.cellKey]} />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export type CellMarks = Record<string, { tone: "warn" | "error" | "info"; note: string }>;

const TONES = { warn: "bg-amber-100", error: "bg-red-100", info: "bg-sky-100" } as const;

function ValueCell({ version, cellKey, derived, values, mark }: { version: FormatVersion; cellKey: string; derived: boolean; values: CellMap; mark?: CellMarks[string] }) {
  const def = cellDef(version, cellKey)!;
  return (
    <td className={`num${derived ? " font-medium" : ""}${mark ? ` ${TONES[mark.tone]}` : ""}`} data-cell={cellKey} title={mark?.note}>
      {formatCellValue(def, values[cellKey] ?? null)}
      {mark ? <span className="sr-only">（{mark.note}）</span> : null}
    </td>
  );
}
