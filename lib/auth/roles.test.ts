import { describe, it, expect } from "vitest";
import { canBulkImport, canEditReport, canImportReport, canReadWorkingCopy, canReview, canStartReport, canManageUsers, type Actor, type ReportScopeInfo } from "./roles";

const clerk: Actor = { id: "c", role: "CLERK", agencyId: 7, regionCode: null };
const otherClerk: Actor = { id: "c2", role: "CLERK", agencyId: 8, regionCode: null };
const supervisor: Actor = { id: "s", role: "SUPERVISOR", agencyId: null, regionCode: "2208" };
const outsider: Actor = { id: "s2", role: "SUPERVISOR", agencyId: null, regionCode: "2327" };
const admin: Actor = { id: "a", role: "ADMIN", agencyId: null, regionCode: null };
const banned: Actor = { ...clerk, id: "b", banned: true };

const report = (status: ReportScopeInfo["status"]): ReportScopeInfo => ({ agencyId: 7, agencyRegionCode: "220802", status });

describe("authorization rules", () => {
  it("lets a clerk edit only their own agency's draft or returned report", () => {
    expect(canEditReport(clerk, report("DRAFT"))).toBe(true);
    expect(canEditReport(clerk, report("RETURNED"))).toBe(true);
    expect(canEditReport(clerk, report("SUBMITTED"))).toBe(false);
    expect(canEditReport(clerk, report("PUBLISHED"))).toBe(false);
    expect(canEditReport(otherClerk, report("DRAFT"))).toBe(false);
    expect(canEditReport(banned, report("DRAFT"))).toBe(false);
  });
  it("never lets a supervisor or administrator type into a clerk's report", () => {
    expect(canEditReport(supervisor, report("DRAFT"))).toBe(false);
    expect(canEditReport(admin, report("DRAFT"))).toBe(false);
  });
  it("scopes supervisors to their region and everything under it", () => {
    expect(canReadWorkingCopy(supervisor, report("SUBMITTED"))).toBe(true);
    expect(canReadWorkingCopy(outsider, report("SUBMITTED"))).toBe(false);
    expect(canReview(supervisor, report("SUBMITTED"))).toBe(true);
    expect(canReview(outsider, report("SUBMITTED"))).toBe(false);
    expect(canReview(supervisor, report("DRAFT"))).toBe(false);
    expect(canReview(clerk, report("SUBMITTED"))).toBe(false);
  });
  it("does not take a code that merely shares digits for a sub-region", () => {
    const s: Actor = { ...supervisor, regionCode: "22" };
    expect(canReadWorkingCopy(s, { agencyId: 1, agencyRegionCode: "122208", status: "DRAFT" })).toBe(false);
  });
  it("lets only the agency's clerk or a supervisor of its region start a report", () => {
    expect(canStartReport(clerk, { id: 7, regionCode: "220802" })).toBe(true);
    expect(canStartReport(otherClerk, { id: 7, regionCode: "220802" })).toBe(false);
    expect(canStartReport(supervisor, { id: 7, regionCode: "220802" })).toBe(true);
    expect(canStartReport(outsider, { id: 7, regionCode: "220802" })).toBe(false);
    expect(canStartReport(admin, { id: 7, regionCode: "220802" })).toBe(false);
  });
  it("lets a clerk import only for their agency, a supervisor within their region, an administrator anywhere", () => {
    const agency = { id: 7, regionCode: "220802" };
    expect(canImportReport(clerk, agency)).toBe(true);
    expect(canImportReport(otherClerk, agency)).toBe(false);
    expect(canImportReport(supervisor, agency)).toBe(true);
    expect(canImportReport(outsider, agency)).toBe(false);
    expect(canImportReport(admin, agency)).toBe(true);
    expect(canImportReport(banned, agency)).toBe(false);
    expect(canImportReport({ ...supervisor, banned: true }, agency)).toBe(false);
  });
  it("lets only supervisors and administrators bulk-import", () => {
    expect(canBulkImport(supervisor)).toBe(true);
    expect(canBulkImport(admin)).toBe(true);
    expect(canBulkImport(clerk)).toBe(false);
    expect(canBulkImport({ ...admin, banned: true })).toBe(false);
  });
  it("lets only administrators manage accounts", () => {
    expect(canManageUsers(admin)).toBe(true);
    expect(canManageUsers(supervisor)).toBe(false);
    expect(canManageUsers(clerk)).toBe(false);
  });
});
