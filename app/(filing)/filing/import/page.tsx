import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ClerkImport } from "@/components/import/ClerkImport";
import { WorkspaceBar } from "@/components/workspace/WorkspaceBar";
import { requireUser } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/home";
import { getAgencyWithReports } from "@/lib/db/queries/workspace";
import { currentFilingYear } from "@/lib/db/queries/home";
import { STATUS_LABELS } from "@/lib/status-labels";
import { createImportedDraftAction } from "./actions";

export const metadata: Metadata = { title: "导入已有报告" };

export default async function ImportPage() {
  const user = await requireUser("/filing/import");
  if (user.role !== "CLERK") redirect(user.role === "SUPERVISOR" || user.role === "ADMIN" ? "/review/import" : homeFor(user.role));
  const agency = user.agencyId ? await getAgencyWithReports(user.agencyId) : null;
  if (!agency) return <p className="text-seal">您的账号未关联机关，请联系管理员。</p>;
  const existing = agency.reports.map((r) => ({ year: r.year, reportId: r.id, statusLabel: STATUS_LABELS[r.revisions[0]?.state ?? r.status] }));

  return (
    <div className="space-y-6">
      <WorkspaceBar name={user.name} role={user.role} scopeLabel={agency.name} />
      <p className="text-sm">
        <Link href="/filing" className="text-brand-700 hover:underline">
          ← 我的报告
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-semibold text-brand-800">导入已有报告</h1>
        <p className="mt-1 text-sm text-slate-600">
          把本机关已经发布过的年度报告（如往年在政府网站公开的报告）导入平台：系统读出正文和三张统计表，核对无误后创建为{agency.name}的草稿。
        </p>
      </div>
      <ClerkImport agencyName={agency.name} existing={existing} maxYear={currentFilingYear()} action={createImportedDraftAction} />
    </div>
  );
}
