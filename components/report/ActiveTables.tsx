// Section 二: the 第二十条 tables as the official format prints them, one grid with a caption row per item and
// the value columns of narrower items widened to the grid's width.
import { cellDef, formatCellValue, sectionTables, type CellMap, type FormatVersion } from "@/lib/format";
import type { CellMarks } from "./OfficialTable";

export function ActiveTables({ version, values, marks }: { version: FormatVersion; values: CellMap; marks?: CellMarks }) {
  const tables = sectionTables(version, "s2_active");
  const valueCols = Math.max(...tables.map((t) => t.columns.length));
  const width = valueCols + 1;
  return (
    <div className="overflow-x-auto">
      <table className="official-table w-full bg-white" data-table="active">
        <tbody>
          {tables.map((t) => {
            const rows = t.rows.filter((r) => !r.optional || t.cells.some((c) => c.rowKey === r.key && values[c.key] != null));
            const spanOf = (i: number) => (i === t.columns.length - 1 ? valueCols - t.columns.length + 1 : 1);
            return [
              <tr key={`${t.id}-caption`}>
                <th colSpan={width} scope="colgroup" className="bg-slate-100">
                  {t.caption}
                </th>
              </tr>,
              <tr key={`${t.id}-head`}>
                <th scope="col">{t.firstColumnHeader}</th>
                {t.columns.map((c, i) => (
                  <th key={c.key} scope="col" colSpan={spanOf(i)}>
                    {c.label}
                  </th>
                ))}
              </tr>,
              ...rows.map((r) => (
                <tr key={`${t.id}-${r.key}`}>
                  <th scope="row" className="text-left">
                    {r.label}
                  </th>
                  {t.columns.map((c, i) => {
                    const key = `${t.id}.${r.key}.${c.key}`;
                    const def = cellDef(version, key)!;
                    const mark = marks?.[key];
                    const tone = mark ? (mark.tone === "error" ? " bg-red-100" : mark.tone === "warn" ? " bg-amber-100" : " bg-sky-100") : "";
                    return (
                      <td key={c.key} colSpan={spanOf(i)} className={`num${tone}`} data-cell={key} title={mark?.note}>
                        {formatCellValue(def, values[key] ?? null, { withUnit: def.unit === "元" && values[key] != null })}
                        {mark ? <span className="sr-only">（{mark.note}）</span> : null}
                      </td>
                    );
                  })}
                </tr>
              )),
            ];
          })}
        </tbody>
      </table>
    </div>
  );
}
