"use client";
// Renders a grid model (from the format engine's tableLayout) with inputs in leaf cells and computed totals in
// derived cells. Shared by the single tables and the stacked 第二十条 tables, so both follow the official layout.
//
// Typing in one cell changes the form's values, so every grid is asked to render. Each body row is memoised on
// what its cells display (value, marks, total text), so only the rows that really change re-render: the edited
// row, its totals and rows whose issue marks moved. That keeps the 175-cell request table snappy.
import { memo, useRef, type ReactNode } from "react";
import { cellDef, formatCellValue, type CellMap, type FormatVersion, type LayoutCell } from "@/lib/format";
import { cellAccessibleName, type GridModel, type RawInput } from "@/lib/filing-client";
import { CellInput, type CellMark } from "./CellInput";
import { cellDomId } from "./grid-context";

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

/** What one cell shows; a row re-renders only when one of its cells' state changes. */
type CellState =
  | { derived: true; text: string; mark: CellMark; describedBy: string | undefined }
  | {
      derived: false;
      value: number | null;
      raw: string | undefined;
      rawMessage: string | undefined;
      mark: CellMark;
      describedBy: string | undefined;
      prefilled: boolean;
    };

type RowState = Readonly<Record<string, CellState>>;

function cellState(version: FormatVersion, key: string, derived: boolean, data: GridData): CellState {
  const view = data.views.get(key);
  if (derived) {
    const def = cellDef(version, key)!;
    // A total of blank cells is shown blank rather than 0: nothing has been filled in yet.
    const allBlank = (def.leafParts ?? []).every((k) => (data.values[k] ?? null) === null);
    return { derived: true, text: allBlank ? "" : formatCellValue(def, data.values[key] ?? null), mark: view?.mark, describedBy: view?.describedBy };
  }
  const raw = data.raw[key];
  return {
    derived: false,
    value: data.values[key] ?? null,
    raw: raw?.text,
    rawMessage: raw?.message,
    mark: raw ? "error" : view?.mark,
    describedBy: view?.describedBy,
    prefilled: data.prefilled.has(key),
  };
}

// Memoised: typing in a narrative or an explanation does not touch the grids.
export const EditableGrid = memo(function EditableGrid({
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
  const rowCache = useRef(new Map<number, { sig: string; state: RowState }>());
  const rowStateOf = (i: number, cells: LayoutCell[]): RowState => {
    const state: Record<string, CellState> = {};
    for (const c of cells) if (c.kind === "cell") state[c.cellKey] = cellState(version, c.cellKey, c.derived, data);
    const sig = JSON.stringify(state);
    const hit = rowCache.current.get(i);
    if (hit && hit.sig === sig) return hit.state;
    rowCache.current.set(i, { sig, state });
    return state;
  };

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
    } else if (row.kind === "header") {
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
    } else {
      body.push(<BodyRow key={i} version={version} cells={row.cells} state={rowStateOf(i, row.cells)} tableName={tableName} />);
    }
  });

  return (
    <div className="relative overflow-x-auto rounded border border-slate-200 bg-white" data-grid={grid.id}>
      <table className="official-table w-full" data-table={grid.id}>
        <caption className="sr-only">{caption}</caption>
        {header.length > 0 ? <thead>{header}</thead> : null}
        <tbody>{body}</tbody>
      </table>
    </div>
  );
});

const BodyRow = memo(function BodyRow({
  version,
  cells,
  state,
  tableName,
}: {
  version: FormatVersion;
  cells: LayoutCell[];
  state: RowState;
  tableName: string | undefined;
}) {
  const lastText = cells.reduce((n, c, j) => (c.kind === "text" ? j : n), -1);
  return (
    <tr>
      {cells.map((c, j) => {
        if (c.kind === "text") {
          return (
            <th key={j} rowSpan={c.rowSpan} colSpan={c.colSpan} scope={c.rowSpan > 1 ? "rowgroup" : "row"} className={rowHeaderClass(c, j === lastText)}>
              {c.text}
            </th>
          );
        }
        const s = state[c.cellKey]!;
        const colSpan = c.colSpan > 1 ? c.colSpan : undefined;
        if (s.derived) return <DerivedCell key={j} cellKey={c.cellKey} text={s.text} mark={s.mark} describedBy={s.describedBy} colSpan={colSpan} />;
        const def = cellDef(version, c.cellKey)!;
        return (
          <CellInput
            key={j}
            def={def}
            label={cellAccessibleName(def, tableName)}
            value={s.value}
            raw={s.raw}
            rawMessage={s.rawMessage}
            mark={s.mark}
            describedBy={s.describedBy}
            prefilled={s.prefilled}
            colSpan={colSpan}
          />
        );
      })}
    </tr>
  );
});

function DerivedCell({ cellKey, text, mark, describedBy, colSpan }: { cellKey: string; text: string; mark: CellMark; describedBy: string | undefined; colSpan: number | undefined }) {
  const tone = mark === "error" ? "shadow-[inset_0_0_0_2px_#dc2626]" : mark === "warning" ? "shadow-[inset_0_0_0_2px_#d97706]" : "";
  return (
    <td
      id={cellDomId(cellKey)}
      // focusable from an issue's 定位 link, never by Tab: it is not an input
      tabIndex={-1}
      colSpan={colSpan}
      data-cell={cellKey}
      data-derived=""
      title="自动计算，不可编辑"
      aria-describedby={describedBy}
      className={`num relative scroll-my-24 bg-slate-100! font-semibold text-slate-800 ${tone}`}
    >
      {text}
      <span className="sr-only">（自动计算）</span>
    </td>
  );
}

function headerClass(c: LayoutCell, j: number): string {
  // The request table's corner holds the long 勾稽关系 note: keep it small so the grid stays compact.
  return c.kind === "text" && j === 0 && c.rowSpan > 1 && c.colSpan > 1 ? "text-xs! font-normal! leading-5 text-slate-600" : "text-sm";
}

function rowHeaderClass(c: LayoutCell, isLabel: boolean): string {
  if (c.kind !== "text") return "";
  // 三、本年度办理结果 spans 20+ rows: written vertically, as on printed forms, to give the value columns room.
  if (!isLabel && c.rowSpan >= 10) return "w-10 [writing-mode:vertical-rl] tracking-widest text-center! bg-slate-100!";
  if (!isLabel) return "min-w-[5.5rem] text-left! bg-slate-50!";
  return "min-w-[11rem] text-left! font-normal! bg-slate-50! leading-snug";
}
