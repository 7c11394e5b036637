// Who may do what — pure functions over the caller and the report, so every server action, route handler and
// the authorization test matrix use the same rules. No database, no Next.js.
export type RoleName = "CLERK" | "SUPERVISOR" | "ADMIN";

export const ROLE_LABELS: Record<RoleName, string> = { CLERK: "填报人", SUPERVISOR: "审核人", ADMIN: "管理员" };

export interface Actor {
  id: string;
  role: RoleName;
  /** a clerk's agency */
  agencyId: number | null;
  /** a supervisor's region (and everything under it) */
  regionCode: string | null;
  banned?: boolean | null;
}

export interface ReportScopeInfo {
  agencyId: number;
  agencyRegionCode: string;
  status: "DRAFT" | "SUBMITTED" | "RETURNED" | "PUBLISHED";
}

export function isRole(x: unknown): x is RoleName {
  return x === "CLERK" || x === "SUPERVISOR" || x === "ADMIN";
}

/** A region code lies in a supervisor's region when it starts with the supervisor's code (codes nest by prefix). */
export function regionContains(scope: string | null, code: string): boolean {
  return !!scope && code.startsWith(scope);
}

export function inScope(actor: Actor, report: Pick<ReportScopeInfo, "agencyId" | "agencyRegionCode">): boolean {
  if (actor.banned) return false;
  switch (actor.role) {
    case "ADMIN":
      return true;
    case "SUPERVISOR":
      return regionContains(actor.regionCode, report.agencyRegionCode);
    case "CLERK":
      return actor.agencyId !== null && actor.agencyId === report.agencyId;
  }
}

/** Reading a report's working copy (drafts, submissions, returned reports, with comments). */
export function canReadWorkingCopy(actor: Actor, report: ReportScopeInfo): boolean {
  return inScope(actor, report);
}

/** Typing into the working copy: the agency's clerk while it is a draft or returned. Nobody edits a published revision. */
export function canEditReport(actor: Actor, report: ReportScopeInfo): boolean {
  return actor.role === "CLERK" && inScope(actor, report) && (report.status === "DRAFT" || report.status === "RETURNED");
}

export function canSubmitReport(actor: Actor, report: ReportScopeInfo): boolean {
  return canEditReport(actor, report);
}

/** Starting a report (a new year, or a correction of a published one) for an agency. */
export function canStartReport(actor: Actor, agency: { id: number; regionCode: string }): boolean {
  if (actor.banned) return false;
  if (actor.role === "CLERK") return actor.agencyId === agency.id;
  // A supervisor starts their own government's summary report (from the roll-up).
  if (actor.role === "SUPERVISOR") return regionContains(actor.regionCode, agency.regionCode);
  return false;
}

/**
 * Storing an imported report as a new report of an agency: its clerk, a supervisor of its region, or an
 * administrator (who may also bring in past reports). Never over an existing report — that is checked by the store.
 */
export function canImportReport(actor: Actor, agency: { id: number; regionCode: string }): boolean {
  if (actor.banned) return false;
  return inScope(actor, { agencyId: agency.id, agencyRegionCode: agency.regionCode });
}

/** Bulk import of past reports (a folder of files for agencies of the region): supervisors and administrators. */
export function canBulkImport(actor: Actor): boolean {
  return !actor.banned && (actor.role === "SUPERVISOR" || actor.role === "ADMIN");
}

/** Returning or publishing a submission: a supervisor of the region, or an administrator. */
export function canReview(actor: Actor, report: ReportScopeInfo): boolean {
  return (actor.role === "SUPERVISOR" || actor.role === "ADMIN") && inScope(actor, report) && report.status === "SUBMITTED";
}

export function canManageUsers(actor: Actor): boolean {
  return actor.role === "ADMIN" && !actor.banned;
}
