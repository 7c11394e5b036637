"use client";
// Section 三 (requests) and 四 (review/litigation): one official table each.
import type { GridModel } from "@/lib/filing-client";
import type { FormatVersion } from "@/lib/format";
import { EditableGrid, type GridData } from "./EditableGrid";

export function EditableTable({
  version,
  grid,
  caption,
  tableName,
  data,
}: {
  version: FormatVersion;
  grid: GridModel;
  caption: string;
  tableName?: string;
  data: GridData;
}) {
  return <EditableGrid version={version} grid={grid} caption={caption} tableName={tableName} data={data} />;
}
