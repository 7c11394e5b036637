// Table body rows under nested row-group headings (三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密…), with the
// groups repeated for screen readers in each row header.
import { Fragment, type ReactNode } from "react";
import { groupBreaks } from "@/lib/compare";

export interface GroupedRow {
  key: string;
  groups: readonly string[];
  label: string;
  strong?: boolean;
  className?: string;
  cells: ReactNode;
}

export function GroupedRows({ rows, columns }: { rows: readonly GroupedRow[]; columns: number }) {
  return (
    <>
      {rows.map((r, i) => (
        <Fragment key={r.key}>
          {groupBreaks(i > 0 ? rows[i - 1].groups : null, r.groups).map((g) => (
            <tr key={`${r.key}-g${g.depth}`} className="bg-slate-50">
              <td colSpan={columns} className="font-medium text-slate-700" style={{ paddingLeft: `${0.5 + g.depth * 1.25}rem` }}>
                {g.label}
              </td>
            </tr>
          ))}
          <tr className={r.className}>
            <th scope="row" className={r.strong ? "font-semibold" : "font-normal"} style={{ textAlign: "left", paddingLeft: `${0.5 + r.groups.length * 1.25}rem` }}>
              {r.groups.length ? <span className="sr-only">{r.groups.join(" ")} </span> : null}
              {r.label}
            </th>
            {r.cells}
          </tr>
        </Fragment>
      ))}
    </>
  );
}
