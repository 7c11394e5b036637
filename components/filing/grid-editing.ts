"use client";
// What an editable report grid needs around it, shared by the clerk's report form and the import preview: the
// three grids from the official layout, the cell callbacks (commit, keyboard navigation, block paste) over the
// draft reducer, and the placing of messages on cells (marks and aria-describedby ids) and under their table.
import { useMemo, type Dispatch } from "react";
import { cellDef, getTable, sectionTables, tableLayout, type FormatVersion, type Issue } from "@/lib/format";
import { navTarget, planPaste, readCell, singleGrid, stackedGrid, type DraftAction, type GridModel, type NavGrid, type PastePlan } from "@/lib/filing-client";
import type { CellView } from "./EditableGrid";
import { cellDomId, type GridActions } from "./grid-context";
import type { ListedIssue } from "./IssueList";

export type GridId = "active" | "requests" | "reviewLitigation";

export const RL_NAME = "政府信息公开行政复议、行政诉讼情况";

/** Section 二's stacked 第二十条 tables, 三's request table and 四's review/litigation table. */
export function useReportGrids(version: FormatVersion, includeOptional: boolean): Record<GridId, GridModel> {
  return useMemo(() => {
    const layoutOptions = { includeOptional };
    return {
      active: stackedGrid("active", sectionTables(version, "s2_active").map((t) => tableLayout(t, layoutOptions))),
      requests: singleGrid("requests", tableLayout(getTable(version, "requests")!)),
      reviewLitigation: singleGrid("reviewLitigation", tableLayout(getTable(version, "reviewLitigation")!)),
    };
  }, [version, includeOptional]);
}

export function gridOfCell(version: FormatVersion, key: string): GridId | null {
  const def = cellDef(version, key);
  if (!def) return null;
  return def.tableId.startsWith("active.") ? "active" : def.tableId === "requests" ? "requests" : "reviewLitigation";
}

/** The grid cells' callbacks over the draft reducer; `onPaste` hears how a block paste went. */
export function useGridActions(
  version: FormatVersion,
  grids: Record<GridId, GridModel>,
  dispatch: Dispatch<DraftAction>,
  onPaste: (plan: PastePlan) => void,
): GridActions {
  const navOf = useMemo(() => {
    const m = new Map<string, NavGrid>();
    for (const g of Object.values(grids)) for (const row of g.nav.rows) for (const c of row) m.set(c.key, g.nav);
    return m;
  }, [grids]);
  return useMemo<GridActions>(
    () => ({
      commit(key, text, fallback, final) {
        dispatch({ type: "edit", key, text, fallback, final });
        const r = readCell(version, key, text);
        return r.ok ? { value: r.value, raw: null } : { value: fallback, raw: final ? text : null };
      },
      navigate(key, move) {
        const nav = navOf.get(key);
        const target = nav ? navTarget(nav, key, move) : null;
        if (!target) return false;
        document.getElementById(cellDomId(target))?.focus();
        return true;
      },
      pasteBlock(key, text) {
        const nav = navOf.get(key);
        if (!nav) return;
        const plan = planPaste(nav, key, text, (k, t) => readCell(version, k, t));
        dispatch({ type: "paste", plan });
        onPaste(plan);
      },
    }),
    [version, navOf, dispatch, onPaste],
  );
}

/** The cell a message about an issue takes the clerk to: its primary cell, or a leaf it names when that is a total. */
export function issueFocusKey(version: FormatVersion, issue: Pick<Issue, "primaryCell" | "cells">): string {
  if (!cellDef(version, issue.primaryCell)?.derived) return issue.primaryCell;
  return issue.cells.find((k) => cellDef(version, k) && !cellDef(version, k)!.derived) ?? issue.primaryCell;
}

/** Scrolls to a cell's input (or a total's table cell) and focuses it, from a message's 定位 button. */
export function focusCell(key: string) {
  const el = document.getElementById(cellDomId(key));
  if (!el) return;
  el.scrollIntoView({ block: "center" });
  el.focus({ preventScroll: true });
}

/**
 * Messages about cells, in the order given: each is listed under its grid (ids made unique) and marks its cells;
 * a cell any error names is marked as an error, else as a warning. Errors are listed before warnings.
 */
export function placeMessages(
  version: FormatVersion,
  items: readonly (ListedIssue & { cells: readonly string[] })[],
): { byGrid: Record<GridId, ListedIssue[]>; views: Map<string, CellView> } {
  const byGrid: Record<GridId, ListedIssue[]> = { active: [], requests: [], reviewLitigation: [] };
  const marks = new Map<string, { mark: "error" | "warning"; ids: string[] }>();
  const seen = new Set<string>();
  for (const { cells, ...item } of items) {
    let id = item.id;
    for (let n = 2; seen.has(id); n++) id = `${item.id}-${n}`;
    seen.add(id);
    const gridId = gridOfCell(version, item.focusKey);
    if (!gridId) continue;
    byGrid[gridId].push({ ...item, id });
    for (const c of cells) {
      const m = marks.get(c) ?? { mark: item.severity, ids: [] };
      if (item.severity === "error") m.mark = "error";
      m.ids.push(id);
      marks.set(c, m);
    }
  }
  for (const list of Object.values(byGrid)) list.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  const views = new Map<string, CellView>();
  for (const [k, m] of marks) views.set(k, { mark: m.mark, describedBy: m.ids.join(" ") });
  return { byGrid, views };
}

export interface PasteNotice {
  text: string;
  /** the paste can be undone */
  undo: boolean;
  tone: "info" | "warn";
}

export function pasteNotice(version: FormatVersion, plan: PastePlan): PasteNotice {
  const parts = [`已粘贴 ${plan.updates.length} 个单元格`];
  if (plan.skippedDerived.length > 0) parts.push(`跳过 ${plan.skippedDerived.length} 个自动计算的合计单元格`);
  if (plan.failures.length > 0) {
    const names = plan.failures.slice(0, 3).map((f) => `“${cellDef(version, f.key)?.label ?? f.key}”（${f.text}）`);
    parts.push(`${plan.failures.length} 个内容无法识别，已标红：${names.join("、")}${plan.failures.length > 3 ? " 等" : ""}`);
  }
  if (plan.outside > 0 || plan.truncated) parts.push("超出表格范围的内容已忽略");
  return { text: `${parts.join("；")}。`, undo: plan.updates.length + plan.failures.length > 0, tone: plan.failures.length > 0 || plan.outside > 0 ? "warn" : "info" };
}
