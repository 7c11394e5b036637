import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { BulkImport } from "@/components/import/BulkImport";
import { WorkspaceBar } from "@/components/workspace/WorkspaceBar";
import { requireUser } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/home";
import { canBulkImport } from "@/lib/auth/roles";
import { listImportAgencies } from "@/lib/db/import-draft";
import { getRegionName } from "@/lib/db/queries/workspace";
import { currentFilingYear } from "@/lib/db/queries/home";

export const metadata: Metadata = { title: "批量导入" };

export default async function BulkImportPage() {
  const user = await requireUser("/review/import");
  if (user.role === "CLERK") redirect("/filing/import");
  if (!canBulkImport(user)) redirect(homeFor(user.role));
  const [agencies, regionName] = await Promise.all([listImportAgencies(user), getRegionName(user.regionCode)]);
  const scope = user.role === "ADMIN" ? "全平台" : (regionName ?? "");

  return (
    <div className="space-y-6">
      <WorkspaceBar name={user.name} role={user.role} scopeLabel={scope} />
      <p className="text-sm">
        <Link href="/review" className="text-brand-700 hover:underline">
          ← 返回待审核列表
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-semibold text-brand-800">批量导入往年报告</h1>
        <p className="mt-1 text-sm text-slate-600">
          为{scope}范围内的机关导入已经发布过的年度报告（共 {agencies.length} 个机关可选）。
        </p>
      </div>
      {agencies.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-slate-600 ring-1 ring-slate-200">您负责的地区内还没有登记机关，无法导入。</p>
      ) : (
        <BulkImport agencies={agencies} maxYear={currentFilingYear()} />
      )}
    </div>
  );
}
