"use client";
// Section 二: the 第二十条 tables stacked in one grid, as ActiveTables prints them on the public page.
import type { GridModel } from "@/lib/filing-client";
import type { FormatVersion } from "@/lib/format";
import { EditableGrid, type GridData } from "./EditableGrid";

export function EditableActiveTables({ version, grid, data }: { version: FormatVersion; grid: GridModel; data: GridData }) {
  return <EditableGrid version={version} grid={grid} caption="主动公开政府信息情况（第二十条各项）" data={data} />;
}
