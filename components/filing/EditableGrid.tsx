"use client";
// Renders a grid model (from the format engine's tableLayout) with inputs in leaf cells and computed totals in
// derived cells. Shared by the single tables and the stacked 第二十条 tables, so both follow the official layout.
import type { ReactNode } from "react";
import { cellDef, formatCellValue, type CellMap, type FormatVersion, type LayoutCell } from "@/lib/format";
import { cellAccessibleName, type GridModel, type RawInput } from "@/lib/filing-client";
import { CellInput, type CellMark } from "./CellInput";
import { DERIVED_NOTE_ID, cellDomId } from "./grid-context";

export interface CellView {
  mark: CellMark;
  describedBy: string | undefined;
}

export interface GridData {
  /** leaf values with totals computed */
  values: CellMap;
  raw: Readonly<Record<string, RawInput>>;
  prefilled: ReadonlySet<string>;
  views: ReadonlyMap<string, CellView>;
}

export function EditableGrid({
  version,
  grid,
  caption,
  tableName,
  data,
}: {
  version: FormatVersion;
  grid: GridModel;
  /** read by screen readers when entering the table */
  caption: string;
  /** prefix of the inputs' names, for tables whose rows have no label */
  tableName?: string;
  data: GridData;
}) {
  const stacked = grid.rows.some((r) => r.kind === "caption");
  const header: ReactNode[] = [];
  const body: ReactNode[] = [];
  grid.rows.forEach((row, i) => {
    if (row.kind === "caption") {
      body.push(
        <tr key={i}>
          <th colSpan={row.colSpan} scope="colgroup" className="bg-slate-100! text-left! font-semibold">
            {row.text}
          </th>
        </tr>,
      );
      return;
    }
    if (row.kind === "header") {
      (stacked ? body : header).push(
        <tr key={i}>
          {row.cells.map((c, j) =>
            c.kind === "text" ? (
              <th key={j} rowSpan={c.rowSpan} colSpan={c.colSpan} scope={c.colSpan > 1 ? "colgroup" : "col"} className={headerClass(c, j)}>
                {c.text}
              </th>
            ) : null,
          )}
        </tr>,
      );
      return;
    }
    const lastText = row.cells.reduce((n, c, j) => (c.kind === "text" ? j : n), -1);
    body.push(
      <tr key={i}>
        {row.cells.map((c, j) => {
          if (c.kind === "text") {
            return (
              <th
                key={j}
                rowSpan={c.rowSpan}
                colSpan={c.colSpan}
                scope={c.rowSpan > 1 ? "rowgroup" : "row"}
                className={rowHeaderClass(c, j === lastText)}
              >
                {c.text}
              </th>
            );
          }
          const def = cellDef(version, c.cellKey)!;
          if (c.derived) return <DerivedCell key={j} cellKey={c.cellKey} version={version} data={data} colSpan={c.colSpan} />;
          const raw = data.raw[c.cellKey];
          const view = data.views.get(c.cellKey);
          return (
            <CellInput
              key={j}
              def={def}
              label={cellAccessibleName(def, tableName)}
              value={data.values[c.cellKey] ?? null}
              raw={raw?.text}
              rawMessage={raw?.message}
              mark={raw ? "error" : view?.mark}
              describedBy={view?.describedBy}
              prefilled={data.prefilled.has(c.cellKey)}
              colSpan={c.colSpan > 1 ? c.colSpan : undefined}
            />
          );
        })}
      </tr>,
    );
  });

  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white" data-grid={grid.id}>
      <table className="official-table w-full" data-table={grid.id}>
        <caption className="sr-only">{caption}</caption>
        {header.length > 0 ? <thead>{header}</thead> : null}
        <tbody>{body}</tbody>
      </table>
    </div>
  );
}

function DerivedCell({ cellKey, version, data, colSpan }: { cellKey: string; version: FormatVersion; data: GridData; colSpan: number }) {
  const def = cellDef(version, cellKey)!;
  // A total of blank cells is shown blank rather than 0: nothing has been filled in yet.
  const allBlank = (def.leafParts ?? []).every((k) => (data.values[k] ?? null) === null);
  const text = allBlank ? "" : formatCellValue(def, data.values[cellKey] ?? null);
  const view = data.views.get(cellKey);
  const tone =
    view?.mark === "error"
      ? "shadow-[inset_0_0_0_2px_#dc2626]"
      : view?.mark === "warning"
        ? "shadow-[inset_0_0_0_2px_#d97706]"
        : "";
  return (
    <td
      id={cellDomId(cellKey)}
      tabIndex={-1}
      colSpan={colSpan > 1 ? colSpan : undefined}
      data-cell={cellKey}
      data-derived=""
      title="自动计算，不可编辑"
      aria-describedby={[DERIVED_NOTE_ID, view?.describedBy].filter(Boolean).join(" ")}
      className={`num scroll-my-24 bg-slate-100! font-semibold text-slate-800 ${tone}`}
    >
      {text}
      <span className="sr-only">（自动计算）</span>
    </td>
  );
}

function headerClass(c: LayoutCell, j: number): string {
  // The request table's corner holds the long 勾稽关系 note: keep it narrow and small so the grid stays compact.
  return c.kind === "text" && j === 0 && c.rowSpan > 1 && c.colSpan > 1 ? "text-xs! font-normal! leading-5 text-slate-600" : "text-sm";
}

function rowHeaderClass(c: LayoutCell, isLabel: boolean): string {
  if (c.kind !== "text") return "";
  // 三、本年度办理结果 spans 20+ rows: written vertically, as on printed forms, to give the value columns room.
  if (!isLabel && c.rowSpan >= 10) return "w-10 [writing-mode:vertical-rl] tracking-widest text-center! bg-slate-100!";
  if (!isLabel) return "min-w-[5.5rem] text-left! bg-slate-50!";
  return "min-w-[11rem] text-left! font-normal! bg-slate-50! leading-snug";
}
