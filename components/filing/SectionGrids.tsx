"use client";
// The editable official table(s) of one section with their check messages under them: 二's stacked 第二十条
// tables, 三's request table, 四's review/litigation table; nothing for the narrative-only sections.
import type { GridModel } from "@/lib/filing-client";
import type { FormatVersion, SectionKey } from "@/lib/format";
import { EditableActiveTables } from "./EditableActiveTables";
import type { GridData } from "./EditableGrid";
import { EditableTable } from "./EditableTable";
import { RL_NAME, focusCell, type GridId } from "./grid-editing";
import { IssueList, type ListedIssue } from "./IssueList";

export function SectionGrids({
  sectionKey,
  version,
  grids,
  data,
  issues,
}: {
  sectionKey: SectionKey;
  version: FormatVersion;
  grids: Record<GridId, GridModel>;
  data: GridData;
  issues: Record<GridId, ListedIssue[]>;
}) {
  if (sectionKey === "s2_active") {
    return (
      <div>
        <EditableActiveTables version={version} grid={grids.active} data={data} />
        <IssueList issues={issues.active} onFocusCell={focusCell} />
      </div>
    );
  }
  if (sectionKey === "s3_requests") {
    return (
      <div>
        <EditableTable version={version} grid={grids.requests} caption="收到和处理政府信息公开申请情况" data={data} />
        <IssueList issues={issues.requests} onFocusCell={focusCell} />
      </div>
    );
  }
  if (sectionKey === "s4_reviewLitigation") {
    return (
      <div>
        <EditableTable version={version} grid={grids.reviewLitigation} caption={RL_NAME} tableName={RL_NAME} data={data} />
        <IssueList issues={issues.reviewLitigation} onFocusCell={focusCell} />
      </div>
    );
  }
  return null;
}
