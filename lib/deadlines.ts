// Filing deadlines (decisions.md "Deadlines"): for report year Y, departments of governments at county level and
// above and townships, street offices and others publish by 31 January Y+1 (an administrator may set another date
// for a region and year); a county-or-higher people's government publishes its own (summary) report by 31 March Y+1.
// Times are Asia/Shanghai (UTC+8, no daylight saving): a deadline is the end of that day there.
export type AgencyKindName = "GOVERNMENT" | "DEPARTMENT" | "TOWNSHIP" | "SUBDISTRICT" | "OTHER";

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

function endOfShanghaiDay(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day + 1) - SHANGHAI_OFFSET_MS - 1);
}

export function deadlineFor(kind: AgencyKindName, reportYear: number, override?: Date | null): Date {
  if (kind === "GOVERNMENT") return endOfShanghaiDay(reportYear + 1, 3, 31);
  if (override && kind !== "DEPARTMENT") return override;
  return endOfShanghaiDay(reportYear + 1, 1, 31);
}

export function isOnTime(publishedAt: Date | null | undefined, deadline: Date): boolean {
  return !!publishedAt && publishedAt.getTime() <= deadline.getTime();
}

export const AGENCY_KIND_LABELS: Record<AgencyKindName, string> = {
  GOVERNMENT: "人民政府",
  DEPARTMENT: "政府部门",
  TOWNSHIP: "乡镇人民政府",
  SUBDISTRICT: "街道办事处",
  OTHER: "其他机关",
};
